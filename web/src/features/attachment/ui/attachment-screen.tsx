import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { formatDateTime } from '@/core/format';
import { ActionForm } from '@/core/forms/action-form';
import { attachmentParentHref } from '../attachment-href';
import { attachmentPermission, canUseAttachments } from '../attachment-permissions';
import { getAttachmentMaxSize, getAttachmentStorage } from '../attachment-services';
import { isImageFile, isTextFile } from '../content-type';
import { getAttachment } from '../list-attachments';
import { parseAttachmentPath } from '../parse-attachment-path';
import { deleteAttachmentAction, uploadAttachmentAction } from './attachment-actions';
import '@/core/layout/page-chrome.css';

const parentLabel = (realm: string, id: string) => (realm === 'ticket' ? `Ticket #${id}` : id);

/** `/attachment/<realm>/<id>/<file>` shows one attachment; `?action=new` the upload form. */
export async function AttachmentScreen({ path, action }: { path: string[]; action?: string }) {
  // The parts arrive decoded; links need them encoded again.
  const encodedPath = path.map(encodeURIComponent).join('/');
  const returnTo = `/attachment/${encodedPath}${action ? `?action=${encodeURIComponent(action)}` : ''}`;
  if (action === 'new') {
    const parent = parseAttachmentPath(path, true);
    if (!parent) notFound();
    const viewer = await requirePermission(attachmentPermission(parent.realm, 'view'), returnTo);
    if (!canUseAttachments(viewer, parent.realm, 'create')) forbidden();
    const maxSize = getAttachmentMaxSize();
    return (
      <>
        <nav className="ctxtnav" aria-label="Attachment">
          <Link href={attachmentParentHref(parent.realm, parent.id)}>
            Back to {parentLabel(parent.realm, parent.id)}
          </Link>
        </nav>
        <h1>Add Attachment to {parentLabel(parent.realm, parent.id)}</h1>
        <ActionForm
          action={uploadAttachmentAction}
          submitLabel="Add attachment"
          testId="upload-form"
        >
          <input type="hidden" name="realm" value={parent.realm} />
          <input type="hidden" name="id" value={parent.id} />
          <label>
            File (size limit {Math.round(maxSize / 1024)} KB):{' '}
            <input type="file" name="file" required />
          </label>
          <label>
            Description of the file (optional):{' '}
            <input type="text" name="description" maxLength={1000} />
          </label>
          <label className="toggle">
            <input type="checkbox" name="replace" /> Replace existing attachment of the same name
          </label>
        </ActionForm>
      </>
    );
  }
  const key = parseAttachmentPath(path);
  if (!key) notFound();
  // A ticket's attachments need TICKET_VIEW, a page's WIKI_VIEW.
  const viewer = await requirePermission(attachmentPermission(key.realm, 'view'), returnTo);
  const info = await getAttachment({ db: getDb(), ...key });
  if (!info) notFound();
  const rawHref = `/raw-attachment/${encodedPath}`;
  const content = isTextFile(key.filename) ? await getAttachmentStorage().read(key) : null;
  return (
    <>
      <nav className="ctxtnav" aria-label="Attachment">
        <Link href={attachmentParentHref(key.realm, key.id)}>
          Back to {parentLabel(key.realm, key.id)}
        </Link>
      </nav>
      <h1>
        {parentLabel(key.realm, key.id)}: {key.filename}
      </h1>
      <dl className="fields">
        <dt>File</dt>
        <dd>
          <a href={rawHref}>{key.filename}</a> ({info.size} bytes)
        </dd>
        <dt>Added by</dt>
        <dd>
          {info.author ?? 'anonymous'} on {formatDateTime(info.time)}
        </dd>
        {info.description && (
          <>
            <dt>Description</dt>
            <dd>{info.description}</dd>
          </>
        )}
      </dl>
      {isImageFile(key.filename) && (
        // biome-ignore lint/performance/noImgElement: an uploaded file served as is
        <img className="attachment-image" src={rawHref} alt={info.description || key.filename} />
      )}
      {content && <pre className="attachment-text">{new TextDecoder().decode(content)}</pre>}
      {!isImageFile(key.filename) && !content && (
        <p className="muted">
          No preview for this kind of file. <a href={rawHref}>Download it</a>.
        </p>
      )}
      {canUseAttachments(viewer, key.realm, 'delete') && (
        <ActionForm action={deleteAttachmentAction} submitLabel="Delete attachment" danger>
          <input type="hidden" name="realm" value={key.realm} />
          <input type="hidden" name="id" value={key.id} />
          <input type="hidden" name="filename" value={key.filename} />
        </ActionForm>
      )}
    </>
  );
}
