import { Formatter, OneLinerFormatter, OutlineFormatter } from './formatter.js';
import type { RenderContext, WikiEnvironment } from './types.js';

export type WikiFlavour = 'page' | 'oneliner' | 'page-escape-newlines' | 'outline';

export interface RenderWikiInput {
  text: string;
  env: WikiEnvironment;
  context: RenderContext;
  flavour?: WikiFlavour;
  /** One-liner only: cut long text at a word boundary. */
  shorten?: boolean;
}

/** Renders wiki text to HTML in one of Trac's four flavours. */
export function renderWiki({
  text,
  env,
  context,
  flavour = 'page',
  shorten,
}: RenderWikiInput): string {
  switch (flavour) {
    case 'oneliner':
      return new OneLinerFormatter(env, context).format(text, shorten ?? false);
    case 'outline':
      return new OutlineFormatter(env, context).formatOutline(text);
    case 'page-escape-newlines':
      return new Formatter(env, context).format(text, true);
    default:
      return new Formatter(env, context).format(text, false);
  }
}

export type { WikiEnvironmentOptions } from './environment.js';
export { createWikiEnvironment, DEFAULT_SAFE_SCHEMES, parseInterMapTxt } from './environment.js';
export { makeHref } from './formatter.js';
export { element, escapeAttr, escapeText } from './html.js';
export { BUILTIN_MACROS } from './macros.js';
export { sanitizeHtml } from './sanitize.js';
export * from './types.js';
export { createWikiLinkResolver, createWikiPageNameSyntax, formatWikiLink } from './wiki-links.js';
