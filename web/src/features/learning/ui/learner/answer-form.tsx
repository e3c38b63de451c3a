'use client';

import { useActionState } from 'react';
import type { LearnerQuestion } from '../../learn-api/learner-api';
import { AnswerFields } from './answer-input';
import { GradeFeedback } from './grade-feedback';
import { answerQuestionAction } from './learner-actions';
import type { AnswerFormState } from './learner-form-state';

const INITIAL: AnswerFormState = { values: { answer: '' }, fieldErrors: {} };

/** One question with its answer form; the grade appears under it once answered. */
export function AnswerForm(props: { pathId: string; question: LearnerQuestion; number: number }) {
  const [state, action, pending] = useActionState(answerQuestionAction, INITIAL);
  const { question } = props;
  const headingId = `question-${question.id}`;
  return (
    <section className="lt-question" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Question {props.number}{' '}
        <span className="muted">
          (
          {question.kind === 'choice'
            ? 'multiple choice'
            : question.kind === 'cloze'
              ? 'fill the gap'
              : 'open'}
          , difficulty {question.difficulty} of 5)
        </span>
      </h3>
      <p>{question.prompt}</p>
      <form action={action} className="lt-form" aria-labelledby={headingId}>
        <input type="hidden" name="questionId" value={question.id} />
        <input type="hidden" name="pathId" value={props.pathId} />
        <AnswerFields
          question={question}
          state={state}
          pending={pending}
          submitLabel={state.result ? 'Answer again' : 'Submit answer'}
        />
      </form>
      {state.result && <GradeFeedback result={state.result} />}
    </section>
  );
}
