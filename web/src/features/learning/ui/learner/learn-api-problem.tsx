import { forbidden, notFound } from 'next/navigation';
import type { LearnApiResult } from '../../learn-api/learn-api-client';

type Failure = Extract<LearnApiResult<unknown>, { ok: false }>;

/** A learn-api answer that is not the data: 404 and 403 as the site shows them, else a notice. */
export function LearnApiProblem({ result }: { result: Failure }) {
  if (result.status === 404) notFound();
  if (result.status === 403) forbidden();
  const message = result.kind === 'unavailable' ? result.message : result.error.message;
  return (
    <p className="notice error" role="alert">
      {message}
    </p>
  );
}
