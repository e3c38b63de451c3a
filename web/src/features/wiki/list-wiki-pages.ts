import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

export interface WikiPageListing {
  name: string;
  /** Trac time (microseconds) of the latest version. */
  time: number;
  author: string;
  version: number;
}

/** The latest version of every page, newest first; `prefix` keeps names starting with it. */
export async function listWikiPages(options: {
  db: Queryable;
  prefix?: string;
}): Promise<WikiPageListing[]> {
  const prefix = options.prefix ?? '';
  const rows = await options.db.query<{
    name: string;
    time: bigint | null;
    author: string | null;
    version: number;
  }>(sql`SELECT DISTINCT ON (name) name, time, author, version FROM wiki
    WHERE starts_with(name, ${prefix})
    ORDER BY name, version DESC`);
  return rows
    .map((row) => ({
      name: row.name,
      time: Number(row.time ?? 0n),
      author: row.author ?? '',
      version: row.version,
    }))
    .sort((a, b) => b.time - a.time);
}
