import { SignInScreen, type SignInScreenProps } from '@/core/auth/sign-in-screen';

export const metadata = { title: 'Sign in' };

export default function LoginPage(props: SignInScreenProps) {
  return <SignInScreen {...props} />;
}
