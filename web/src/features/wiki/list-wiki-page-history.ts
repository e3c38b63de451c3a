import type { Database } from '@/core/db/database';
import { fromTracTime } from '@/core/db/database';

export interface WikiVersionSummary {
  version: number;
  time: Date | null;
  author: string | null;
  comment: string | null;
  size: number;
}

/** Every version of a page, newest first. */
export async function listWikiPageHistory(options: {
  db: Database;
  name: string;
}): Promise<WikiVersionSummary[]> {
  const rows = await options.db.$queryRaw<
    {
      version: number;
      time: bigint | null;
      author: string | null;
      comment: string | null;
      size: number;
    }[]
  >`SELECT version, time, author, comment, length(coalesce(text, ''))::int AS size
    FROM wiki WHERE name = ${options.name} ORDER BY version DESC`;
  return rows.map((row) => ({ ...row, time: fromTracTime(row.time) }));
}
