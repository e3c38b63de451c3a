import type { Permission } from '@/core/auth/roles';
import type { Queryable } from '@/core/db/database';
import type { Feature, TimelineEvent, TimelineFilter, TimelineProvider } from '@/core/feature';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DAYS_BACK = 30;
/** Trac's `[timeline] max_daysback` default is 90; a year still answers quickly here. */
export const MAX_DAYS_BACK = 365;
export const MAX_EVENTS = 500;

/** The providers a viewer may see. */
export function listTimelineProviders(options: {
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
}): TimelineProvider[] {
  return options.features
    .flatMap((feature) => (feature.timelineProvider ? [feature.timelineProvider] : []))
    .filter((provider) => options.permissions.has(provider.permission));
}

/** Every filter checkbox the viewer's providers offer. */
export function listTimelineFilters(providers: readonly TimelineProvider[]): TimelineFilter[] {
  return providers.flatMap((provider) => provider.filters);
}

export interface TimelineRange {
  from: Date;
  to: Date;
  /** The last day shown (Trac's `from`), as YYYY-MM-DD. */
  lastDay: string;
  daysBack: number;
}

/**
 * Trac's range: `from` names the newest day shown (today by default) and `daysback` how many
 * days before it to include too; both bad values fall back to the defaults.
 */
export function parseTimelineRange(options: {
  from?: string;
  daysBack?: string;
  now: Date;
}): TimelineRange {
  const requested = options.from ? new Date(options.from) : null;
  const day = requested && !Number.isNaN(requested.getTime()) ? requested : options.now;
  const lastDay = day.toISOString().slice(0, 10);
  const parsedDays = Number.parseInt(options.daysBack ?? '', 10);
  const daysBack = Number.isFinite(parsedDays)
    ? Math.min(Math.max(parsedDays, 0), MAX_DAYS_BACK)
    : DEFAULT_DAYS_BACK;
  const to = new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS);
  return { from: new Date(to.getTime() - (daysBack + 1) * DAY_MS), to, lastDay, daysBack };
}

/** Trac's `authors` filter: names separated by spaces or commas, `-name` to leave one out. */
export function parseAuthors(value: string | undefined): { include: string[]; exclude: string[] } {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean);
  return {
    include: names.filter((name) => !name.startsWith('-')),
    exclude: names.filter((name) => name.startsWith('-') && name.length > 1).map((n) => n.slice(1)),
  };
}

/**
 * Events from every provider the viewer may see, for the filters chosen (all when none is),
 * newest first, at most `limit`.
 */
export async function listTimeline(options: {
  db: Queryable;
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
  from: Date;
  to: Date;
  limit: number;
  filters?: readonly string[];
  authors?: { include: readonly string[]; exclude: readonly string[] };
}): Promise<TimelineEvent[]> {
  const { db, from, to, limit } = options;
  const authors = options.authors ?? { include: [], exclude: [] };
  const providers = listTimelineProviders(options);
  const chosen = options.filters?.length
    ? options.filters
    : listTimelineFilters(providers).map((filter) => filter.id);
  const batches = await Promise.all(
    providers.map((provider) => {
      const filters = provider.filters
        .map((filter) => filter.id)
        .filter((id) => chosen.includes(id));
      if (filters.length === 0) return Promise.resolve([]);
      return provider.listEvents({ db, from, to, limit, filters, authors });
    }),
  );
  return batches
    .flat()
    .sort((a, b) => b.time.getTime() - a.time.getTime())
    .slice(0, limit);
}
