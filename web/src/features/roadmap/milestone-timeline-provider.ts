import { fromTracTime, toTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';

import type { TimelineProvider } from '@/core/feature';
import { milestoneHref } from './milestone-href';

/** Milestones reached (completed) in the range. Trac records no author for them. */
export const milestoneTimelineProvider: TimelineProvider = {
  id: 'milestone',
  permission: 'MILESTONE_VIEW',
  filters: [{ id: 'milestone', label: 'Milestones reached' }],
  async listEvents({ db, from, to, limit, filters, authors }) {
    // Without an author, a milestone cannot be by any of the people asked for.
    if (!filters.includes('milestone') || authors.include.length > 0) return [];
    const rows = await db.query<{
      name: string;
      completed: bigint;
      description: string | null;
    }>(sql`SELECT name, completed, left(description, 300) AS description FROM milestone
      WHERE completed >= ${toTracTime(from)} AND completed < ${toTracTime(to)}
      ORDER BY completed DESC LIMIT ${limit}`);
    return rows.map((row) => ({
      time: fromTracTime(row.completed) ?? from,
      kind: 'milestone',
      title: `Milestone ${row.name} completed`,
      href: milestoneHref(row.name),
      author: null,
      description: row.description || null,
    }));
  },
};
