import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getViewer, requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { readSiteConfig } from '@/core/db/site-config';
import type { Feature } from '@/core/feature';
import { formatDateTime } from '@/core/format';
import { renderWikiTexts } from '@/core/wiki-render/render-wiki-text';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import { buildActionChoices } from '@/features/ticket/build-action-choices';
import { buildTicketHistory, type HistoryEntry } from '@/features/ticket/build-ticket-history';
import {
  customFieldLabel,
  fromStoredTime,
  loadCustomFields,
} from '@/features/ticket/custom-fields';
import { describeFieldChange } from '@/features/ticket/describe-field-change';
import { getTicket } from '@/features/ticket/get-ticket';
import { ticketAttachmentHref } from '@/features/ticket/ticket-attachment-links';
import { buildFieldSpecs, formValuesFor } from '@/features/ticket/ticket-field-specs';
import { EDITABLE_FIELDS, FIELD_LABELS } from '@/features/ticket/ticket-form';
import { loadTicketOptions } from '@/features/ticket/ticket-options';
import { hasTicketPermission } from '@/features/ticket/ticket-permissions';
import { CommentEditForm } from '@/features/ticket/ui/comment-edit-form';
import { DeleteTicketForm } from '@/features/ticket/ui/delete-ticket-form';
import { ModifyTicketForm } from '@/features/ticket/ui/modify-ticket-form';
import { TextDiff } from '@/features/ticket/ui/text-diff';
import { TicketAttachments } from '@/features/ticket/ui/ticket-attachments';
import type { ModifyTicketFormState } from '@/features/ticket/ui/ticket-form-state';
import {
  attachFileAction,
  deleteTicketAction,
  deleteTicketAttachmentAction,
  editCommentAction,
} from './ticket-actions';
import '@/features/ticket/ui/ticket.css';
import { canUseAttachments } from '@/features/attachment/attachment-permissions';
import { getAttachmentMaxSize } from '@/features/attachment/attachment-services';
import { ticketPageTitle } from '@/features/ticket/ticket-page-title';
import { loadWorkflow } from '@/features/ticket/workflow';

export type TicketScreenProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function parseTicketId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}

// The page and its title read the ticket (with its history and attachments) once per request.
const loadTicket = cache((id: number) => getTicket({ db: getDb(), id }));

