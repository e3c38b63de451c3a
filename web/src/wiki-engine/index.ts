import { Formatter, OneLinerFormatter, OutlineFormatter } from './formatter';
import type { RenderContext, WikiEnvironment } from './types';

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

export type { WikiEnvironmentOptions } from './environment';
export { createWikiEnvironment, DEFAULT_SAFE_SCHEMES, parseInterMapTxt } from './environment';
export { makeHref } from './formatter';
export { element, escapeAttr, escapeText } from './html';
export { BUILTIN_MACROS } from './macros';
export { sanitizeHtml } from './sanitize';
export * from './types';
export { createWikiLinkResolver, createWikiPageNameSyntax, formatWikiLink } from './wiki-links';
