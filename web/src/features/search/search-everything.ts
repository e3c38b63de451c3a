import type { Permission } from '@/core/auth/roles';
import type { Queryable } from '@/core/db/database';
import type { Feature, SearchHit, SearchSource } from '@/core/feature';

/** Trac refuses shorter queries: they match too much to be useful. */
export const MIN_QUERY_LENGTH = 3;
export const MAX_QUERY_LENGTH = 200;
export const PAGE_SIZE = 10;
/** How deep paging goes: each source is asked for at most this many hits. */
export const MAX_HITS = 500;

export interface SourceChoice {
  id: string;
  label: string;
  selected: boolean;
}

export interface SearchPage {
  hits: (SearchHit & { source: string })[];
  page: number;
  /** Whether another page follows (a hit beyond this page exists). */
  hasMore: boolean;
}

/** Splits a query into words; quoted phrases stay whole, as in Trac. */
export function splitSearchTerms(query: string): string[] {
  return [...query.matchAll(/"([^"]+)"|(\S+)/g)]
    .map((match) => (match[1] ?? match[2] ?? '').trim())
    .filter((term) => term.length > 0);
}

/** The sources the viewer may search. */
export function listSearchSources(options: {
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
}): SearchSource[] {
  return options.features
    .flatMap((feature) => (feature.searchSource ? [feature.searchSource] : []))
    .filter((source) => options.permissions.has(source.permission));
}

/**
 * One page of hits from the chosen sources (all the viewer may use when `sourceIds` is empty),
 * merged by rank. Each source returns its best hits up to the end of the page, plus one to
 * tell whether more follow.
 */
export async function searchEverything(options: {
  db: Queryable;
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
  query: string;
  sourceIds?: readonly string[];
  page?: number;
  pageSize?: number;
}): Promise<SearchPage> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const query = options.query.trim();
  const terms = splitSearchTerms(query);
  const available = listSearchSources(options);
  const wanted = options.sourceIds?.length
    ? available.filter((source) => options.sourceIds?.includes(source.id))
    : available;
  if (terms.length === 0 || wanted.length === 0) return { hits: [], page, hasMore: false };
  const limit = Math.min(page * pageSize + 1, MAX_HITS);
  const batches = await Promise.all(
    wanted.map(async (source) =>
      (await source.search({ db: options.db, query, terms, limit })).map((hit) => ({
        ...hit,
        source: source.id,
      })),
    ),
  );
  const merged = batches
    .flat()
    .sort((a, b) => b.rank - a.rank || (b.time?.getTime() ?? 0) - (a.time?.getTime() ?? 0));
  const start = (page - 1) * pageSize;
  return {
    hits: merged.slice(start, start + pageSize),
    page,
    hasMore: merged.length > start + pageSize && start + pageSize < MAX_HITS,
  };
}
