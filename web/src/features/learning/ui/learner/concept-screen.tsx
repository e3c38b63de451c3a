import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { CurrentUser } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature, Viewer } from '@/core/feature';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import { getTicket } from '@/features/ticket/get-ticket';
import { describeStanding } from '../../concept-standing';
import { learnApiFor } from '../../learn-api/learn-api-for';
import { loadConceptPage } from '../../learn-api/learner-api';
import { conceptHref, formatPercent, formatPlace, pathHref } from '../../learning-format';
import { AnswerForm } from './answer-form';
import { LearnApiProblem } from './learn-api-problem';
import { WriteQuestionsButton } from './write-questions-button';
import './learning.css';

/**
 * `/learning/paths/[id]/concepts/[ticketId]`: the concept ticket's text, where it comes from,
 * its questions with an answer form each, and the learner's own attempts.
 */
export async function ConceptScreen(props: {
  viewer: Viewer & { user: CurrentUser | null };
  pathId: string;
  ticketId: number;
  features: readonly Feature[];
}) {
  const result = await loadConceptPage(await learnApiFor(), props);
  if (!result) notFound();
  if (!result.ok) return <LearnApiProblem result={result} />;
  const { path, concept, questions, attempts } = result.data;
  const db = getDb();
  const ticket = await getTicket({ db, id: concept.ticketId });
  const descriptionHtml = ticket?.description
    ? await renderWikiText({
        db,
        viewer: props.viewer,
        features: props.features,
        text: ticket.description,
        context: { realm: 'ticket', id: String(concept.ticketId) },
      })
    : '';
  const standing = describeStanding(concept);
  const byId = new Map(path.concepts.map((c) => [c.ticketId, c]));
  const missing = concept.prerequisites
    .map((id) => byId.get(id))
    .filter((c) => c !== undefined && c.status !== 'mastered');
  const canAnswer = props.viewer.permissions.has('LEARNING_ANSWER');
  return (
    <>
      <p className="muted">
        <Link href="/learning">Learning</Link> › <Link href={pathHref(path.id)}>{path.title}</Link>
      </p>
      <h1>{concept.concept}</h1>
      <p>
        <span data-testid="concept-standing">{standing?.label}</span>
        {concept.attempts > 0 && `, average ${formatPercent(concept.score)} over recent answers`}
        {' · '}
        <Link href={`/ticket/${concept.ticketId}`}>
          Ticket #{concept.ticketId}
          {ticket?.status === 'closed' && ` (closed: ${ticket.resolution ?? 'done'})`}
        </Link>
      </p>
      {concept.locked && missing.length > 0 && (
        <div className="notice lt-locked" role="note">
          <strong>Locked.</strong> Master these first:{' '}
          {missing.map((prerequisite, index) => (
            <span key={prerequisite!.ticketId}>
              {index > 0 && ', '}
              <Link href={conceptHref(path.id, prerequisite!.ticketId)}>
                {prerequisite!.concept}
              </Link>
            </span>
          ))}
          . You can still try the questions.
        </div>
      )}
      <section aria-labelledby="source">
        <h2 id="source">From the material</h2>
        <div className="lt-excerpt">
          {concept.source && <p className="lt-place">{formatPlace(concept.source)}</p>}
          {descriptionHtml ? (
            <WikiContent html={descriptionHtml} />
          ) : (
            <p className="muted">This concept has no text yet.</p>
          )}
        </div>
      </section>
      <section aria-labelledby="questions">
        <h2 id="questions">Questions</h2>
        {questions.length === 0 ? (
          <>
            <p className="muted">No questions are ready for this concept yet.</p>
            {canAnswer && path.kind === 'personal' && path.ownerId === props.viewer.user?.id && (
              <WriteQuestionsButton pathId={path.id} ticketId={concept.ticketId} />
            )}
          </>
        ) : canAnswer ? (
          questions.map((question, index) => (
            <AnswerForm key={question.id} pathId={path.id} question={question} number={index + 1} />
          ))
        ) : (
          <ol>
            {questions.map((question) => (
              <li key={question.id}>{question.prompt}</li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="attempts">
        <h2 id="attempts">My attempts</h2>
        {attempts.length === 0 ? (
          <p className="muted">You have not answered yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="listing" aria-labelledby="attempts">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Question</th>
                  <th scope="col">Your answer</th>
                  <th scope="col">Score</th>
                  <th scope="col">Feedback</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={attempt.id}>
                    <td>
                      <time dateTime={attempt.answeredAt}>
                        {attempt.answeredAt.slice(0, 16).replace('T', ' ')}
                      </time>
                    </td>
                    <td>{attempt.prompt}</td>
                    <td>{attempt.answer}</td>
                    <td>{formatPercent(attempt.score)}</td>
                    <td>{attempt.feedback.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
