import Link from 'next/link';
import { learnApiFor } from '../../learn-api/learn-api-for';
import { loadProgress } from '../../learn-api/learner-api';
import { formatPercent, formatStatus, pathHref } from '../../learning-format';
import { LearnApiProblem } from './learn-api-problem';
import { MasteryChart } from './mastery-chart';
import './learning.css';

/** `/learning/progress`: overall and per path, with mastery over the last 30 days of either. */
export async function ProgressScreen({ pathId }: { pathId?: string }) {
  const result = await loadProgress(await learnApiFor(), pathId);
  if (!result.ok) return <LearnApiProblem result={result} />;
  const { progress, history } = result.data;
  const charted = progress.paths.find((path) => path.id === pathId);
  const total = progress.paths.reduce((sum, path) => sum + path.concepts, 0);
  const mastered = progress.concepts.filter((concept) => concept.status === 'mastered').length;
  const started = progress.concepts.filter((concept) => concept.status !== 'mastered').length;
  return (
    <>
      <p className="muted">
        <Link href="/learning">Learning</Link> › Progress
      </p>
      <h1>My progress</h1>
      <p>
        <strong>{mastered}</strong> concepts mastered, {started} under way, across{' '}
        {progress.paths.length} {progress.paths.length === 1 ? 'path' : 'paths'} ({total} concepts
        in all).
      </p>
      <h2>Mastery over the last 30 days{charted && `: ${charted.title}`}</h2>
      {charted && (
        <p>
          <Link href="/learning/progress">Show all paths</Link>
        </p>
      )}
      <MasteryChart history={history} />
      <h2 id="per-path">Per path</h2>
      {progress.paths.length === 0 ? (
        <p className="muted">
          No paths yet. <Link href="/learning/new">Learn something new</Link>.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="listing" aria-labelledby="per-path">
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Mastered</th>
                <th scope="col">Under way</th>
                <th scope="col">Concepts</th>
                <th scope="col">Chart</th>
              </tr>
            </thead>
            <tbody>
              {progress.paths.map((path) => (
                <tr key={path.id}>
                  <td>
                    <Link href={pathHref(path.id)}>{path.title}</Link>
                  </td>
                  <td>{path.mastered}</td>
                  <td>{path.started}</td>
                  <td>{path.concepts}</td>
                  <td>
                    <Link
                      href={`/learning/progress?path=${path.id}`}
                      aria-label={`Mastery over time in ${path.title}`}
                    >
                      over time
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="per-concept">Per concept</h2>
      {progress.concepts.length === 0 ? (
        <p className="muted">You have not answered any question yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="listing" aria-labelledby="per-concept">
            <thead>
              <tr>
                <th scope="col">Concept</th>
                <th scope="col">Status</th>
                <th scope="col">Score</th>
                <th scope="col">Attempts</th>
              </tr>
            </thead>
            <tbody>
              {progress.concepts.map((concept) => (
                <tr key={concept.ticketId}>
                  <td>
                    <Link href={`/ticket/${concept.ticketId}`}>{concept.concept}</Link>
                  </td>
                  <td>{formatStatus(concept.status)}</td>
                  <td>{formatPercent(concept.score)}</td>
                  <td>{concept.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
