import { fromTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

export interface WikiPage {
  name: string;
  version: number;
  time: Date | null;
  author: string | null;
  text: string;
  comment: string | null;
  readonly: boolean;
  /** The page's newest version (equal to `version` unless an old one was asked for). */
  latestVersion: number;
}

type WikiRow = {
  name: string;
  version: number;
  time: bigint | null;
  author: string | null;
  text: string | null;
  comment: string | null;
  readonly: number | null;
  latest: number;
};

/** A version of a wiki page (the latest unless `version` is given), or null when there is none. */
export async function getWikiPage(options: {
  db: Queryable;
  name: string;
  version?: number;
}): Promise<WikiPage | null> {
  const { db, name, version } = options;
  const rows = version
    ? await db.query<WikiRow>(sql`SELECT name, version, time, author, text, comment, readonly,
        (SELECT max(version) FROM wiki WHERE name = ${name}) AS latest
        FROM wiki WHERE name = ${name} AND version = ${version}`)
    : await db.query<WikiRow>(sql`SELECT name, version, time, author, text, comment, readonly,
        version AS latest
        FROM wiki WHERE name = ${name} ORDER BY version DESC LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  return {
    name: row.name,
    version: row.version,
    time: fromTracTime(row.time),
    author: row.author,
    text: row.text ?? '',
    comment: row.comment,
    // Trac keeps the read-only flag on each version; the newest one decides.
    readonly: Boolean(row.readonly),
    latestVersion: row.latest,
  };
}