export async function ticketPageMetadata({ params }: TicketScreenProps) {
  const { id: raw } = await params;
  const id = parseTicketId(raw);
  const viewer = await getViewer();
  // The summary is shown only to those who may see the ticket.
  const ticket = id !== null && viewer.permissions.has('TICKET_VIEW') ? await loadTicket(id) : null;
  return { title: ticket ? ticketPageTitle(ticket) : `#${raw}` };
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export async function TicketScreen({
  params,
  searchParams,
  features,
  modifyAction,
}: TicketScreenProps & {
  /** The features whose links, macros and sources the page shows. */
  features: readonly Feature[];
  modifyAction: (previous: ModifyTicketFormState, form: FormData) => Promise<ModifyTicketFormState>;
}) {
  const { id: raw } = await params;
  const query = await searchParams;
  const viewer = await requirePermission('TICKET_VIEW', `/ticket/${raw}`);
  const id = parseTicketId(raw);
  if (id === null) notFound();
  const db = getDb();
  const ticket = await loadTicket(id);
  if (!ticket) notFound();
  const actor = viewer;
  const [ticketOptions, customFields, workflow] = await Promise.all([
    readSiteConfig({ db, name: 'ticket-options', load: () => loadTicketOptions({ db }) }),
    readSiteConfig({ db, name: 'custom-fields', load: () => loadCustomFields({ db }) }),
    readSiteConfig({ db, name: 'workflow', load: () => loadWorkflow({ db }) }),
  ]);
  const { attachments } = ticket;
  const history = buildTicketHistory(ticket.changes, attachments);
  const context = { realm: 'ticket', id: String(id) };
  // The description and every comment share one prefetch of the tickets and pages they link.
  const [descriptionHtml, ...commentHtml] = await renderWikiTexts({
    features,
    db,
    viewer,
    texts: [ticket.description ?? '', ...history.map((entry) => entry.comment)].map((text) => ({
      text,
      context,
    })),
  });

  const customValues = new Map(ticket.custom.map((field) => [field.name, field.value ?? '']));
  const shownCustom = (name: string, value: string) => {
    const definition = customFields.find((field) => field.name === name);
    if (definition?.type === 'checkbox') return value === '1' ? 'yes' : 'no';
    if (definition?.type === 'time') {
      const date = fromStoredTime(value);
      if (date)
        return definition.format === 'date'
          ? date.toISOString().slice(0, 10)
          : formatDateTime(date);
    }
    return value;
  };
  const customRows: [string, string][] = [
    ...customFields.map((field): [string, string] => [
      customFieldLabel(field),
      shownCustom(field.name, customValues.get(field.name) ?? ''),
    ]),
    // Values of fields no longer configured stay visible, as raw text.
    ...ticket.custom
      .filter((field) => !customFields.some((definition) => definition.name === field.name))
      .map((field): [string, string] => [field.name, field.value ?? '']),
  ];
  const properties: [string, string, string, string][] = [
    ['Reported by', ticket.reporter ?? '', 'Owned by', ticket.owner ?? ''],
    ['Priority', ticket.priority ?? '', 'Milestone', ticket.milestone ?? ''],
    ['Component', ticket.component ?? '', 'Version', ticket.version ?? ''],
    ['Severity', ticket.severity ?? '', 'Keywords', ticket.keywords ?? ''],
    ['Cc', ticket.cc ?? '', '', ''],
  ];
  for (let i = 0; i < customRows.length; i += 2) {
    const [a, b] = [customRows[i]!, customRows[i + 1]];
    properties.push([a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
  }

  const canComment = hasTicketPermission(actor, 'TICKET_APPEND');
  const mayEditComment = (entry: HistoryEntry) =>
    hasTicketPermission(actor, 'TICKET_EDIT_COMMENT') ||
    (canComment && actor.name !== null && entry.author === actor.name);
  const editing = Number(single(query.cnum_edit));
  const replyTo = Number(single(query.replyto));
  const replied = history.find((entry) => entry.commentNumber === replyTo);
  const quote = replied
    ? `Replying to [comment:${replyTo} ${replied.author ?? 'anonymous'}]:\n${replied.comment
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}\n\n`
    : '';

  const currentValues: Record<string, string> = Object.fromEntries([
    ...EDITABLE_FIELDS.map((name) => [name, ticket[name] ?? '']),
    ...customFields.map((field) => [field.name, field.value]),
    ...ticket.custom.map((field) => [field.name, field.value ?? '']),
  ]);
  const specs = buildFieldSpecs({
    ticketOptions,
    customFields,
    actor,
    current: { values: currentValues, reporter: ticket.reporter },
  });
  const initial: ModifyTicketFormState = {
    values: formValuesFor(customFields, currentValues),
    comment: quote,
    replyTo: replied ? String(replyTo) : '',
    action: 'leave',
    actionOwner: '',
    actionResolution: '',
    expectedChangetime: String(ticket.changetimeMicros ?? ''),
    errors: {},
  };
  const actions = buildActionChoices({
    workflow,
    ticket: { status: ticket.status, owner: ticket.owner, resolution: ticket.resolution },
    actor,
    resolutions: ticketOptions.resolutions,
  });
  const canModify = canComment || specs.some((spec) => !spec.disabled) || actions.length > 1;

  return (
    <div className="ticket-page">
      <h1>
        Ticket #{ticket.id}{' '}
        <span className="ticket-status">
          (
          {[ticket.status, ticket.type, ticket.resolution && `: ${ticket.resolution}`]
            .filter(Boolean)
            .join(' ')
            .replace(' :', ':')}
          )
        </span>
      </h1>
      <section id="ticket" className="ticket-box" aria-labelledby="ticket-summary">
        <p className="ticket-dates">
          Opened {formatDateTime(ticket.time)}
          <br />
          Last modified {formatDateTime(ticket.changetime)}
        </p>
        <h2 id="ticket-summary" className="ticket-summary">
          <a href={`/ticket/${ticket.id}`}>#{ticket.id}</a> {ticket.summary}
        </h2>
        <table className="ticket-properties">
          <tbody>
            {properties.map(([l1, v1, l2, v2]) => (
              <tr key={l1}>
                <th scope="row">{l1}:</th>
                <td>{v1}</td>
                <th scope="row">{l2 && `${l2}:`}</th>
                <td>{v2}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="ticket-description">
          <h3>Description</h3>
          {ticket.description ? (
            <WikiContent html={descriptionHtml ?? ''} />
          ) : (
            <p className="muted">No description.</p>
          )}
        </div>
      </section>
      <div className="ticket-buttons">
        {hasTicketPermission(actor, 'TICKET_CREATE') && (
          <Link className="button" href={`/newticket?clone=${ticket.id}`}>
            Clone
          </Link>
        )}
        {canComment && (
          <a className="button" href="#trac-add-comment">
            Add a comment
          </a>
        )}
      </div>

      <TicketAttachments
        ticketId={ticket.id}
        attachments={attachments}
        maxSize={getAttachmentMaxSize()}
        attachAction={canUseAttachments(viewer, 'ticket', 'create') ? attachFileAction : undefined}
        deleteAction={
          canUseAttachments(viewer, 'ticket', 'delete') ? deleteTicketAttachmentAction : undefined
        }
      />

      <h2 id="changelog-heading">Change History ({history.length})</h2>
      {history.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <section className="ticket-changelog" aria-labelledby="changelog-heading">
          {history.map((entry, index) => {
            const anchor = entry.commentNumber
              ? `comment:${entry.commentNumber}`
              : `change-${index}`;
            return (
              <article
                key={`${entry.timeMicros}-${entry.attachment ?? ''}`}
                id={anchor}
                className="ticket-change"
              >
                <h3 className="ticket-change-head">
                  <span>
                    Changed {formatDateTime(entry.time)} by{' '}
                    <strong>{entry.author ?? 'anonymous'}</strong>
                    {entry.replyTo && (
                      <>
                        {' '}
                        in reply to{' '}
                        <a href={`#comment:${entry.replyTo}`}>comment {entry.replyTo}</a>
                      </>
                    )}
                  </span>
                  {entry.commentNumber && (
                    <a className="ticket-cnum" href={`#${anchor}`}>
                      comment:{entry.commentNumber}
                    </a>
                  )}
                </h3>
                {entry.attachment && (
                  <ul className="ticket-field-changes">
                    <li>
                      <strong>Attachment</strong>{' '}
                      <a href={ticketAttachmentHref(ticket.id, entry.attachment)}>
                        {entry.attachment}
                      </a>{' '}
                      added
                    </li>
                  </ul>
                )}
                {entry.fields.length > 0 && (
                  <ul className="ticket-field-changes">
                    {entry.fields.map((change) => {
                      const label =
                        FIELD_LABELS[change.field] ?? customLabel(customFields, change.field);
                      const summary = describeFieldChange(change);
                      return (
                        <li key={change.field}>
                          <strong>{label}</strong>{' '}
                          {summary.kind === 'set' && (
                            <>
                              set to <em>{shownCustom(change.field, summary.value)}</em>
                            </>
                          )}
                          {summary.kind === 'deleted' && (
                            <>
                              <em>{shownCustom(change.field, summary.value)}</em> deleted
                            </>
                          )}
                          {summary.kind === 'changed' && (
                            <>
                              changed from <em>{shownCustom(change.field, summary.from)}</em> to{' '}
                              <em>{shownCustom(change.field, summary.to)}</em>
                            </>
                          )}
                          {summary.kind === 'list' && (
                            <>
                              {summary.added.length > 0 && <em>{summary.added.join(' ')}</em>}
                              {summary.added.length > 0 && ' added'}
                              {summary.added.length > 0 && summary.removed.length > 0 && '; '}
                              {summary.removed.length > 0 && <em>{summary.removed.join(' ')}</em>}
                              {summary.removed.length > 0 && ' removed'}
                            </>
                          )}
                          {summary.kind === 'modified' && (
                            <>
                              modified
                              <details className="ticket-diff-details">
                                <summary>Show the changes</summary>
                                <TextDiff before={change.oldvalue} after={change.newvalue} />
                              </details>
                            </>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {entry.commentNumber && editing === entry.commentNumber && mayEditComment(entry) ? (
                  <CommentEditForm
                    editAction={editCommentAction}
                    ticketId={ticket.id}
                    commentNumber={entry.commentNumber}
                    text={entry.comment}
                  />
                ) : (
                  entry.comment && (
                    <div className="ticket-comment">
                      <WikiContent html={commentHtml[index] ?? ''} />
                    </div>
                  )
                )}
                {entry.revisions.length > 0 && (
                  <details className="ticket-comment-history">
                    <summary>
                      Comment edited {entry.revisions.length} time
                      {entry.revisions.length > 1 ? 's' : ''}
                    </summary>
                    <ol>
                      {entry.revisions.map((revision) => (
                        <li key={revision.revision}>
                          <p className="muted">
                            Version {revision.revision}, replaced{' '}
                            {formatDateTime(revision.replacedAt)} by{' '}
                            {revision.replacedBy ?? 'anonymous'}:
                          </p>
                          <pre>{revision.text || '(empty)'}</pre>
                        </li>
                      ))}
                    </ol>
                  </details>
                )}
                {entry.commentNumber &&
                  (canComment || mayEditComment(entry)) &&
                  editing !== entry.commentNumber && (
                    <p className="ticket-comment-tools">
                      {canComment && (
                        <a
                          href={`/ticket/${ticket.id}?replyto=${entry.commentNumber}#trac-add-comment`}
                        >
                          Reply
                        </a>
                      )}
                      {mayEditComment(entry) && entry.comment !== undefined && (
                        <a
                          href={`/ticket/${ticket.id}?cnum_edit=${entry.commentNumber}#comment:${entry.commentNumber}`}
                        >
                          Edit
                        </a>
                      )}
                    </p>
                  )}
              </article>
            );
          })}
        </section>
      )}

      {canModify ? (
        <section id="trac-add-comment" aria-labelledby="modify-heading">
          <h2 id="modify-heading">Modify Ticket</h2>
          <ModifyTicketForm
            modifyAction={modifyAction}
            ticketId={ticket.id}
            initial={initial}
            specs={specs}
            actions={actions}
            canComment={canComment}
          />
        </section>
      ) : (
        !viewer.user && (
          <p className="notice">
            <Link href={`/login?callbackUrl=${encodeURIComponent(`/ticket/${ticket.id}`)}`}>
              Sign in
            </Link>{' '}
            to comment on or change this ticket.
          </p>
        )
      )}
      {hasTicketPermission(actor, 'TICKET_ADMIN') && (
        <DeleteTicketForm deleteAction={deleteTicketAction} ticketId={ticket.id} />
      )}
    </div>
  );
}

function customLabel(fields: Awaited<ReturnType<typeof loadCustomFields>>, name: string): string {
  const field = fields.find((candidate) => candidate.name === name);
  return field ? customFieldLabel(field) : name;
}
