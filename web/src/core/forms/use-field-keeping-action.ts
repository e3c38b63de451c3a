'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from 'react';

/**
 * Runs a form's server action from its submit, with or without JavaScript. Without it the
 * browser posts the form (`formAction`) and the page comes back drawn with the answer. With it
 * the submit is taken over (`submit`): React's own form action would reset every field once it
 * finished, losing what was typed, so the action runs as a plain call and a refusal leaves the
 * fields alone; a success refreshes the page and, when asked, clears the form.
 */
export function useFieldKeepingAction<State extends { ok: boolean }>(
  action: (previous: State | null, form: FormData) => Promise<State>,
  options: { resetOnSuccess?: boolean } = {},
) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  // Set once this page has submitted with script, so an answer drawn by the server (a post made
  // before the page was live) does not refresh or clear anything.
  const submitted = useRef(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    submitted.current = true;
    startTransition(() => formAction(data));
  }

  const { resetOnSuccess } = options;
  useEffect(() => {
    if (!submitted.current || !state?.ok) return;
    if (resetOnSuccess) form.current?.reset();
    router.refresh();
  }, [state, resetOnSuccess, router]);

  return { state, formAction, pending, form, submit };
}
