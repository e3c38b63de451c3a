'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="primary"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn('cognito', { callbackUrl });
      }}
    >
      {pending ? 'Redirecting…' : 'Sign in with LearnTrac account'}
    </button>
  );
}
