import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { formatDateTime } from '@/core/format';
import { ActionForm } from '@/core/forms/action-form';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import { canUseAttachments } from '@/features/attachment/attachment-permissions';
import { listAttachments } from '@/features/attachment/list-attachments';
import { deleteAttachmentAction } from '@/features/attachment/ui/attachment-actions';
import { diffWikiText } from '../diff-wiki-text';
import { EDITOR_HELP } from '../editor-help';
import { getWikiPage } from '../get-wiki-page';
import { listWikiPageHistory } from '../list-wiki-page-history';
import { listWikiPages } from '../list-wiki-pages';
import { WikiPageNameSchema, wikiPageHref } from '../wiki-names';
import { hasWikiPermission } from '../wiki-permissions';
import { DiffView } from './diff-view';
import type { EditWikiState } from './submit-wiki-page-edit';
import { deleteWikiPageAction, renameWikiPageAction, revertWikiPageAction } from './wiki-actions';
import { WikiEditForm } from './wiki-edit-form';
import { WikiPageNav } from './wiki-page-nav';
import '@/core/layout/page-chrome.css';
import './wiki.css';

export type WikiSearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const positive = (value: string | undefined) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : undefined;
};

/** Every view of one wiki page, chosen by `?action=` as Trac's URLs choose them. */
export async function WikiScreen({
  name,
  params,
  features,
  editAction,
}: {
  name: string;
  params: WikiSearchParams;
  /** The features whose links and macros the page renders. */
  features: readonly Feature[];
  editAction: (previous: EditWikiState, form: FormData) => Promise<EditWikiState>;
}) {
  const action = one(params.action) ?? 'view';
  const returnTo = wikiPageHref(
    name,
    Object.fromEntries(Object.entries(params).flatMap(([k, v]) => (one(v) ? [[k, one(v)!]] : []))),
  );
  const viewer = await requirePermission('WIKI_VIEW', returnTo);
  if (!WikiPageNameSchema.safeParse(name).success) notFound();
  const db = getDb();
  const latest = await getWikiPage({ db, name });
  const nav = <WikiPageNav name={name} exists={latest !== null} />;

  if (action === 'edit') {
    const creating = latest === null;
    await requirePermission(creating ? 'WIKI_CREATE' : 'WIKI_MODIFY', returnTo);
    if (latest?.readonly) await requirePermission('WIKI_ADMIN', returnTo);
    const templateName = one(params.template);
    const [help, templates] = await Promise.all([
      renderWikiText({
        db,
        viewer,
        text: EDITOR_HELP,
        context: { realm: 'wiki', id: name },
        features,
      }),
      creating ? listTemplates(name) : Promise.resolve([]),
    ]);
    const chosen = templates.find((t) => t.name === templateName);
    return (
      <>
        {nav}
        <h1>{creating ? `Create ${name}` : `Editing ${name}`}</h1>
        <WikiEditForm
          action={editAction}
          initial={{
            name,
            text: latest?.text ?? chosen?.text ?? '',
            comment: '',
            baseVersion: latest?.version ?? 0,
            readonly: latest?.readonly ?? false,
          }}
          helpHtml={help}
          canSetReadonly={hasWikiPermission(viewer, 'WIKI_ADMIN')}
          templates={templates}
        />
      </>
    );
  }

  if (!latest) {
    const canCreate = hasWikiPermission(viewer, 'WIKI_CREATE');
    return (
      <>
        {nav}
        <h1>{name}</h1>
        <p className="notice">
          The page <strong>{name}</strong> does not exist.
          {canCreate && ' You can create it.'}
        </p>
        {canCreate && (
          <p>
            <Link className="button" href={wikiPageHref(name, { action: 'edit' })}>
              Create this page
            </Link>
          </p>
        )}
      </>
    );
  }

  if (action === 'history') {
    const history = await listWikiPageHistory({ db, name });
    return (
      <>
        {nav}
        <h1>Change History of {name}</h1>
        <form method="get" action={wikiPageHref(name)} className="history-form">
          <input type="hidden" name="action" value="diff" />
          <div className="table-scroll">
            <table className="listing history">
              <thead>
                <tr>
                  <th>From</th>
                  <th>To</th>
                  <th>Version</th>
                  <th>Date</th>
                  <th>Author</th>
                  <th>Comment</th>
                </tr>
              </thead>
              <tbody>
                {history.map((v, index) => (
                  <tr key={v.version}>
                    <td>
                      <input
                        type="radio"
                        name="old_version"
                        value={v.version}
                        defaultChecked={index === 1}
                        aria-label={`Compare from version ${v.version}`}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name="version"
                        value={v.version}
                        defaultChecked={index === 0}
                        aria-label={`Compare to version ${v.version}`}
                      />
                    </td>
                    <td>
                      <Link href={wikiPageHref(name, { version: v.version })}>{v.version}</Link>
                    </td>
                    <td>{formatDateTime(v.time)}</td>
                    <td>{v.author}</td>
                    <td>{v.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="buttons">
            <button type="submit" className="primary" disabled={history.length < 2}>
              View changes
            </button>
          </div>
        </form>
      </>
    );
  }

  if (action === 'diff') {
    const newVersion = positive(one(params.version)) ?? latest.version;
    const oldVersion = positive(one(params.old_version)) ?? newVersion - 1;
    const style = one(params.style) === 'sidebyside' ? 'sidebyside' : 'inline';
    const [newer, older] = await Promise.all([
      getWikiPage({ db, name, version: newVersion }),
      oldVersion > 0 ? getWikiPage({ db, name, version: oldVersion }) : Promise.resolve(null),
    ]);
    if (!newer) notFound();
    const diff = diffWikiText({ oldText: older?.text ?? '', newText: newer.text });
    const otherStyle = style === 'inline' ? 'sidebyside' : 'inline';
    return (
      <>
        {nav}
        <h1>
          Changes{' '}
          {older
            ? `between version ${older.version} and version ${newer.version}`
            : `in version ${newer.version}`}{' '}
          of {name}
        </h1>
        <dl className="fields diff-meta">
          <dt>Timestamp:</dt>
          <dd>{formatDateTime(newer.time)}</dd>
          <dt>Author:</dt>
          <dd>{newer.author}</dd>
          <dt>Comment:</dt>
          <dd>{newer.comment || '—'}</dd>
        </dl>
        <p className="diff-options">
          <span>
            {diff.removed} lines removed, {diff.added} lines added.
          </span>{' '}
          <Link
            href={wikiPageHref(name, {
              action: 'diff',
              version: newer.version,
              old_version: older?.version ?? 0,
              style: otherStyle,
            })}
          >
            {otherStyle === 'inline' ? 'Inline view' : 'Side by side view'}
          </Link>
        </p>
        <DiffView
          diff={diff}
          style={style}
          oldLabel={older ? `Version ${older.version}` : 'Empty'}
          newLabel={`Version ${newer.version}`}
        />
      </>
    );
  }

  if (action === 'rename') {
    await requirePermission('WIKI_RENAME', returnTo);
    return (
      <>
        {nav}
        <h1>Rename {name}</h1>
        <ActionForm action={renameWikiPageAction} submitLabel="Rename page" testId="rename-form">
          <input type="hidden" name="name" value={name} />
          <label>
            New name: <input type="text" name="newName" defaultValue={name} required />
          </label>
          <label className="toggle">
            <input type="checkbox" name="redirect" /> Leave a redirect page in place of the old name
          </label>
        </ActionForm>
      </>
    );
  }

  if (action === 'delete') {
    await requirePermission('WIKI_DELETE', returnTo);
    const version = positive(one(params.version));
    return (
      <>
        {nav}
        <h1>Delete {version ? `version ${version} of ${name}` : name}</h1>
        <p className="notice error">
          {version
            ? 'This removes the version from the history; it cannot be undone.'
            : 'This removes the page with all its versions and attachments; it cannot be undone.'}
        </p>
        <ActionForm
          action={deleteWikiPageAction}
          submitLabel={version ? 'Delete version' : 'Delete page'}
          danger
        >
          <input type="hidden" name="name" value={name} />
          {version && <input type="hidden" name="version" value={version} />}
        </ActionForm>
      </>
    );
  }

  // The page, or an old version of it.
  const requested = positive(one(params.version));
  const page = requested ? await getWikiPage({ db, name, version: requested }) : latest;
  if (!page) notFound();
  const isOld = page.version !== latest.version;
  const [html, attachments] = await Promise.all([
    renderWikiText({
      db,
      viewer,
      text: page.text,
      context: { realm: 'wiki', id: name },
      features,
    }),
    listAttachments({ db, realm: 'wiki', id: name }),
  ]);
  const editable = !latest.readonly || hasWikiPermission(viewer, 'WIKI_ADMIN');
  const canModify = hasWikiPermission(viewer, 'WIKI_MODIFY') && editable;
  const canAttach = canUseAttachments(viewer, 'wiki', 'create') && editable;
  const canDelete = hasWikiPermission(viewer, 'WIKI_DELETE') && editable;
  const canRename = hasWikiPermission(viewer, 'WIKI_RENAME') && editable;
  return (
    <>
      {nav}
      {isOld && (
        <p className="notice" role="status">
          Version {page.version} (modified by {page.author ?? 'anonymous'},{' '}
          {formatDateTime(page.time)}). This is an old version;{' '}
          <Link href={wikiPageHref(name)}>view the latest version</Link> or{' '}
          <Link href={wikiPageHref(name, { action: 'diff', version: page.version })}>
            see what changed in it
          </Link>
          .
        </p>
      )}
      <article aria-label={name} data-testid="wiki-page">
        <WikiContent html={html} />
      </article>
      {attachments.length > 0 && (
        <section className="attachments" aria-labelledby="attachments-title">
          <h2 id="attachments-title">Attachments ({attachments.length})</h2>
          <ul>
            {attachments.map((a) => (
              <li key={a.filename}>
                <Link
                  href={`/attachment/wiki/${encodeName(name)}/${encodeURIComponent(a.filename)}`}
                >
                  {a.filename}
                </Link>{' '}
                <a
                  className="download-link"
                  href={`/raw-attachment/wiki/${encodeName(name)}/${encodeURIComponent(a.filename)}`}
                  title={`Download ${a.filename}`}
                >
                  download
                </a>{' '}
                <span className="muted">
                  ({formatSize(a.size)}) — added by {a.author ?? 'anonymous'} on{' '}
                  {formatDateTime(a.time)}
                  {a.description && <>: {a.description}</>}
                </span>
                {canUseAttachments(viewer, 'wiki', 'delete') && editable && (
                  <ActionForm
                    action={deleteAttachmentAction}
                    submitLabel="Delete"
                    className="inline-delete"
                    danger
                  >
                    <input type="hidden" name="realm" value="wiki" />
                    <input type="hidden" name="id" value={name} />
                    <input type="hidden" name="filename" value={a.filename} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="wiki-actions">
        {latest.readonly && <p className="muted">This page is read-only.</p>}
        <div className="buttons">
          {isOld && canModify && (
            <ActionForm
              action={revertWikiPageAction}
              submitLabel={`Revert to this version`}
              className="inline-action"
            >
              <input type="hidden" name="name" value={name} />
              <input type="hidden" name="version" value={page.version} />
              <input type="hidden" name="baseVersion" value={latest.version} />
            </ActionForm>
          )}
          {!isOld && canModify && (
            <Link className="button" href={wikiPageHref(name, { action: 'edit' })}>
              Edit this page
            </Link>
          )}
          {canAttach && (
            <Link className="button" href={`/attachment/wiki/${encodeName(name)}?action=new`}>
              Attach file
            </Link>
          )}
          {canRename && !isOld && (
            <Link className="button" href={wikiPageHref(name, { action: 'rename' })}>
              Rename page
            </Link>
          )}
          {canDelete && (
            <Link
              className="button"
              href={wikiPageHref(name, { action: 'delete', version: page.version })}
            >
              Delete this version
            </Link>
          )}
          {canDelete && !isOld && (
            <Link className="button" href={wikiPageHref(name, { action: 'delete' })}>
              Delete page
            </Link>
          )}
        </div>
        <p className="muted last-modified">
          Version {page.version}, last modified {formatDateTime(page.time)} by{' '}
          {page.author ?? 'anonymous'}
          {page.comment && <> — {page.comment}</>}
        </p>
      </footer>
    </>
  );
}

const encodeName = (name: string) => name.split('/').map(encodeURIComponent).join('/');

function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The `PageTemplates/...` pages, offered when creating a page (Trac's page templates). */
async function listTemplates(_name: string) {
  const db = getDb();
  const pages = await listWikiPages({ db, prefix: 'PageTemplates/' });
  const loaded = await Promise.all(pages.map((p) => getWikiPage({ db, name: p.name })));
  return loaded
    .flatMap((p) => (p ? [{ name: p.name, text: p.text }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
}
