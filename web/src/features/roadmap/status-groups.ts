/** Trac's default milestone groups: how a ticket's status counts towards progress. */
export type StatusGroupId = 'closed' | 'active' | 'new';

export interface StatusGroup {
  id: StatusGroupId;
  label: string;
}

/** In the order the progress bar draws them: done work first. */
export const STATUS_GROUPS: readonly StatusGroup[] = [
  { id: 'closed', label: 'closed' },
  { id: 'active', label: 'active' },
  { id: 'new', label: 'new' },
];

export function statusGroupOf(status: string | null): StatusGroupId {
  if (status === 'closed') return 'closed';
  if (status === null || status === '' || status === 'new') return 'new';
  return 'active';
}

/** Ticket counts of one milestone (or one part of it), by status and by group. */
export interface TicketStats {
  total: number;
  groups: Record<StatusGroupId, number>;
  /** The statuses counted in each group, for the query links. */
  statuses: Record<StatusGroupId, string[]>;
  /** Closed tickets as a whole percentage of all. */
  percentClosed: number;
}

export function emptyStats(): TicketStats {
  return {
    total: 0,
    groups: { closed: 0, active: 0, new: 0 },
    statuses: { closed: [], active: [], new: [] },
    percentClosed: 0,
  };
}

/** Adds `count` tickets of `status` to `stats` (mutates and returns it). */
export function addToStats(stats: TicketStats, status: string | null, count: number): TicketStats {
  const group = statusGroupOf(status);
  stats.total += count;
  stats.groups[group] += count;
  const name = status || 'new';
  if (!stats.statuses[group].includes(name)) stats.statuses[group].push(name);
  stats.statuses[group].sort();
  stats.percentClosed = stats.total ? Math.floor((stats.groups.closed / stats.total) * 100) : 0;
  return stats;
}

/** The `/query` URL of a milestone's tickets in one group (and one extra filter, if given). */
export function groupQueryHref(options: {
  milestone: string;
  statuses?: readonly string[];
  filter?: { field: string; value: string };
  group?: string;
}): string {
  const params = new URLSearchParams();
  if (options.filter) params.append(options.filter.field, options.filter.value);
  params.append('milestone', options.milestone);
  for (const status of options.statuses ?? []) params.append('status', status);
  params.append('group', options.group ?? 'status');
  return `/query?${params.toString()}`;
}
