import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { formatDateTime } from '@/core/format';
import { resolveQuickJump } from '@/features/search/resolve-quick-jump';
import {
  listSearchSources,
  MAX_QUERY_LENGTH,
  MIN_QUERY_LENGTH,
  PAGE_SIZE,
  searchEverything,
} from '@/features/search/search-everything';
import { HighlightedExcerpt } from '@/features/search/ui/highlighted-excerpt';
import '@/features/search/ui/search.css';

export type SearchScreenProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function SearchScreen({
  searchParams,
  features,
}: SearchScreenProps & {
  /** The features whose links, macros and sources the page shows. */
  features: readonly Feature[];
}) {
  const params = await searchParams;
  const returnTo = `/search?${new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      [value ?? []].flat().map((item) => [key, item] as [string, string]),
    ),
  ).toString()}`;
  const viewer = await requirePermission('SEARCH_VIEW', returnTo);
  const db = getDb();
  const query = (first(params.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const sources = listSearchSources({ features, permissions: viewer.permissions });
  // Trac's filters: one `<source>=on` per box; none ticked means every source.
  const chosen = sources.filter((source) => first(params[source.id]) === 'on').map((s) => s.id);
  const selected = chosen.length ? chosen : sources.map((source) => source.id);
  const page = Math.min(Math.max(Number.parseInt(first(params.page) ?? '1', 10) || 1, 1), 50);

  if (query && first(params.noquickjump) !== '1') {
    const target = await resolveQuickJump({ db, viewer, query, features });
    if (target) redirect(target);
  }
  const bare = query.replace(/^!/, '');
  const tooShort = query !== '' && bare.replace(/["\s]/g, '').length < MIN_QUERY_LENGTH;
  const results =
    query && !tooShort
      ? await searchEverything({
          db,
          features,
          permissions: viewer.permissions,
          query: bare,
          sourceIds: selected,
          page,
        })
      : null;
  const pageHref = (target: number) => {
    const next = new URLSearchParams({ q: query });
    for (const id of chosen) next.append(id, 'on');
    next.set('page', String(target));
    return `/search?${next.toString()}`;
  };
  const labels = new Map(sources.map((source) => [source.id, source.label]));

  return (
    <>
      <h1>Search</h1>
      <search>
        <form className="sr-form" method="get" aria-label="Search">
          <div className="sr-query">
            <label htmlFor="q">Search for</label>
            <input id="q" name="q" type="search" defaultValue={query} />
            <button className="primary" type="submit">
              Search
            </button>
          </div>
          <fieldset className="sr-filters" aria-label="Search in">
            {sources.map((source) => (
              <label key={source.id}>
                <input
                  type="checkbox"
                  name={source.id}
                  value="on"
                  defaultChecked={selected.includes(source.id)}
                />
                {source.label}
              </label>
            ))}
          </fieldset>
        </form>
      </search>
      {!query && (
        <p className="muted">
          Type words to find in tickets, wiki pages and milestones. A TracLink such as{' '}
          <code>#42</code> or <code>wiki:WikiStart</code> goes straight there; start with{' '}
          <code>!</code> to search for it instead.
        </p>
      )}
      {tooShort && (
        <p className="notice error" role="alert">
          Search query too short. Query must be at least {MIN_QUERY_LENGTH} characters long.
        </p>
      )}
      {results && results.hits.length === 0 && (
        <p className="notice">No matches found for “{bare}”.</p>
      )}
      {results && results.hits.length > 0 && (
        <section aria-label="Results">
          <h2 className="sr-summary">
            Results ({(results.page - 1) * PAGE_SIZE + 1} –{' '}
            {(results.page - 1) * PAGE_SIZE + results.hits.length})
          </h2>
          <dl className="sr-results">
            {results.hits.map((hit) => (
              <div key={`${hit.source}-${hit.href}`} data-testid="search-hit">
                <dt>
                  <span className="sr-source">{labels.get(hit.source) ?? hit.source}</span>
                  <Link href={hit.href}>{hit.title}</Link>
                </dt>
                {hit.excerpt && (
                  <dd className="sr-excerpt">
                    <HighlightedExcerpt excerpt={hit.excerpt} />
                  </dd>
                )}
                <dd className="sr-meta">
                  {hit.author && <>By {hit.author} · </>}
                  {formatDateTime(hit.time)}
                </dd>
              </div>
            ))}
          </dl>
          <nav className="sr-paging" aria-label="Result pages">
            {results.page > 1 && <Link href={pageHref(results.page - 1)}>← Previous page</Link>}
            {results.hasMore && <Link href={pageHref(results.page + 1)}>Next page →</Link>}
          </nav>
        </section>
      )}
    </>
  );
}
