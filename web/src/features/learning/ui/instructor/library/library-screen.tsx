import Link from 'next/link';
import '../instructor.css';
import { formatDateTime } from '@/core/format';
import { describeDocumentStatus, formatBytes, isIngesting } from '../../../document-status';
import { learnApiResult } from '../../../learn-api/learn-api-client';
import { learnApiFor } from '../../../learn-api/learn-api-for';
import { readAnswer } from '../../../learn-api-answer';
import { InstructorNav } from '../instructor-nav';
import { ProblemNotice } from '../problem-notice';
import { RefreshWhileIngesting } from './refresh-while-ingesting';
import { UploadForm } from './upload-form';

/** The material library: upload with progress, and every document with its live status. */
export async function LibraryScreen(props: { uploadUrl: string; maxBytes: number }) {
  const api = await learnApiFor();
  const answer = readAnswer(
    await learnApiResult(
      api.GET('/api/learntrac/documents', { params: { query: { limit: 100 } } }),
    ),
  );
  const documents = 'data' in answer ? answer.data.documents : [];
  return (
    <>
      <h1>Material library</h1>
      <InstructorNav current="/learning/library" />
      <UploadForm uploadUrl={props.uploadUrl} maxBytes={props.maxBytes} />
      <h2 id="documents-heading">Documents</h2>
      {'problem' in answer && <ProblemNotice problem={answer.problem} />}
      <RefreshWhileIngesting active={documents.some((doc) => isIngesting(doc.status))} />
      {documents.length === 0 && 'data' in answer ? (
        <p className="muted">No material yet: upload a document to start.</p>
      ) : (
        <div className="table-scroll">
          <table className="listing" aria-labelledby="documents-heading">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Learners</th>
                <th scope="col">Size</th>
                <th scope="col">Uploaded</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {documents.map((doc) => (
                <tr key={doc.id}>
                  <th scope="row">
                    <Link href={`/learning/library/${doc.id}`}>{doc.title}</Link>
                    <div className="muted">{doc.source}</div>
                  </th>
                  <td>
                    <span className={`status-badge ${doc.status}`}>{doc.status}</span>{' '}
                    <span>{describeDocumentStatus(doc)}</span>
                  </td>
                  <td>{doc.published ? 'Published' : 'Not published'}</td>
                  <td>
                    {formatBytes(doc.sizeBytes)}
                    {doc.pageCount ? `, ${doc.pageCount} pages` : ''}
                  </td>
                  <td>{formatDateTime(new Date(doc.createdAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
