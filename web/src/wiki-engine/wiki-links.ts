import { makeHref } from './formatter';
import { element, escapeText, splitUrl } from './html';
import type { LinkResolver, RenderContext, SyntaxRule, WikiEnvironment } from './types';

export interface WikiLinkOptions {
  /** Whether a wiki page exists (loaded before rendering: the renderer is synchronous). */
  pageExists: (name: string) => boolean;
  startPage?: string;
}

function resolveScopedName(name: string, referrer: string, exists: (n: string) => boolean): string {
  const parts = referrer.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const candidate = `${parts.slice(0, i).join('/')}/${name}`;
    if (exists(candidate)) return candidate;
  }
  return name;
}

function resolveRelativeName(name: string, referrer: string): string {
  const base = referrer ? referrer.split('/') : [];
  const parts = name.split('/');
  for (let i = 0; i < parts.length; i++) {
    const comp = parts[i]!;
    if (comp === '..') {
      base.pop();
    } else if (comp !== '.') {
      base.push(...parts.slice(i));
      break;
    }
  }
  return base.join('/');
}

/** Builds the link HTML for a wiki page name (with optional @version, ?query, #fragment). */
export function formatWikiLink(
  options: WikiLinkOptions,
  context: RenderContext,
  rawTarget: string,
  labelHtml: string,
): string {
  const [pathPart, rawQuery, fragment] = splitUrl(rawTarget);
  let page = pathPart;
  let version: string | null = null;
  let query = rawQuery;
  const at = page.indexOf('@');
  if (at >= 0) {
    version = page.slice(at + 1);
    page = page.slice(0, at);
  }
  if (version && query) query = `&${query.slice(1)}`;
  page = page.replace(/\/+$/, '') || (options.startPage ?? 'WikiStart');
  const referrer = context.realm === 'wiki' ? context.id : '';
  if (page.startsWith('/')) {
    page = page.replace(/^\/+/, '');
  } else if (page.startsWith('./') || page.startsWith('../') || page === '.' || page === '..') {
    page = resolveRelativeName(page, referrer);
  } else {
    page = resolveScopedName(page, referrer, options.pageExists);
  }
  const versionQuery = version ? `?version=${encodeURIComponent(version)}` : '';
  const href = makeHref(context, 'wiki', page) + versionQuery + query + fragment;
  if (options.pageExists(page)) return element('a', { class: 'wiki', href }, labelHtml);
  return element('a', { class: 'missing wiki', href, rel: 'nofollow' }, labelHtml);
}

/** The `wiki:` namespace resolver. */
export function createWikiLinkResolver(options: WikiLinkOptions): LinkResolver {
  return ({ target, labelHtml, context }) => formatWikiLink(options, context, target, labelHtml);
}

const WIKI_PAGE_NAME =
  '(?:\\p{Lu}\\p{Ll}+/?){2,}(?:@[0-9]+)?(?:#[\\p{L}\\p{N}_:](?<!\\p{N})[\\p{L}\\p{N}_:.-]*?)?(?=:(?:$|\\s)|[^:\\p{L}\\p{N}_]|\\s|$)';

/** CamelCase WikiPageNames, bare or as `[WikiPageName label]`. */
export function createWikiPageNameSyntax(options: WikiLinkOptions): SyntaxRule[] {
  const labelled = new RegExp(`^\\[(${WIKI_PAGE_NAME})\\s+('[^']+'|"[^"]+"|[^\\]]+)\\]$`, 'u');
  return [
    {
      pattern: `(?<![\\p{L}\\p{N}_/])(?:\\.?\\.?/)*${WIKI_PAGE_NAME}`,
      // Two capitalised words in a row: most lines have none, and skip the full pattern.
      needs: /\p{Lu}\p{Ll}+\/?\p{Lu}/u,
      render: (match, _env: WikiEnvironment, context) =>
        formatWikiLink(options, context, match, escapeText(match)),
    },
    {
      pattern: `\\[${WIKI_PAGE_NAME}\\s+(?:'[^']+'|"[^"]+"|[^\\]]+)\\]`,
      needs: '[',
      render: (match, _env, context) => {
        const m = labelled.exec(match)!;
        let label = m[2]!.trim();
        if (/^(['"]).*\1$/.test(label)) label = label.slice(1, -1);
        return formatWikiLink(options, context, m[1]!, escapeText(label));
      },
    },
  ];
}
