import Link from 'next/link';
import '../instructor.css';
import { formatDateTime } from '@/core/format';
import { describeCell, formatShare, heatBand, learnerName } from '../../../heatmap';
import { learnApiResult } from '../../../learn-api/learn-api-client';
import { learnApiFor } from '../../../learn-api/learn-api-for';
import { readAnswer } from '../../../learn-api-answer';
import { InstructorNav } from '../instructor-nav';
import { ProblemNotice } from '../problem-notice';

const LEGEND = [
  ['heat-none', 'no answer yet'],
  ['heat-poor', 'under 30%'],
  ['heat-fair', '30-59%'],
  ['heat-good', '60% or more'],
  ['heat-mastered', 'mastered'],
] as const;

/**
 * A path's class: a learner by concept table whose cells say the standing in words (the colour
 * repeats it), how each question fares, and one learner's answers when one is chosen.
 */
export async function ClassProgressScreen(props: { id: string; learner: string | undefined }) {
  const api = await learnApiFor();
  const params = { params: { path: { id: props.id } } };
  const [path, matrix, stats, attempts] = await Promise.all([
    learnApiResult(api.GET('/api/learntrac/paths/{id}', params)),
    learnApiResult(api.GET('/api/learntrac/paths/{id}/progress', params)),
    learnApiResult(api.GET('/api/learntrac/paths/{id}/question-stats', params)),
    props.learner
      ? learnApiResult(
          api.GET('/api/learntrac/paths/{id}/learners/{learnerId}/attempts', {
            params: { path: { id: props.id, learnerId: props.learner } },
          }),
        )
      : null,
  ]);
  const pathAnswer = readAnswer(path);
  const title = 'data' in pathAnswer ? pathAnswer.data.title : 'Learning path';
  const matrixAnswer = readAnswer(matrix);
  const statsAnswer = readAnswer(stats);
  const learners = 'data' in matrixAnswer ? matrixAnswer.data.learners : [];
  const chosen = learners.find((row) => row.userId === props.learner);
  const base = `/learning/paths/${props.id}/class`;
  return (
    <>
      <h1>Class progress: {title}</h1>
      <InstructorNav />
      <p>
        <Link href={`/learning/paths/${props.id}/build`}>Review the path</Link>
      </p>
      <h2 id="heatmap-heading">Learners by concept</h2>
      {'problem' in matrixAnswer ? (
        <ProblemNotice problem={matrixAnswer.problem} />
      ) : learners.length === 0 ? (
        <p className="muted">Nobody has answered a question on this path yet.</p>
      ) : (
        <>
          <ul className="heat-legend" aria-label="Colours">
            {LEGEND.map(([band, words]) => (
              <li key={band}>
                <span className={band} aria-hidden="true" />
                {words}
              </li>
            ))}
          </ul>
          <div className="table-scroll">
            <table className="listing heatmap" aria-labelledby="heatmap-heading">
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  <th scope="col">Mastered</th>
                  {matrixAnswer.data.concepts.map((concept) => (
                    <th key={concept.ticketId} scope="col">
                      {concept.concept}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {learners.map((row) => (
                  <tr key={row.userId}>
                    <th scope="row">
                      <Link
                        href={`${base}?learner=${encodeURIComponent(row.userId)}#attempts`}
                        aria-current={row.userId === props.learner ? 'true' : undefined}
                      >
                        {learnerName(row)}
                      </Link>
                    </th>
                    <td>
                      {row.mastered} of {row.cells.length}
                    </td>
                    {row.cells.map((cell) => (
                      <td key={cell.ticketId} className={heatBand(cell)}>
                        {describeCell(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {attempts && (
        <section id="attempts" aria-labelledby="attempts-heading" tabIndex={-1}>
          <h2 id="attempts-heading">Answers of {chosen ? learnerName(chosen) : 'this learner'}</h2>
          {!attempts.ok ? (
            <ProblemNotice
              problem={attempts.kind === 'unavailable' ? attempts.message : attempts.error.message}
            />
          ) : attempts.data.attempts.length === 0 ? (
            <p className="muted">No answers on this path.</p>
          ) : (
            <div className="table-scroll">
              <table className="listing" aria-labelledby="attempts-heading">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Concept</th>
                    <th scope="col">Question</th>
                    <th scope="col">Answer</th>
                    <th scope="col">Score</th>
                    <th scope="col">Feedback</th>
                  </tr>
                </thead>
                <tbody>
                  {attempts.data.attempts.map((attempt) => (
                    <tr key={attempt.id}>
                      <td>{formatDateTime(new Date(attempt.createdAt))}</td>
                      <td>{attempt.concept}</td>
                      <td>{attempt.prompt}</td>
                      <td>{attempt.answer}</td>
                      <td>{formatShare(attempt.score)}</td>
                      <td>{attempt.feedback}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <Link href={base}>Close the answers</Link>
          </p>
        </section>
      )}
      <h2 id="question-stats">Questions</h2>
      {'problem' in statsAnswer ? (
        <ProblemNotice problem={statsAnswer.problem} />
      ) : statsAnswer.data.questions.length === 0 ? (
        <p className="muted">This path has no questions yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="listing" aria-labelledby="question-stats">
            <thead>
              <tr>
                <th scope="col">Concept</th>
                <th scope="col">Question</th>
                <th scope="col">Review</th>
                <th scope="col">Answers</th>
                <th scope="col">Learners</th>
                <th scope="col">Mean score</th>
                <th scope="col">Answered right</th>
              </tr>
            </thead>
            <tbody>
              {statsAnswer.data.questions.map((question) => (
                <tr key={question.questionId}>
                  <td>{question.concept}</td>
                  <td>{question.prompt}</td>
                  <td>{question.reviewStatus}</td>
                  <td>{question.attempts}</td>
                  <td>{question.learners}</td>
                  <td>{formatShare(question.averageScore)}</td>
                  <td>{formatShare(question.correctShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
