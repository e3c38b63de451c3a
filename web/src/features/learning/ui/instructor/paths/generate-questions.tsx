'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { generateQuestionsAction } from '../instructor-actions';

type Run =
  | { state: 'idle' }
  | { state: 'running'; done: number; current: string }
  | { state: 'finished'; failures: string[] };

/**
 * Writes the questions concept by concept, one request each, so the bar moves as each concept
 * is done and a slow or failing concept does not hold up the others.
 */
export function GenerateQuestions(props: {
  pathId: string;
  concepts: { ticketId: number; concept: string }[];
  label: string;
}) {
  const router = useRouter();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const total = props.concepts.length;
  const [planned, setPlanned] = useState(total);

  async function generate() {
    const failures: string[] = [];
    setPlanned(total);
    for (const [index, concept] of props.concepts.entries()) {
      setRun({ state: 'running', done: index, current: concept.concept });
      const form = new FormData();
      form.set('pathId', props.pathId);
      form.set('ticketId', String(concept.ticketId));
      try {
        const answer = await generateQuestionsAction(null, form);
        if (!answer.ok) failures.push(`${concept.concept}: ${answer.message}`);
      } catch {
        failures.push(`${concept.concept}: the request failed`);
      }
    }
    setRun({ state: 'finished', failures });
    router.refresh();
  }

  // Once written, the page redraws without these concepts; the outcome stays in view.
  if (total === 0 && run.state === 'idle') return null;
  return (
    <div className="instructor-panel">
      <h2>Questions</h2>
      {total > 0 && (
        <>
          <p>
            {total === 1
              ? 'One concept has no questions yet.'
              : `${total} concepts have no questions yet.`}{' '}
            LearnTrac writes them from each concept’s source passage; you then review each one.
          </p>
          <div className="buttons">
            <button
              type="button"
              className="primary"
              onClick={generate}
              disabled={run.state === 'running'}
            >
              {props.label}
            </button>
          </div>
        </>
      )}
      <div role="status" aria-live="polite">
        {run.state === 'running' && (
          <p>
            <label htmlFor="generate-progress">
              Writing questions for “{run.current}” ({run.done + 1} of {planned})
            </label>{' '}
            <progress id="generate-progress" className="bar" max={planned} value={run.done} />
          </p>
        )}
        {run.state === 'finished' && run.failures.length === 0 && <p>All questions written.</p>}
      </div>
      {run.state === 'finished' && run.failures.length > 0 && (
        <div className="notice error" role="alert">
          Some concepts got no questions:
          <ul>
            {run.failures.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
