import type { Queryable } from '@/core/db/database';
import type { Feature, Viewer } from '@/core/feature';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';

/**
 * Where a search box entry that is one TracLink (`#123`, `ticket:123`, `wiki:Page`,
 * `milestone:v1`, `{1}`, a WikiPageName) should go, or null to search for it instead. The
 * link is resolved by rendering it as wiki text, so every feature's link syntax counts and
 * the viewer's permissions apply. Links to things that do not exist, links off the site, and
 * entries starting with `!` (Trac's "search, don't jump") are searched for.
 */
export async function resolveQuickJump(options: {
  db: Queryable;
  viewer: Viewer;
  query: string;
  features: readonly Feature[];
}): Promise<string | null> {
  const text = options.query.trim();
  if (!text || text.startsWith('!') || text.length > 200) return null;
  // One link, possibly bracketed with a label; several words are a search.
  if (/\s/.test(text) && !/^\[[^\]]+\]$/.test(text)) return null;
  const html = await renderWikiText({
    db: options.db,
    viewer: options.viewer,
    text,
    context: { realm: 'search', id: '' },
    flavour: 'oneliner',
    features: options.features,
  });
  const link = /^<a ([^>]*)>(?:(?!<a[\s>]).)*<\/a>$/s.exec(html.trim());
  if (!link) return null;
  const attributes = link[1] ?? '';
  const href = /\bhref="([^"]*)"/.exec(attributes)?.[1];
  const className = /\bclass="([^"]*)"/.exec(attributes)?.[1] ?? '';
  if (!href || className.split(/\s+/).includes('missing')) return null;
  const decoded = href
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  // Only paths on this site: never `//host` or a scheme.
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return null;
  return decoded;
}
