import type { LearnerQuestion } from '../../learn-api/learner-api';
import { describedBy, FieldError } from './field-error';
import type { FormRefusal } from './learner-form-state';

/** The input that fits a question: choices as radio buttons, a line for cloze, a box for open. */
export function AnswerInput(props: {
  question: LearnerQuestion;
  value: string;
  error: string | undefined;
}) {
  const { question } = props;
  const base = `answer-${question.id}`;
  const errorId = `${base}-error`;
  if (question.kind === 'choice' && question.choices) {
    return (
      <fieldset aria-describedby={props.error ? errorId : undefined}>
        <legend>Your answer</legend>
        {question.choices.map((choice, index) => (
          <span className="lt-choice" key={choice}>
            <input
              type="radio"
              id={`${base}-${index}`}
              name="answer"
              value={choice}
              defaultChecked={props.value === choice}
              required
            />{' '}
            <label htmlFor={`${base}-${index}`}>{choice}</label>
          </span>
        ))}
        <FieldError id={errorId} message={props.error} />
      </fieldset>
    );
  }
  return (
    <>
      <label htmlFor={base}>Your answer</label>
      {question.kind === 'cloze' ? (
        <input
          id={base}
          name="answer"
          type="text"
          defaultValue={props.value}
          autoComplete="off"
          {...describedBy(errorId, props.error)}
        />
      ) : (
        <textarea
          id={base}
          name="answer"
          defaultValue={props.value}
          {...describedBy(errorId, props.error)}
        />
      )}
      <FieldError id={errorId} message={props.error} />
    </>
  );
}

/**
 * An answer form's fields: a refusal not about the answer itself, the input, and the submit
 * button (disabled while the answer is graded).
 */
export function AnswerFields(props: {
  question: LearnerQuestion;
  state: FormRefusal<{ answer: string }>;
  pending: boolean;
  submitLabel: string;
}) {
  const { state } = props;
  return (
    <>
      {state.message && !state.fieldErrors.answer && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      <AnswerInput
        question={props.question}
        value={state.values.answer}
        error={state.fieldErrors.answer}
      />
      <div className="lt-buttons">
        <button type="submit" className="primary" disabled={props.pending}>
          {props.pending ? 'Grading…' : props.submitLabel}
        </button>
      </div>
    </>
  );
}
