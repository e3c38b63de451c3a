import Link from 'next/link';
import '../instructor.css';
import { type LearnApiSchemas, learnApiResult } from '../../../learn-api/learn-api-client';
import { learnApiFor } from '../../../learn-api/learn-api-for';
import { readAnswer } from '../../../learn-api-answer';
import { KnowledgeGraph } from '../../graph/knowledge-graph';
import { ActionForm } from '../action-form';
import { changePathStatusAction } from '../instructor-actions';
import { InstructorNav } from '../instructor-nav';
import { ProblemNotice } from '../problem-notice';
import { GenerateQuestions } from './generate-questions';
import { PrerequisiteEditor } from './prerequisite-editor';
import { QuestionReview } from './question-review';

type Question = LearnApiSchemas['ReviewedQuestion'];

const isReviewed = (question: object): question is Question => 'reviewStatus' in question;

/**
 * The path builder's review: the concepts and their prerequisite graph, questions written
 * concept by concept with a progress bar, each question approved, edited, rewritten or
 * rejected, prerequisites added and removed, and the path published.
 */
export async function BuildPathScreen(props: { id: string }) {
  const api = await learnApiFor();
  const answer = readAnswer(
    await learnApiResult(
      api.GET('/api/learntrac/paths/{id}', { params: { path: { id: props.id } } }),
    ),
  );
  if ('problem' in answer) {
    return (
      <>
        <h1>Build a learning path</h1>
        <InstructorNav />
        <ProblemNotice problem={answer.problem} />
      </>
    );
  }
  const path = answer.data;
  const questions = new Map<number, Question[]>(
    await Promise.all(
      path.concepts.map(async (concept) => {
        const result = await learnApiResult(
          api.GET('/api/learntrac/concepts/{ticketId}/questions', {
            params: { path: { ticketId: concept.ticketId } },
          }),
        );
        return [
          concept.ticketId,
          result.ok ? result.data.questions.filter(isReviewed) : [],
        ] as const;
      }),
    ),
  );
  const all = [...questions.values()].flat();
  const approved = all.filter((q) => q.reviewStatus === 'approved').length;
  const pending = all.filter((q) => q.reviewStatus === 'pending').length;
  const withoutQuestions = path.concepts.filter(
    (c) => (questions.get(c.ticketId) ?? []).length === 0,
  );
  const graphConcepts = path.concepts.map((concept) => ({
    ticketId: concept.ticketId,
    concept: concept.concept,
    sequence: concept.sequence,
    prerequisites: concept.prerequisites,
    href: `#concept-${concept.ticketId}`,
  }));
  return (
    <>
      <h1>
        {path.title} <span className={`status-badge ${path.status}`}>{path.status}</span>
      </h1>
      <InstructorNav />
      <p>
        {path.concepts.length} concepts · {all.length} questions: {approved} approved, {pending}{' '}
        waiting for review ·{' '}
        {path.sourceQuery
          ? `built from the search “${path.sourceQuery}”`
          : 'built from chosen sections'}{' '}
        · <Link href={`/learning/paths/${path.id}/class`}>Class progress</Link>
      </p>
      {path.status === 'draft' && (
        <ActionForm
          action={changePathStatusAction}
          label="Publish the path"
          className="instructor-panel"
        >
          <h2>Publish</h2>
          <p>
            Learners see only approved questions.{' '}
            {approved === 0
              ? 'No question is approved yet: learners would have nothing to answer.'
              : `${approved} approved questions are ready.`}
          </p>
          <input type="hidden" name="pathId" value={path.id} />
          <input type="hidden" name="status" value="published" />
          <div className="buttons">
            <button type="submit" className="primary">
              Publish to learners
            </button>
          </div>
        </ActionForm>
      )}
      {path.status !== 'archived' && (
        <ActionForm action={changePathStatusAction} label="Archive the path">
          <input type="hidden" name="pathId" value={path.id} />
          <input type="hidden" name="status" value="archived" />
          <p className="muted">
            {path.status === 'draft'
              ? 'Not what you wanted? Archive this draft and build another; learners never see it.'
              : 'Archiving closes the path to learners and keeps its history.'}{' '}
            <button type="submit" className="danger">
              Archive
            </button>
          </p>
        </ActionForm>
      )}
      <GenerateQuestions
        pathId={path.id}
        concepts={withoutQuestions.map(({ ticketId, concept }) => ({ ticketId, concept }))}
        label={all.length === 0 ? 'Write the questions' : 'Write the missing questions'}
      />
      <h2>Concepts and prerequisites</h2>
      <KnowledgeGraph concepts={graphConcepts} label={`Prerequisite graph of ${path.title}`} />
      {path.concepts.map((concept) => {
        const own = questions.get(concept.ticketId) ?? [];
        return (
          <section
            key={concept.ticketId}
            id={`concept-${concept.ticketId}`}
            className="concept-review"
            data-concept={concept.concept}
            aria-labelledby={`concept-${concept.ticketId}-name`}
            tabIndex={-1}
          >
            <h3 id={`concept-${concept.ticketId}-name`}>
              {concept.sequence}. {concept.concept}{' '}
              <Link href={`/ticket/${concept.ticketId}`} className="muted">
                #{concept.ticketId}
              </Link>
            </h3>
            {concept.source && (
              <p className="muted">
                From{' '}
                <Link href={`/learning/library/${concept.source.documentId}`}>
                  {concept.source.documentTitle}
                </Link>
                {concept.source.headingPath.length > 0 &&
                  `, ${concept.source.headingPath.join(' › ')}`}
                {concept.source.pageStart !== null && `, p. ${concept.source.pageStart}`}
              </p>
            )}
            <PrerequisiteEditor pathId={path.id} concept={concept} concepts={path.concepts} />
            <h4>Questions</h4>
            {own.length === 0 ? (
              <p className="muted">No questions yet.</p>
            ) : (
              <ol className="questions" style={{ listStyle: 'none', padding: 0 }}>
                {own.map((question, index) => (
                  <QuestionReview key={question.id} question={question} number={index + 1} />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}
