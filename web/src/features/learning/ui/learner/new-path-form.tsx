'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { formatPlace, pathHref } from '../../learning-format';
import { describedBy, FieldError } from './field-error';
import { newPathAction, writeConceptQuestionsAction } from './learner-actions';
import type { NewPathFormState } from './learner-form-state';

const INITIAL: NewPathFormState = { values: { query: '', title: '' }, fieldErrors: {} };

/** Writes each new concept's questions in turn, showing how far it got, then opens the path. */
function WritingQuestions({ built }: { built: NonNullable<NewPathFormState['built']> }) {
  const router = useRouter();
  const [done, setDone] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    let stopped = false;
    (async () => {
      for (const [index, ticketId] of built.ticketIds.entries()) {
        const form = new FormData();
        form.set('ticketId', String(ticketId));
        form.set('pathId', built.pathId);
        const outcome = await writeConceptQuestionsAction(form);
        if (stopped) return;
        if (!outcome.ok) setProblems((list) => [...list, outcome.message]);
        setDone(index + 1);
      }
      router.push(pathHref(built.pathId));
    })();
    return () => {
      stopped = true;
    };
  }, [built, router]);
  const total = built.ticketIds.length;
  return (
    <div className="lt-working" role="status">
      <progress max={total} value={done} aria-label="Writing questions" />
      <span>
        Path built. Writing questions: {done} of {total} concepts…
        {problems.length > 0 && ` (${problems.length} could not be written: ${problems[0]})`}
      </span>
    </div>
  );
}

/** Type what to learn, see the material found, then build a personal path from it. */
export function NewPathForm() {
  const [state, action, pending] = useActionState(newPathAction, INITIAL);
  if (state.built) return <WritingQuestions built={state.built} />;
  const found = state.hits && state.hits.length > 0 ? state.hits : null;
  return (
    <form action={action} className="lt-form" aria-label="Learn something new">
      {state.message && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      <label htmlFor="query">What do you want to learn?</label>
      <input
        id="query"
        name="query"
        type="search"
        defaultValue={state.values.query}
        placeholder="e.g. recursion and the call stack"
        required
        {...describedBy('query-error', state.fieldErrors.query)}
      />
      <FieldError id="query-error" message={state.fieldErrors.query} />
      {found && (
        <>
          <input type="hidden" name="searchedQuery" value={state.searchedQuery ?? ''} />
          <h2 id="found">Material found</h2>
          <ul className="lt-hits" aria-labelledby="found">
            {found.map((hit) => (
              <li key={hit.chunkId}>
                <strong>{hit.headingPath.at(-1) ?? hit.documentTitle}</strong>
                <p className="lt-place">{formatPlace(hit)}</p>
                <p className="lt-excerpt-text">
                  {hit.text.length > 280 ? `${hit.text.slice(0, 280)}…` : hit.text}
                </p>
              </li>
            ))}
          </ul>
          <label htmlFor="title">Name your path</label>
          <input
            id="title"
            name="title"
            type="text"
            defaultValue={state.values.title}
            placeholder={state.searchedQuery}
            {...describedBy('title-error', state.fieldErrors.title)}
          />
          <p className="lt-hint">Leave empty to name it after what you typed.</p>
          <FieldError id="title-error" message={state.fieldErrors.title} />
        </>
      )}
      <div className="lt-buttons">
        <button type="submit" name="intent" value="search" className="primary" disabled={pending}>
          {found ? 'Search again' : 'Find material'}
        </button>
        {found && (
          <button type="submit" name="intent" value="build" className="primary" disabled={pending}>
            Build my path
          </button>
        )}
      </div>
      <div aria-live="polite">
        {pending && (
          <div className="lt-working">
            <progress aria-label="Working" />
            <span>
              {found
                ? 'Building your path: choosing concepts, ordering them and writing questions…'
                : 'Searching the course material…'}
            </span>
          </div>
        )}
      </div>
    </form>
  );
}
