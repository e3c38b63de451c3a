'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { writeConceptQuestionsAction } from './learner-actions';

/** For a concept of the learner's own path that has no questions yet: write them now. */
export function WriteQuestionsButton(props: { pathId: string; ticketId: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const write = () =>
    startTransition(async () => {
      const form = new FormData();
      form.set('ticketId', String(props.ticketId));
      form.set('pathId', props.pathId);
      const outcome = await writeConceptQuestionsAction(form);
      if (outcome.ok) router.refresh();
      else setProblem(outcome.message);
    });
  return (
    <>
      <button type="button" className="primary" onClick={write} disabled={pending}>
        {pending ? 'Writing questions…' : 'Write questions for this concept'}
      </button>
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
