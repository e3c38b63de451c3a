import { fromTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

export interface AttachmentInfo {
  realm: string;
  id: string;
  filename: string;
  size: number;
  time: Date | null;
  description: string;
  author: string | null;
}

/** An `attachment` row as read; `time` is Trac's microseconds. */
export type AttachmentRow = {
  type: string;
  id: string;
  filename: string;
  size: number | null;
  time: bigint | null;
  description: string | null;
  author: string | null;
};

export const toAttachmentInfo = (row: AttachmentRow): AttachmentInfo => ({
  realm: row.type,
  id: row.id,
  filename: row.filename,
  size: row.size ?? 0,
  time: fromTracTime(row.time),
  description: row.description ?? '',
  author: row.author,
});

/** The attachments of one resource, by file name. */
export async function listAttachments(options: {
  db: Queryable;
  realm: string;
  id: string;
}): Promise<AttachmentInfo[]> {
  const rows = await options.db.query<AttachmentRow>(sql`
    SELECT type, id, filename, size, time, description, author FROM attachment
    WHERE type = ${options.realm} AND id = ${options.id} ORDER BY filename`);
  return rows.map(toAttachmentInfo);
}

/** One attachment's description, or null. */
export async function getAttachment(options: {
  db: Queryable;
  realm: string;
  id: string;
  filename: string;
}): Promise<AttachmentInfo | null> {
  const rows = await options.db.query<AttachmentRow>(sql`
    SELECT type, id, filename, size, time, description, author FROM attachment
    WHERE type = ${options.realm} AND id = ${options.id} AND filename = ${options.filename}`);
  return rows[0] ? toAttachmentInfo(rows[0]) : null;
}
