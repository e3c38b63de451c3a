import type { Database } from '@/core/db/database';
import { fromTracTime } from '@/core/db/database';

export interface WikiPage {
  name: string;
  version: number;
  time: Date | null;
  author: string | null;
  text: string;
  comment: string | null;
}

/** The latest version of a wiki page, or null when no page has that name. */
export async function getWikiPage(options: {
  db: Database;
  name: string;
}): Promise<WikiPage | null> {
  const rows = await options.db.$queryRaw<
    {
      name: string;
      version: number;
      time: bigint | null;
      author: string | null;
      text: string | null;
      comment: string | null;
    }[]
  >`SELECT name, version, time, author, text, comment FROM wiki
    WHERE name = ${options.name} ORDER BY version DESC LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return { ...row, time: fromTracTime(row.time), text: row.text ?? '' };
}
