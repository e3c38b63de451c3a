import Link from 'next/link';
import type { Viewer } from '@/core/feature';
import { learnApiFor } from '../../learn-api/learn-api-for';
import { loadDashboard } from '../../learn-api/learner-api';
import { conceptHref, formatDue, pathHref } from '../../learning-format';
import { LearnApiProblem } from './learn-api-problem';
import './learning.css';

const INSTRUCTOR_LINKS = [
  { href: '/learning/library', label: 'Material library' },
  { href: '/learning/search', label: 'Search the material' },
  { href: '/learning/paths/new', label: 'Build a shared path' },
];

/** `/learning`: my paths with progress, what I can learn next, and reviews due today. */
export async function DashboardScreen({ viewer }: { viewer: Viewer }) {
  const answers = viewer.permissions.has('LEARNING_ANSWER');
  const now = new Date();
  const result = await loadDashboard(await learnApiFor(), { reviews: answers, now });
  const manages = viewer.permissions.has('LEARNING_MANAGE');
  return (
    <>
      <h1>Learning</h1>
      <ul className="lt-actions">
        {answers && (
          <>
            <li>
              <Link href="/learning/new">Learn something new</Link>
            </li>
            <li>
              <Link href="/learning/review">Review session</Link>
            </li>
          </>
        )}
        <li>
          <Link href="/learning/progress">My progress</Link>
        </li>
      </ul>
      {manages && (
        <nav aria-label="Instructor">
          <ul className="lt-actions">
            {INSTRUCTOR_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!result.ok ? (
        <LearnApiProblem result={result} />
      ) : (
        <div className="lt-grid">
          <section aria-labelledby="my-paths">
            <h2 id="my-paths">My paths</h2>
            {result.data.paths.length === 0 ? (
              <p className="muted">
                No paths yet. <Link href="/learning/new">Ask for one</Link> about anything in the
                course material.
              </p>
            ) : (
              <ul className="lt-paths">
                {result.data.paths.map((path) => (
                  <li key={path.id}>
                    <Link href={pathHref(path.id)}>{path.title}</Link>
                    <span className="lt-kind">
                      {path.kind === 'personal' ? 'personal' : 'class'}
                    </span>
                    {path.counts ? (
                      <>
                        <div
                          className="progress"
                          role="progressbar"
                          aria-label={`${path.title}: concepts mastered`}
                          aria-valuemin={0}
                          aria-valuemax={path.counts.concepts}
                          aria-valuenow={path.counts.mastered}
                        >
                          <span
                            style={{
                              width: `${path.counts.concepts ? (path.counts.mastered / path.counts.concepts) * 100 : 0}%`,
                            }}
                          />
                        </div>
                        <span className="muted">
                          {path.counts.mastered} of {path.counts.concepts} mastered
                          {path.counts.started > 0 && `, ${path.counts.started} under way`}
                        </span>
                      </>
                    ) : (
                      <div className="muted">Not started yet</div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="ready">
            <h2 id="ready">Ready to learn next</h2>
            {result.data.ready.length === 0 ? (
              <p className="muted">Nothing waiting: every concept you can start is mastered.</p>
            ) : (
              <ul className="lt-paths">
                {result.data.ready.map(({ path, concept }) => (
                  <li key={`${path.id}-${concept.ticketId}`}>
                    <Link href={conceptHref(path.id, concept.ticketId)}>{concept.concept}</Link>{' '}
                    <span className="muted">in {path.title}</span>
                  </li>
                ))}
              </ul>
            )}
            <h2 id="reviews">Reviews due today</h2>
            {result.data.dueReviews.length === 0 ? (
              <p className="muted">No reviews due today. Well done.</p>
            ) : (
              <>
                <ReviewsDueNow
                  count={result.data.dueReviews.filter((card) => new Date(card.due) <= now).length}
                  laterToday={result.data.dueReviews.length}
                />
                <ul className="lt-paths" aria-labelledby="reviews">
                  {result.data.dueReviews.slice(0, 8).map((card) => (
                    <li key={card.id}>
                      {card.concept}{' '}
                      <span className="muted">due {formatDue(new Date(card.due), now)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}

/** What can be reviewed now, and how many more cards fall due before the day is out. */
function ReviewsDueNow({ count, laterToday }: { count: number; laterToday: number }) {
  const later = laterToday - count;
  const laterText =
    later > 0 ? ` ${later} more ${later === 1 ? 'falls' : 'fall'} due later today.` : '';
  if (count === 0) return <p>Nothing to review right now.{laterText}</p>;
  return (
    <p>
      {count} {count === 1 ? 'concept is' : 'concepts are'} due for review now.{laterText}{' '}
      <Link href="/learning/review">Start a review session</Link>
    </p>
  );
}
