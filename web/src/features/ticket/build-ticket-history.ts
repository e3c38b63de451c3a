import { fromTracTime } from '@learntrac/db/time';

import type { TicketChange } from './get-ticket';

/** An attachment as the history lists it (Trac shows each as an unnumbered change). */
export interface HistoryAttachment {
  filename: string;
  description: string;
  author: string | null;
  time: Date | null;
}

export interface FieldChange {
  field: string;
  oldvalue: string;
  newvalue: string;
}

/** An earlier text of an edited comment, from a `_comment<N>` row. */
export interface CommentRevision {
  revision: number;
  text: string;
  /** When this text was replaced, and by whom. */
  replacedAt: Date | null;
  replacedBy: string | null;
}

/** One change of the ticket: every row sharing a time (Trac writes them together). */
export interface HistoryEntry {
  time: Date | null;
  timeMicros: bigint;
  author: string | null;
  /** The comment's number on the ticket (its `comment:N` anchor), or null for old data. */
  commentNumber: number | null;
  /** The comment this one replies to. */
  replyTo: number | null;
  comment: string;
  fields: FieldChange[];
  /** Earlier texts of the comment, oldest first; empty when it was never edited. */
  revisions: CommentRevision[];
  /** The file this entry attached; its description is the entry's comment. */
  attachment: string | null;
}

/**
 * Groups a ticket's change rows (oldest first) into Trac's numbered change history. Attachments
 * join it as entries of their own, without a comment number: attaching writes no change row.
 */
export function buildTicketHistory(
  changes: readonly TicketChange[],
  attachments: readonly HistoryAttachment[] = [],
): HistoryEntry[] {
  const entries = new Map<bigint, HistoryEntry>();
  for (const change of changes) {
    let entry = entries.get(change.timeMicros);
    if (!entry) {
      entry = {
        time: change.time,
        timeMicros: change.timeMicros,
        author: change.author,
        commentNumber: null,
        replyTo: null,
        comment: '',
        fields: [],
        revisions: [],
        attachment: null,
      };
      entries.set(change.timeMicros, entry);
    }
    if (change.field === 'comment') {
      const parts = (change.oldvalue ?? '').split('.');
      const number = Number(parts.at(-1));
      entry.commentNumber = Number.isInteger(number) && number > 0 ? number : null;
      entry.replyTo = parts.length > 1 ? Number(parts[0]) || null : null;
      entry.comment = change.newvalue ?? '';
      // The change's author is the comment row's; `_comment` rows carry the editor's name.
      entry.author = change.author;
    } else if (/^_comment\d+$/.test(change.field)) {
      entry.revisions.push({
        revision: Number(change.field.slice('_comment'.length)),
        text: change.oldvalue ?? '',
        replacedAt: /^\d+$/.test(change.newvalue ?? '')
          ? fromTracTime(BigInt(change.newvalue!))
          : null,
        replacedBy: change.author,
      });
    } else {
      entry.fields.push({
        field: change.field,
        oldvalue: change.oldvalue ?? '',
        newvalue: change.newvalue ?? '',
      });
    }
  }
  const attached = attachments.map(
    (attachment): HistoryEntry => ({
      time: attachment.time,
      timeMicros: BigInt(attachment.time?.getTime() ?? 0) * 1000n,
      author: attachment.author,
      commentNumber: null,
      replyTo: null,
      comment: attachment.description,
      fields: [],
      revisions: [],
      attachment: attachment.filename,
    }),
  );
  const history = [...entries.values(), ...attached].sort((a, b) =>
    a.timeMicros === b.timeMicros ? 0 : a.timeMicros < b.timeMicros ? -1 : 1,
  );
  for (const entry of history) entry.revisions.sort((a, b) => a.revision - b.revision);
  return history;
}
