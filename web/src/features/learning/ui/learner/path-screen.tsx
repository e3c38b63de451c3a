import Link from 'next/link';
import { describeStanding } from '../../concept-standing';
import { learnApiFor } from '../../learn-api/learn-api-for';
import { loadPath } from '../../learn-api/learner-api';
import { conceptHref, formatPercent } from '../../learning-format';
import { toGraphConcepts } from '../../path-graph-concepts';
import { KnowledgeGraph } from '../graph/knowledge-graph';
import { LearnApiProblem } from './learn-api-problem';
import './learning.css';

/** `/learning/paths/[id]`: the knowledge graph and the same concepts as an ordered list. */
export async function PathScreen({ pathId }: { pathId: string }) {
  const result = await loadPath(await learnApiFor(), pathId);
  if (!result.ok) return <LearnApiProblem result={result} />;
  const path = result.data;
  const concepts = toGraphConcepts(path);
  const mastered = path.concepts.filter((concept) => concept.status === 'mastered').length;
  const names = new Map(path.concepts.map((concept) => [concept.ticketId, concept.concept]));
  return (
    <>
      <p className="muted">
        <Link href="/learning">Learning</Link> ›{' '}
        {path.kind === 'personal' ? 'My path' : 'Class path'}
      </p>
      <h1>{path.title}</h1>
      {path.description && <p>{path.description}</p>}
      {path.sourceQuery && <p className="muted">Built from “{path.sourceQuery}”.</p>}
      <p>
        {mastered} of {path.concepts.length} concepts mastered.
      </p>
      <h2>Knowledge graph</h2>
      <KnowledgeGraph concepts={concepts} label={`Knowledge graph of ${path.title}`} />
      <h2 id="concepts">Concepts in order</h2>
      <div className="table-scroll">
        <table className="listing" aria-labelledby="concepts">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Concept</th>
              <th scope="col">Status</th>
              <th scope="col">Score</th>
              <th scope="col">Needs first</th>
            </tr>
          </thead>
          <tbody>
            {concepts.map((concept) => (
              <tr key={concept.ticketId} data-ticket-id={concept.ticketId}>
                <td>{concept.sequence}</td>
                <td>
                  <Link href={concept.href}>{concept.concept}</Link>
                </td>
                <td>{describeStanding(concept)?.label}</td>
                <td>{formatPercent(concept.score ?? 0)}</td>
                <td>
                  {concept.prerequisites.length === 0
                    ? '—'
                    : concept.prerequisites.map((id, index) => (
                        <span key={id}>
                          {index > 0 && ', '}
                          <Link href={conceptHref(path.id, id)}>{names.get(id) ?? `#${id}`}</Link>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
