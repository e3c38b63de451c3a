'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useRef, useState } from 'react';
import { formatBytes } from '../../../document-status';

type Upload =
  | { state: 'idle' }
  | { state: 'sending'; sent: number; total: number }
  | { state: 'refused'; message: string; field: 'file' | 'title' };

interface UploadAnswer {
  id?: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

/**
 * Sends a document through web's streaming upload route with XMLHttpRequest, whose upload
 * events drive a real progress bar (fetch has none). On success it opens the document's page,
 * where ingestion goes on; a refusal is shown next to the field it concerns, the choices kept.
 */
export function UploadForm(props: { uploadUrl: string; maxBytes: number }) {
  const router = useRouter();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const request = useRef<XMLHttpRequest | null>(null);
  const id = useId().replaceAll(':', '');

  function refuse(message: string, field: 'file' | 'title' = 'file') {
    setUpload({ state: 'refused', message, field });
  }

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return refuse('Choose a file to upload');
    if (file.size > props.maxBytes) {
      return refuse(
        `The file is ${formatBytes(file.size)}; at most ${formatBytes(props.maxBytes)}`,
      );
    }
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open('POST', props.uploadUrl);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (progress) => {
      setUpload({ state: 'sending', sent: progress.loaded, total: progress.total || file.size });
    };
    xhr.onload = () => {
      request.current = null;
      const answer = (xhr.response ?? {}) as UploadAnswer;
      if (xhr.status >= 200 && xhr.status < 300 && answer.id) {
        router.push(`/learning/library/${answer.id}`);
        return;
      }
      const issue = answer.issues?.[0];
      refuse(
        issue ? issue.message : (answer.message ?? `The upload failed (${xhr.status})`),
        issue?.path === 'title' ? 'title' : 'file',
      );
    };
    xhr.onerror = () => refuse('The upload was cut off. Check the connection and try again.');
    xhr.onabort = () => setUpload({ state: 'idle' });
    setUpload({ state: 'sending', sent: 0, total: file.size });
    xhr.send(data);
  }

  const errorFor = (field: 'file' | 'title') =>
    upload.state === 'refused' && upload.field === field ? upload.message : null;
  const fileError = errorFor('file');
  const titleError = errorFor('title');
  const sending = upload.state === 'sending';
  return (
    <form
      className="instructor-panel"
      aria-label="Upload material"
      onSubmit={send}
      method="post"
      encType="multipart/form-data"
      action={props.uploadUrl}
    >
      <h2>Upload material</h2>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>File</label>
        <span id={`${id}-file-hint`} className="hint">
          PDF, HTML, Markdown or plain text, at most {formatBytes(props.maxBytes)}.
        </span>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          required
          accept=".pdf,.html,.htm,.md,.markdown,.txt,application/pdf,text/html,text/markdown,text/plain"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
        />
        {fileError && (
          <span id={`${id}-file-error`} className="field-error" role="alert">
            {fileError}
          </span>
        )}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-title`}>Title (optional)</label>
        <input
          id={`${id}-title`}
          type="text"
          name="title"
          maxLength={200}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
        />
        {titleError && (
          <span id={`${id}-title-error`} className="field-error" role="alert">
            {titleError}
          </span>
        )}
      </div>
      {sending && (
        <p role="status">
          <label htmlFor={`${id}-progress`}>
            Uploading: {formatBytes(upload.sent)} of {formatBytes(upload.total)}
          </label>{' '}
          <progress id={`${id}-progress`} className="bar" max={upload.total} value={upload.sent} />
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={sending}>
          Upload
        </button>
        {sending && (
          <button type="button" className="primary" onClick={() => request.current?.abort()}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
