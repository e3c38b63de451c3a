import Link from 'next/link';

/** The pages to offer around the current one, with gaps (null) where pages are skipped. */
function pageList(current: number, last: number): Array<number | null> {
  const pages = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && p - prev > 1) out.push(null);
    out.push(p);
  }
  return out;
}

/** "Results (101 - 200 of 250)" with Trac's previous/next and page links. */
export function Pager(props: {
  total: number;
  page: number;
  limit: number | null;
  hrefFor: (page: number) => string;
}) {
  const { total, page, limit, hrefFor } = props;
  if (total === 0) return null;
  const first = limit === null ? 1 : (page - 1) * limit + 1;
  const lastRow = limit === null ? total : Math.min(total, page * limit);
  const lastPage = limit === null ? 1 : Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="paging" aria-label="Result pages">
      <span className="numresults">
        Results ({first} - {lastRow} of {total})
      </span>
      {lastPage > 1 && (
        <ul>
          {page > 1 && (
            <li>
              <Link href={hrefFor(page - 1)} rel="prev">
                ← Previous Page
              </Link>
            </li>
          )}
          {pageList(page, lastPage).map((p, i) =>
            p === null ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity
              <li key={`gap-${i}`} className="gap">
                …
              </li>
            ) : (
              <li key={p} className={p === page ? 'current' : undefined}>
                {p === page ? (
                  <span aria-current="page">{p}</span>
                ) : (
                  <Link href={hrefFor(p)}>{p}</Link>
                )}
              </li>
            ),
          )}
          {page < lastPage && (
            <li>
              <Link href={hrefFor(page + 1)} rel="next">
                Next Page →
              </Link>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
