import { containsPattern, fromTracTime, toTracTime } from '@/core/db/database';
import type { Feature } from '@/core/feature';
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
    async search({ db, terms, limit }) {
      const patterns = terms.map(containsPattern);
      // Only each page's latest version is searched, as Trac does.
      const rows = await db.$queryRaw<
        { name: string; text: string | null; author: string | null; time: bigint | null }[]
      >`SELECT w.name, w.text, w.author, w.time FROM wiki w
        WHERE w.version = (SELECT max(version) FROM wiki WHERE name = w.name)
          AND (w.name || ' ' || coalesce(w.text, '')) ILIKE ALL (${patterns}::text[])
        ORDER BY w.time DESC LIMIT ${limit}`;
      return rows.map((row) => ({
        href: wikiPageHref(row.name),
        title: row.name,
        excerpt: (row.text ?? '').slice(0, 240),
        author: row.author,
        time: fromTracTime(row.time),
      }));
    },
  },
  timelineProvider: {
    id: 'wiki',
    label: 'Wiki changes',
    permission: 'WIKI_VIEW',
    async listEvents({ db, from, to, limit }) {
      const rows = await db.$queryRaw<
        {
          name: string;
          version: number;
          time: bigint;
          author: string | null;
          comment: string | null;
        }[]
      >`SELECT name, version, time, author, comment FROM wiki
        WHERE time >= ${toTracTime(from)} AND time < ${toTracTime(to)}
        ORDER BY time DESC LIMIT ${limit}`;
      return rows.map((row) => ({
        time: fromTracTime(row.time) ?? from,
        kind: 'wiki',
        title: `${row.name} ${row.version === 1 ? 'created' : 'edited'}`,
        href: wikiPageHref(row.name),
        author: row.author,
        description: row.comment,
      }));
    },
  },
};
