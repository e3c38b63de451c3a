import { fromTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

export interface WikiVersionSummary {
  version: number;
  time: Date | null;
  author: string | null;
  comment: string | null;
  size: number;
}

/** Every version of a page, newest first. */
export async function listWikiPageHistory(options: {
  db: Queryable;
  name: string;
}): Promise<WikiVersionSummary[]> {
  const rows = await options.db.query<{
    version: number;
    time: bigint | null;
    author: string | null;
    comment: string | null;
    size: number;
  }>(sql`SELECT version, time, author, comment, length(coalesce(text, ''))::int AS size
    FROM wiki WHERE name = ${options.name} ORDER BY version DESC`);
  return rows.map((row) => ({ ...row, time: fromTracTime(row.time) }));
}
