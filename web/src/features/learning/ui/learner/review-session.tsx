'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState } from 'react';
import type { DueCard } from '../../learn-api/learner-api';
import { formatDue } from '../../learning-format';
import { AnswerFields } from './answer-input';
import { GradeFeedback } from './grade-feedback';
import { submitReviewAction } from './learner-actions';
import type { ReviewFormState } from './learner-form-state';

const INITIAL: ReviewFormState = { values: { answer: '' }, fieldErrors: {} };

/** One due card: its question, the answer form, then the grade and the next due date. */
function ReviewCard(props: { card: DueCard; onNext: () => void; last: boolean }) {
  const [state, action, pending] = useActionState(submitReviewAction, INITIAL);
  const { card } = props;
  const question = card.question!;
  const next = useRef<HTMLButtonElement>(null);
  // Keyboard users land on "Next" once the grade is in.
  useEffect(() => {
    if (state.result) next.current?.focus();
  }, [state.result]);
  return (
    <section className="lt-question" aria-labelledby="review-concept">
      <h2 id="review-concept">{card.concept}</h2>
      <p>{question.prompt}</p>
      {!state.result ? (
        <form action={action} className="lt-form" aria-labelledby="review-concept">
          <input type="hidden" name="cardId" value={card.id} />
          <input type="hidden" name="questionId" value={question.id} />
          <AnswerFields
            question={question}
            state={state}
            pending={pending}
            submitLabel="Submit answer"
          />
        </form>
      ) : (
        <>
          <GradeFeedback result={state.result} />
          <p role="status" data-testid="next-due">
            Next review of {card.concept}:{' '}
            <strong>{formatDue(new Date(state.result.card.due), new Date())}</strong> (rated{' '}
            {state.result.rating}).
          </p>
          <button type="button" className="primary" onClick={props.onNext} ref={next}>
            {props.last ? 'Finish' : 'Next concept'}
          </button>
        </>
      )}
    </section>
  );
}

/** Due concepts one after another, one question each. */
export function ReviewSession({ cards }: { cards: DueCard[] }) {
  const [index, setIndex] = useState(0);
  if (index >= cards.length) {
    return (
      <div className="notice" role="status">
        <p>
          {cards.length === 0
            ? 'Nothing is due for review now.'
            : `Session done: you reviewed ${cards.length} ${cards.length === 1 ? 'concept' : 'concepts'}.`}
        </p>
        <p>
          <Link href="/learning">Back to learning</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="lt-review-count">
        Concept {index + 1} of {cards.length}
      </p>
      <ReviewCard
        key={cards[index]!.id}
        card={cards[index]!}
        last={index === cards.length - 1}
        onNext={() => setIndex(index + 1)}
      />
    </>
  );
}
