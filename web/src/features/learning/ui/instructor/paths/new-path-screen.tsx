import Link from 'next/link';
import '../instructor.css';
import { learnApiResult } from '../../../learn-api/learn-api-client';
import { learnApiFor } from '../../../learn-api/learn-api-for';
import { readAnswer } from '../../../learn-api-answer';
import { ActionForm, Choice, FieldError, TextAreaField, TextField } from '../action-form';
import { createPathAction } from '../instructor-actions';
import { InstructorNav } from '../instructor-nav';
import { ProblemNotice } from '../problem-notice';
import { SectionChoice, type SectionsOfDocument } from './section-choice';

/** The sections of each indexed document, to choose from. */
async function loadSections(): Promise<{ documents: SectionsOfDocument[] } | { problem: string }> {
  const api = await learnApiFor();
  const listed = readAnswer(
    await learnApiResult(
      api.GET('/api/learntrac/documents', { params: { query: { limit: 100 } } }),
    ),
  );
  if ('problem' in listed) return listed;
  const indexed = listed.data.documents.filter((doc) => doc.status === 'indexed');
  const documents = await Promise.all(
    indexed.map(async (doc) => {
      const result = await learnApiResult(
        api.GET('/api/learntrac/documents/{id}/sections', { params: { path: { id: doc.id } } }),
      );
      return {
        documentId: doc.id,
        title: doc.title,
        sections: result.ok ? result.data.sections : [],
      };
    }),
  );
  return { documents: documents.filter((doc) => doc.sections.length > 0) };
}

/**
 * The path builder's first step: a shared draft path from a search of the material or from
 * chosen sections. Its concepts and prerequisite graph are then previewed on the build page,
 * where the questions are written and reviewed before it is published.
 */
export async function NewPathScreen() {
  const api = await learnApiFor();
  const [material, paths] = await Promise.all([
    loadSections(),
    learnApiResult(
      api.GET('/api/learntrac/paths', { params: { query: { kind: 'shared', limit: 100 } } }),
    ),
  ]);
  return (
    <>
      <h1>Build a learning path</h1>
      <InstructorNav current="/learning/paths/new" />
      <ActionForm action={createPathAction} label="New shared path">
        <fieldset className="instructor-panel">
          <legend>New shared path</legend>
          <TextField name="title" label="Title" maxLength={200} />
          <TextField
            name="subject"
            label="Subject (optional)"
            hint="The milestone its concept tickets go under; the title when left empty."
            maxLength={200}
          />
          <fieldset className="form-field">
            <legend>Build it from</legend>
            <Choice type="radio" name="source" value="query" defaultChecked>
              what a search of the material finds
            </Choice>
            <Choice type="radio" name="source" value="sections">
              the sections chosen below
            </Choice>
            <FieldError name="source" />
          </fieldset>
          <TextAreaField
            name="query"
            label="What should the path teach?"
            hint="Searched in all the material, as a learner would ask."
            rows={2}
            maxLength={1000}
          />
          <h3>Sections</h3>
          {'problem' in material ? (
            <ProblemNotice problem={material.problem} />
          ) : material.documents.length === 0 ? (
            <p className="muted">
              No indexed material yet: <Link href="/learning/library">upload some</Link>.
            </p>
          ) : (
            <SectionChoice documents={material.documents} />
          )}
          <TextField
            name="maxConcepts"
            label="At most this many concepts"
            type="number"
            min={1}
            max={50}
            defaultValue="12"
          />
          <div className="buttons">
            <button type="submit" className="primary">
              Preview the concepts
            </button>
          </div>
        </fieldset>
      </ActionForm>
      <h2 id="shared-paths">Shared paths</h2>
      {!paths.ok ? (
        <ProblemNotice
          problem={paths.kind === 'unavailable' ? paths.message : paths.error.message}
        />
      ) : paths.data.paths.length === 0 ? (
        <p className="muted">No shared paths yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="listing" aria-labelledby="shared-paths">
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Status</th>
                <th scope="col">Subject</th>
                <th scope="col">Class</th>
              </tr>
            </thead>
            <tbody>
              {paths.data.paths.map((path) => (
                <tr key={path.id}>
                  <th scope="row">
                    <Link href={`/learning/paths/${path.id}/build`}>{path.title}</Link>
                  </th>
                  <td>
                    <span className={`status-badge ${path.status}`}>{path.status}</span>
                  </td>
                  <td>{path.milestone ?? '—'}</td>
                  <td>
                    <Link href={`/learning/paths/${path.id}/class`}>Class progress</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
