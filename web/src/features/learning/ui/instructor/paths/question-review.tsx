import type { LearnApiSchemas } from '../../../learn-api/learn-api-client';
import { ActionForm, TextAreaField, TextField } from '../action-form';
import { reviewQuestionAction } from '../instructor-actions';

type Question = LearnApiSchemas['ReviewedQuestion'];

const KIND_WORDS = { open: 'Open answer', choice: 'Multiple choice', cloze: 'Fill the gap' };

/** One generated question with its answer, and approve, reject, rewrite and edit. */
export function QuestionReview(props: { question: Question; number: number }) {
  const { question } = props;
  const headingId = `question-${question.id}`;
  return (
    <li className="question" aria-labelledby={headingId}>
      <div className="meta muted" id={headingId}>
        Question {props.number}: {KIND_WORDS[question.kind]}, difficulty {question.difficulty} (
        {question.bloomLevel}) ·{' '}
        <span className={`status-badge ${question.reviewStatus}`}>{question.reviewStatus}</span>
      </div>
      <p className="prompt">{question.prompt}</p>
      {question.choices && (
        <ol type="a">
          {question.choices.map((choice) => (
            <li key={choice}>{choice}</li>
          ))}
        </ol>
      )}
      <p>
        <strong>Expected answer:</strong> {question.expectedAnswer}
      </p>
      <ActionForm action={reviewQuestionAction} label={`Review question ${props.number}`}>
        <input type="hidden" name="questionId" value={question.id} />
        <div className="buttons">
          {question.reviewStatus !== 'approved' && (
            <button type="submit" className="primary" name="intent" value="approve">
              Approve
            </button>
          )}
          {question.reviewStatus !== 'rejected' && (
            <button type="submit" className="primary" name="intent" value="reject">
              Reject
            </button>
          )}
          <button type="submit" className="primary" name="intent" value="regenerate">
            Rewrite
          </button>
        </div>
      </ActionForm>
      <details>
        <summary>Edit question {props.number}</summary>
        <ActionForm action={reviewQuestionAction} label={`Edit question ${props.number}`}>
          <input type="hidden" name="questionId" value={question.id} />
          <input type="hidden" name="kind" value={question.kind} />
          <input type="hidden" name="intent" value="edit" />
          <TextAreaField name="prompt" label="Question" defaultValue={question.prompt} rows={3} />
          {question.kind === 'choice' && (
            <TextAreaField
              name="choices"
              label="Options, one per line"
              defaultValue={(question.choices ?? []).join('\n')}
              rows={4}
            />
          )}
          <TextField
            name="expectedAnswer"
            label="Expected answer"
            defaultValue={question.expectedAnswer}
          />
          <TextField
            name="difficulty"
            label="Difficulty (1-5)"
            type="number"
            min={1}
            max={5}
            defaultValue={String(question.difficulty)}
          />
          <div className="buttons">
            <button type="submit" className="primary">
              Save and approve
            </button>
          </div>
        </ActionForm>
      </details>
    </li>
  );
}
