import type { Permission } from '@/core/auth/roles';
import type { Database } from '@/core/db/database';
import type { Feature, SearchHit } from '@/core/feature';

export interface SearchResults {
  source: { id: string; label: string };
  hits: SearchHit[];
}

/** Splits a query into terms; quoted phrases stay whole, as in Trac. */
export function splitSearchTerms(query: string): string[] {
  return [...query.matchAll(/"([^"]+)"|(\S+)/g)]
    .map((match) => (match[1] ?? match[2] ?? '').trim())
    .filter((term) => term.length > 0);
}

/** Asks every search source the viewer may use; each source's hits stay together. */
export async function searchEverything(options: {
  db: Database;
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
  query: string;
  limit: number;
}): Promise<SearchResults[]> {
  const terms = splitSearchTerms(options.query);
  if (terms.length === 0) return [];
  const sources = options.features
    .flatMap((feature) => (feature.searchSource ? [feature.searchSource] : []))
    .filter((source) => options.permissions.has(source.permission));
  return Promise.all(
    sources.map(async (source) => ({
      source: { id: source.id, label: source.label },
      hits: await source.search({ db: options.db, terms, limit: options.limit }),
    })),
  );
}
