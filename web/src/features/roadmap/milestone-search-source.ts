import { fromTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';

import { HEADLINE_OPTIONS, type SearchSource } from '@/core/feature';
import { milestoneHref } from './milestone-href';

/** Milestones by name and description; the expression repeats the milestone search index's. */
export const milestoneSearchSource: SearchSource = {
  id: 'milestone',
  label: 'Milestones',
  permission: 'MILESTONE_VIEW',
  async search({ db, query, limit }) {
    const rows = await db.query<{
      name: string;
      due: bigint | null;
      completed: bigint | null;
      rank: number;
      excerpt: string | null;
    }>(sql`WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS q),
      best AS (
        SELECT m.name,
               ts_rank(setweight(to_tsvector('english', m.name), 'A') ||
                       setweight(to_tsvector('english', coalesce(m.description, '')), 'C'), q.q) AS rank
        FROM milestone m, q
        WHERE (setweight(to_tsvector('english', m.name), 'A') ||
               setweight(to_tsvector('english', coalesce(m.description, '')), 'C')) @@ q.q
        ORDER BY rank DESC, m.name LIMIT ${limit})
      SELECT m.name, m.due, m.completed, b.rank::float8 AS rank,
             ts_headline('english', coalesce(m.description, ''), q.q, ${HEADLINE_OPTIONS}) AS excerpt
      FROM best b JOIN milestone m ON m.name = b.name, q
      ORDER BY b.rank DESC, m.name`);
    return rows.map((row) => ({
      href: milestoneHref(row.name),
      title: `Milestone ${row.name}`,
      excerpt: row.excerpt ?? '',
      author: null,
      time: row.completed ? fromTracTime(row.completed) : row.due ? fromTracTime(row.due) : null,
      rank: row.rank,
    }));
  },
};
