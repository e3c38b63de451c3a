import { getDb } from '@/core/db';
import { formatDateTime } from '@/core/format';
import { getWikiPage } from './get-wiki-page';

/** A wiki page's latest text, shown as written until the wiki formatter renders it. */
export async function WikiPageView({ name }: { name: string }) {
  const page = await getWikiPage({ db: getDb(), name });
  if (!page) {
    return (
      <>
        <h1>{name}</h1>
        <p className="notice">
          The page <strong>{name}</strong> does not exist yet.
        </p>
      </>
    );
  }
  return (
    <article aria-labelledby="wiki-title">
      <h1 id="wiki-title">{page.name}</h1>
      <pre>{page.text}</pre>
      <p className="muted">
        Version {page.version}, last modified {formatDateTime(page.time)}
        {page.author && <> by {page.author}</>}
        {page.comment && <> — {page.comment}</>}.
      </p>
    </article>
  );
}
