import type { Permission } from '@/core/auth/roles';
import type { Feature, TimelineFilter } from '@/core/feature';
import {
  listTimelineFilters,
  listTimelineProviders,
  parseAuthors,
  parseTimelineRange,
  type TimelineRange,
} from './list-timeline';

export interface TimelineRequest {
  range: TimelineRange;
  authorsText: string;
  authors: { include: string[]; exclude: string[] };
  /** Every filter the viewer may use, and the ones chosen (all when none is ticked). */
  filters: TimelineFilter[];
  chosen: string[];
  /** The same request as URL parameters, for links and the RSS feed. */
  params: URLSearchParams;
}

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Reads Trac's timeline parameters: `from`, `daysback`, `authors` and one `<filter>=on` each. */
export function readTimelineRequest(options: {
  params: Params;
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
  now: Date;
}): TimelineRequest {
  const { params } = options;
  const range = parseTimelineRange({
    from: first(params.from),
    daysBack: first(params.daysback),
    now: options.now,
  });
  const authorsText = (first(params.authors) ?? '').slice(0, 500);
  const filters = listTimelineFilters(listTimelineProviders(options));
  const ticked = filters.filter((filter) => first(params[filter.id]) === 'on').map((f) => f.id);
  const chosen = ticked.length ? ticked : filters.map((filter) => filter.id);
  const out = new URLSearchParams({ from: range.lastDay, daysback: String(range.daysBack) });
  if (authorsText) out.set('authors', authorsText);
  for (const id of ticked) out.append(id, 'on');
  return { range, authorsText, authors: parseAuthors(authorsText), filters, chosen, params: out };
}
