import { redirect } from 'next/navigation';
import { getCurrentUser } from './current-user';
import { safeReturnPath } from './safe-return-path';
import { SignInButton } from './sign-in-button';

export type SignInScreenProps = {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
};

// next-auth reports failures with these codes; anything else gets the general message.
const ERRORS: Record<string, string> = {
  OAuthSignin: 'The sign-in service could not be reached. Try again in a moment.',
  OAuthCallback: 'The sign-in service’s answer could not be checked. Please sign in again.',
  AccessDenied: 'The sign-in service refused access.',
  SessionRequired: 'Please sign in to see that page.',
};

/** The sign-in page: one button to the identity provider; a signed-in visitor goes on. */
export async function SignInScreen({ searchParams }: SignInScreenProps) {
  const { callbackUrl, error: errors } = await searchParams;
  const error = Array.isArray(errors) ? errors[0] : errors;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <>
      <h1>Sign in</h1>
      {error && (
        <p className="notice error" role="alert">
          {(Object.hasOwn(ERRORS, error) ? ERRORS[error] : undefined) ??
            'Signing in did not work. Please try again.'}
        </p>
      )}
      <p>Sign in with your LearnTrac account to create tickets, follow learning paths and more.</p>
      <SignInButton callbackUrl={returnTo} />
    </>
  );
}
