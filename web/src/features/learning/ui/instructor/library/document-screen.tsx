import Link from 'next/link';
import '../instructor.css';
import { formatDateTime } from '@/core/format';
import {
  describeDocumentStatus,
  formatBytes,
  ingestionFraction,
  isIngesting,
} from '../../../document-status';
import { type LearnApiSchemas, learnApiResult } from '../../../learn-api/learn-api-client';
import { learnApiFor } from '../../../learn-api/learn-api-for';
import { readAnswer } from '../../../learn-api-answer';
import { ActionForm } from '../action-form';
import { changeDocumentAction } from '../instructor-actions';
import { InstructorNav } from '../instructor-nav';
import { ProblemNotice } from '../problem-notice';
import { RefreshWhileIngesting } from './refresh-while-ingesting';

type OutlineEntry = LearnApiSchemas['OutlineEntry'];

function Outline(props: { entries: OutlineEntry[] }) {
  return (
    <ul className="outline">
      {props.entries.map((entry) => (
        <li key={`${entry.page ?? ''}-${entry.level}-${entry.title}`}>
          {entry.title}
          {entry.page !== null && <span className="page"> (p. {entry.page})</span>}
          {entry.children.length > 0 && <Outline entries={entry.children} />}
        </li>
      ))}
    </ul>
  );
}

function DocumentButton(props: { documentId: string; intent: string; label: string }) {
  return (
    <ActionForm action={changeDocumentAction} label={props.label}>
      <input type="hidden" name="documentId" value={props.documentId} />
      <input type="hidden" name="intent" value={props.intent} />
      <button type="submit" className={props.intent === 'delete' ? 'danger' : 'primary'}>
        {props.label}
      </button>
    </ActionForm>
  );
}

/**
 * One document: its status moving live while ingestion runs, its outline, and publish, reindex
 * and delete. Delete asks first on a page of its own, which works with the keyboard and without
 * JavaScript alike.
 */
export async function DocumentScreen(props: { id: string; confirmDelete: boolean }) {
  const api = await learnApiFor();
  const answer = readAnswer(
    await learnApiResult(
      api.GET('/api/learntrac/documents/{id}', { params: { path: { id: props.id } } }),
    ),
  );
  if ('problem' in answer) {
    return (
      <>
        <h1>Document</h1>
        <InstructorNav />
        <ProblemNotice problem={answer.problem} />
      </>
    );
  }
  const doc = answer.data;
  const fraction = ingestionFraction(doc);
  const working = isIngesting(doc.status);
  return (
    <>
      <h1>{doc.title}</h1>
      <InstructorNav />
      <p>
        <Link href="/learning/library">← Material library</Link>
      </p>
      <RefreshWhileIngesting active={working} />
      {props.confirmDelete ? (
        <section className="instructor-panel" aria-labelledby="confirm-delete">
          <h2 id="confirm-delete">Delete “{doc.title}”?</h2>
          <p>
            Its passages leave the search index. Paths already built from it keep their concepts and
            questions. This cannot be undone.
          </p>
          <div className="buttons">
            <DocumentButton documentId={doc.id} intent="delete" label="Delete this document" />
            <Link href={`/learning/library/${doc.id}`}>Keep it</Link>
          </div>
        </section>
      ) : null}
      <dl className="fields">
        <dt>Status</dt>
        <dd aria-live="polite">
          <span className={`status-badge ${doc.status}`}>{doc.status}</span>{' '}
          <span>{describeDocumentStatus(doc)}</span>
          {working && fraction !== null && (
            <>
              {' '}
              <progress className="bar" max={1} value={fraction} aria-label="Indexing progress" />
            </>
          )}
        </dd>
        <dt>Learners</dt>
        <dd>{doc.published ? 'Published: learners can search it' : 'Not published'}</dd>
        <dt>File</dt>
        <dd>
          {doc.source} ({doc.mimeType}, {formatBytes(doc.sizeBytes)}
          {doc.pageCount ? `, ${doc.pageCount} pages` : ''})
        </dd>
        <dt>Uploaded</dt>
        <dd>{formatDateTime(new Date(doc.createdAt))}</dd>
        <dt>Indexed</dt>
        <dd>{doc.indexedAt ? formatDateTime(new Date(doc.indexedAt)) : '—'}</dd>
        <dt>Embedder</dt>
        <dd>{doc.embedder ?? '—'}</dd>
      </dl>
      <div className="buttons">
        <DocumentButton
          documentId={doc.id}
          intent={doc.published ? 'unpublish' : 'publish'}
          label={doc.published ? 'Unpublish' : 'Publish to learners'}
        />
        <DocumentButton documentId={doc.id} intent="reindex" label="Reindex" />
        {!props.confirmDelete && (
          <Link href={`/learning/library/${doc.id}?confirm=delete`}>Delete…</Link>
        )}
      </div>
      <h2>Outline</h2>
      {doc.outline.length > 0 ? (
        <Outline entries={doc.outline} />
      ) : (
        <p className="muted">
          {working ? 'The outline appears once the text is read.' : 'This document has no outline.'}
        </p>
      )}
    </>
  );
}
