import Link from 'next/link';
import '../instructor.css';
import { learnApiResult } from '../../../learn-api/learn-api-client';
import { learnApiFor } from '../../../learn-api/learn-api-for';
import { readAnswer } from '../../../learn-api-answer';
import { describePlace, parseSearchParams } from '../../../search-form';
import { InstructorNav } from '../instructor-nav';
import { ProblemNotice } from '../problem-notice';

type Params = Record<string, string | string[] | undefined>;

function FieldProblem(props: { id: string; error: string | undefined }) {
  if (!props.error) return null;
  return (
    <span id={props.id} className="field-error" role="alert">
      {props.error}
    </span>
  );
}

/**
 * The search playground: what learners' questions would find in the material, with each hit's
 * text, score, document, headings and pages. A GET form, so a search can be linked.
 */
export async function SearchScreen(props: { params: Params }) {
  const asked = parseSearchParams(props.params);
  const api = await learnApiFor();
  const [documents, result] = await Promise.all([
    learnApiResult(api.GET('/api/learntrac/documents', { params: { query: { limit: 100 } } })),
    asked?.ok ? learnApiResult(api.POST('/api/learntrac/search', { body: asked.search })) : null,
  ]);
  const fieldErrors: Record<string, string> = asked && !asked.ok ? { ...asked.fieldErrors } : {};
  if (result && !result.ok && result.kind === 'refused') {
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      fieldErrors[field === 'query' ? 'q' : field === 'documentIds' ? 'doc' : field] ??= message;
    }
  }
  const answer =
    result && (result.ok || Object.keys(fieldErrors).length === 0) ? readAnswer(result) : null;
  const docs = documents.ok ? documents.data.documents.filter((d) => d.status === 'indexed') : [];
  const value = (key: string) => {
    const raw = props.params[key];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  const chosen = new Set([props.params.doc ?? []].flat());
  const invalid = (key: string) =>
    fieldErrors[key]
      ? { 'aria-invalid': true as const, 'aria-describedby': `search-${key}-error` }
      : {};
  return (
    <>
      <h1>Search the material</h1>
      <InstructorNav current="/learning/search" />
      <search>
        <form className="instructor-panel" method="get" aria-label="Search the material">
          <div className="form-field">
            <label htmlFor="search-q">Query</label>
            <input
              id="search-q"
              type="search"
              name="q"
              defaultValue={value('q') ?? ''}
              maxLength={1000}
              {...invalid('q')}
            />
            <FieldProblem id="search-q-error" error={fieldErrors.q} />
          </div>
          <div className="add-prerequisite">
            <div className="form-field">
              <label htmlFor="search-limit">Hits</label>
              <input
                id="search-limit"
                type="number"
                name="limit"
                min={1}
                max={100}
                defaultValue={value('limit') ?? '10'}
                {...invalid('limit')}
              />
              <FieldProblem id="search-limit-error" error={fieldErrors.limit} />
            </div>
            <div className="form-field">
              <label htmlFor="search-minScore">Lowest score</label>
              <input
                id="search-minScore"
                type="number"
                name="minScore"
                min={0}
                max={1}
                step={0.05}
                defaultValue={value('minScore') ?? '0'}
                {...invalid('minScore')}
              />
              <FieldProblem id="search-minScore-error" error={fieldErrors.minScore} />
            </div>
          </div>
          {docs.length > 0 && (
            <fieldset className="form-field">
              <legend>Only in these documents (none ticked: all)</legend>
              {docs.map((doc) => (
                <label key={doc.id} className="choice">
                  <input
                    type="checkbox"
                    name="doc"
                    value={doc.id}
                    defaultChecked={chosen.has(doc.id)}
                  />
                  {doc.title}
                </label>
              ))}
              <FieldProblem id="search-doc-error" error={fieldErrors.doc} />
            </fieldset>
          )}
          <div className="buttons">
            <button type="submit" className="primary">
              Search
            </button>
          </div>
        </form>
      </search>
      {answer && 'problem' in answer && <ProblemNotice problem={answer.problem} />}
      {answer && 'data' in answer && (
        <section aria-labelledby="hits-heading">
          <h2 id="hits-heading">
            {answer.data.hits.length === 0
              ? 'No passages found'
              : `${answer.data.hits.length} passages`}
          </h2>
          {answer.data.mode === 'text-only' && (
            <p className="notice">
              The meaning index is not answering: these hits match words only.
            </p>
          )}
          <ol className="search-hits">
            {answer.data.hits.map((hit) => (
              <li key={hit.chunkId} className="hit">
                <div className="meta">
                  Score {hit.score.toFixed(3)} ·{' '}
                  <Link href={`/learning/library/${hit.documentId}`}>{hit.documentTitle}</Link> ·{' '}
                  {describePlace(hit)}
                </div>
                <blockquote>{hit.text}</blockquote>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
