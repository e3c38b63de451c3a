import Link from 'next/link';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { formatDateTime } from '@/core/format';
import { features } from '@/core/registry';
import { searchEverything } from '@/features/search/search-everything';

export const metadata = { title: 'Search' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function SearchPage({ searchParams }: Props) {
  const viewer = await requirePermission('SEARCH_VIEW', '/search');
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? '';
  const results = query
    ? await searchEverything({
        db: getDb(),
        features,
        permissions: viewer.permissions,
        query,
        limit: 50,
      })
    : [];
  const total = results.reduce((sum, result) => sum + result.hits.length, 0);

  return (
    <>
      <h1>Search</h1>
      <search>
        <form className="inline-form" method="get">
          <label htmlFor="q">Search for</label>
          <input id="q" name="q" type="search" defaultValue={query} />
          <button className="primary" type="submit">
            Search
          </button>
        </form>
      </search>
      {query && total === 0 && <p className="notice">No matches for “{query}”.</p>}
      {results
        .filter((result) => result.hits.length > 0)
        .map((result) => (
          <section key={result.source.id} aria-labelledby={`hits-${result.source.id}`}>
            <h2 id={`hits-${result.source.id}`}>
              {result.source.label} ({result.hits.length})
            </h2>
            <ol className="search-hits">
              {result.hits.map((hit) => (
                <li key={hit.href}>
                  <Link href={hit.href}>{hit.title}</Link>
                  {hit.excerpt && <p className="excerpt">{hit.excerpt}</p>}
                  <span className="muted">
                    {hit.author && <>By {hit.author} · </>}
                    {formatDateTime(hit.time)}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
    </>
  );
}
