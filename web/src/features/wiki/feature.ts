import { fromTracTime, toTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';

import { type Feature, HEADLINE_OPTIONS } from '@/core/feature';
import { wikiPageHref } from './wiki-names';
import { wikiSupport } from './wiki-support';

export const wikiFeature: Feature = {
  id: 'wiki',
  wiki: wikiSupport,
  navigation: { label: 'Wiki', href: '/wiki', order: 10, permission: 'WIKI_VIEW' },
  searchSource: {
    id: 'wiki',
    label: 'Wiki',
    permission: 'WIKI_VIEW',
    async search({ db, query, limit }) {
      // The to_tsvector expression repeats the wiki search index's. Only each page's latest
      // version counts, as in Trac.
      const rows = await db.query<{
        name: string;
        author: string | null;
        time: bigint | null;
        rank: number;
        excerpt: string | null;
      }>(sql`WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS q),
        best AS (
          SELECT w.name, w.version,
                 ts_rank(setweight(to_tsvector('english', w.name), 'A') ||
                         setweight(to_tsvector('english', coalesce(w.text, '')), 'C'), q.q) AS rank
          FROM wiki w, q
          WHERE (setweight(to_tsvector('english', w.name), 'A') ||
                 setweight(to_tsvector('english', coalesce(w.text, '')), 'C')) @@ q.q
            AND w.version = (SELECT max(version) FROM wiki WHERE name = w.name)
          ORDER BY rank DESC, w.name LIMIT ${limit})
        SELECT w.name, w.author, w.time, b.rank::float8 AS rank,
               ts_headline('english', coalesce(w.text, ''), q.q, ${HEADLINE_OPTIONS}) AS excerpt
        FROM best b JOIN wiki w ON w.name = b.name AND w.version = b.version, q
        ORDER BY b.rank DESC, w.name`);
      return rows.map((row) => ({
        href: wikiPageHref(row.name),
        title: row.name,
        excerpt: row.excerpt ?? '',
        author: row.author,
        time: fromTracTime(row.time),
        rank: row.rank,
      }));
    },
  },
  timelineProvider: {
    id: 'wiki',
    permission: 'WIKI_VIEW',
    filters: [{ id: 'wiki', label: 'Wiki changes' }],
    async listEvents({ db, from, to, limit, filters, authors }) {
      if (!filters.includes('wiki')) return [];
      const rows = await db.query<{
        name: string;
        version: number;
        time: bigint;
        author: string | null;
        comment: string | null;
      }>(sql`SELECT name, version, time, author, comment FROM wiki
        WHERE time >= ${toTracTime(from)} AND time < ${toTracTime(to)}
          AND (cardinality(${[...authors.include]}::text[]) = 0
               OR author = ANY(${[...authors.include]}::text[]))
          AND coalesce(author, '') <> ALL(${[...authors.exclude]}::text[])
        ORDER BY time DESC LIMIT ${limit}`);
      return rows.map((row) => ({
        time: fromTracTime(row.time) ?? from,
        kind: 'wiki',
        title: `${row.name} ${row.version === 1 ? 'created' : 'edited'}`,
        href:
          row.version === 1
            ? wikiPageHref(row.name)
            : wikiPageHref(row.name, { action: 'diff', version: row.version }),
        author: row.author,
        description: row.comment,
      }));
    },
  },
};
