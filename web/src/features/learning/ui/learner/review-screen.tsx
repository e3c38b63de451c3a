import Link from 'next/link';
import { learnApiFor } from '../../learn-api/learn-api-for';
import { loadDueCards } from '../../learn-api/learner-api';
import { LearnApiProblem } from './learn-api-problem';
import { ReviewSession } from './review-session';
import './learning.css';

/** `/learning/review`: the concepts due for review, one question each. */
export async function ReviewScreen() {
  const result = await loadDueCards(await learnApiFor());
  return (
    <>
      <p className="muted">
        <Link href="/learning">Learning</Link> › Review
      </p>
      <h1>Review session</h1>
      {!result.ok ? (
        <LearnApiProblem result={result} />
      ) : (
        <ReviewSession cards={result.data.cards.filter((card) => card.question !== null)} />
      )}
    </>
  );
}
