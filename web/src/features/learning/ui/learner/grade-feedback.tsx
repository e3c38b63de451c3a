import type { AnswerResult } from '../../learn-api/learner-api';
import { formatPercent, formatPlace, formatStatus } from '../../learning-format';

/** The grade of one answer: score, what was right and missing, the answer, what to reread. */
export function GradeFeedback({ result }: { result: AnswerResult }) {
  const tone = result.score >= 0.8 ? 'lt-good' : result.score < 0.5 ? 'lt-poor' : '';
  return (
    <div className={`lt-grade ${tone}`} role="status">
      <p>
        <strong>Score: {formatPercent(result.score)}</strong>{' '}
        <span className="muted">
          (graded {result.gradedBy === 'exact' ? 'by exact match' : `by ${result.gradedBy}`})
        </span>
      </p>
      <p>{result.feedback.summary}</p>
      {result.feedback.right.length > 0 && <p>Right: {result.feedback.right.join(', ')}</p>}
      {result.feedback.missing.length > 0 && <p>Missing: {result.feedback.missing.join(', ')}</p>}
      <p>
        Expected answer: <q>{result.expectedAnswer}</q>
      </p>
      {result.suggestions.length > 0 && (
        <>
          <p>Reread:</p>
          <ul>
            {result.suggestions.map((suggestion) => (
              <li key={suggestion.chunkId}>{formatPlace(suggestion)}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        This concept is now{' '}
        <strong data-testid="concept-status">{formatStatus(result.progress.status)}</strong>{' '}
        (average {formatPercent(result.progress.score)} over your recent answers).
      </p>
    </div>
  );
}
