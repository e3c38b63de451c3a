/** "72%" for a 0-1 score. */
export function formatPercent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

const STATUS_LABELS: Record<string, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  completed: 'completed',
  mastered: 'mastered',
};

export function formatStatus(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** Where an excerpt sits in its document: "Guide › Trees › Heaps, pages 3–4". */
export function formatPlace(source: {
  documentTitle: string;
  headingPath: string[];
  pageStart: number | null;
  pageEnd: number | null;
}): string {
  const where = [source.documentTitle, ...source.headingPath].join(' › ');
  const { pageStart, pageEnd } = source;
  if (pageStart === null) return where;
  if (pageEnd === null || pageEnd === pageStart) return `${where}, page ${pageStart}`;
  return `${where}, pages ${pageStart}–${pageEnd}`;
}

/** A due date as a learner reads it: "now", "in 3 hours", "in 4 days (12 March 2026)". */
export function formatDue(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const hours = ms / 3_600_000;
  if (hours < 1) {
    const minutes = Math.ceil(ms / 60_000);
    return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  if (hours < 36) {
    const rounded = Math.round(hours);
    return `in ${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
  }
  const days = Math.round(hours / 24);
  const day = due.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `in ${days} days (${day})`;
}

export function pathHref(pathId: string): string {
  return `/learning/paths/${pathId}`;
}

export function conceptHref(pathId: string, ticketId: number): string {
  return `/learning/paths/${pathId}/concepts/${ticketId}`;
}
