import Link from 'next/link';
import { listBreadcrumbs, wikiPageHref } from '../wiki-names';

/** Trac's context bar: the page's path as breadcrumbs, and links to the wiki's other views. */
export function WikiPageNav({ name, exists }: { name: string; exists: boolean }) {
  return (
    <nav className="ctxtnav" aria-label="Wiki page">
      <ol className="breadcrumbs" aria-label="Breadcrumbs">
        <li>
          <Link href="/wiki">wiki:</Link>
        </li>
        {listBreadcrumbs(name).map((crumb, index, all) => (
          <li key={crumb.name}>
            {index === all.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <Link href={wikiPageHref(crumb.name)}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
      <ul className="views">
        <li>
          <Link href="/wiki">Start Page</Link>
        </li>
        <li>
          <Link href={wikiPageHref('TitleIndex')}>Index</Link>
        </li>
        {exists && (
          <>
            <li>
              <Link href={wikiPageHref(name, { action: 'history' })}>History</Link>
            </li>
            <li>
              <Link href={wikiPageHref(name, { action: 'diff' })}>Last Change</Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
