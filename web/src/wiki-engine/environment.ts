import { makeHref } from './formatter';
import { element, escapeText } from './html';
import { BUILTIN_MACROS } from './macros';
import type {
  InterTracEntry,
  InterWikiEntry,
  LinkResolver,
  SyntaxRule,
  WikiDataProvider,
  WikiEnvironment,
  WikiMacro,
} from './types';

export const DEFAULT_SAFE_SCHEMES = [
  'cvs',
  'file',
  'ftp',
  'git',
  'http',
  'https',
  'irc',
  'mailto',
  'news',
  'sftp',
  'smb',
  'ssh',
  'svn',
  'svn+ssh',
];

export interface WikiEnvironmentOptions {
  resolvers?: Record<string, LinkResolver>;
  syntax?: SyntaxRule[];
  macros?: WikiMacro[];
  interTrac?: Record<string, InterTracEntry>;
  interWiki?: Record<string, InterWikiEntry>;
  safeSchemes?: string[];
  safeOrigins?: string[];
  localUrl?: string;
  highlight?: boolean;
  data?: WikiDataProvider;
}

/** Parses the `InterMapTxt` page body: lines of `PREFIX URL # title` inside a code block. */
export function parseInterMapTxt(text: string): Record<string, InterWikiEntry> {
  const map: Record<string, InterWikiEntry> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z][\w.+-]*)\s+(\S+)(?:\s+#\s*(.*))?$/.exec(line);
    if (m && /^[a-zA-Z][-a-zA-Z0-9+.]*:/.test(m[2]!)) {
      map[m[1]!] = { url: m[2]!, title: m[3]?.trim() || undefined };
    }
  }
  return map;
}

/** Shorthand `#123` for ticket links and `{1}` for reports, when those resolvers exist. */
function shorthandRules(resolvers: Record<string, LinkResolver>): SyntaxRule[] {
  const rules: SyntaxRule[] = [];
  const viaResolver =
    (ns: string, target: (m: string) => string): SyntaxRule['render'] =>
    (match, env, context) =>
      resolvers[ns]!({
        ns,
        target: target(match),
        labelHtml: escapeText(match),
        match,
        env,
        context,
      });
  if (resolvers.ticket) {
    rules.push({
      pattern: '(?<![&\\p{L}\\p{N}_])#\\d+(?:#comment:\\d+)?(?![\\p{L}\\p{N}_])',
      needs: '#',
      render: viaResolver('ticket', (m) => m.slice(1)),
    });
  }
  if (resolvers.report) {
    rules.push({
      pattern: '\\{\\d+\\}',
      needs: '{',
      render: viaResolver('report', (m) => m.slice(1, -1)),
    });
  }
  return rules;
}

/** The default `search:`, `timeline:` and `query:` links, which need no data. */
const PLAIN_RESOLVERS: Record<string, LinkResolver> = {
  search: ({ target, labelHtml, context }) =>
    element(
      'a',
      { class: 'search', href: `${makeHref(context, 'search')}?q=${encodeURIComponent(target)}` },
      labelHtml,
    ),
  timeline: ({ target, labelHtml, context }) =>
    element(
      'a',
      {
        class: 'timeline',
        href: `${makeHref(context, 'timeline')}${target ? `?from=${encodeURIComponent(target)}` : ''}`,
      },
      labelHtml,
    ),
  query: ({ target, labelHtml, context }) =>
    element(
      'a',
      {
        class: 'query',
        href: `${makeHref(context, 'query')}${target ? `?${target.replace(/^\?/, '')}` : ''}`,
      },
      labelHtml,
    ),
};

export function createWikiEnvironment(options: WikiEnvironmentOptions = {}): WikiEnvironment {
  const resolvers = { ...PLAIN_RESOLVERS, ...(options.resolvers ?? {}) };
  const macros = new Map<string, WikiMacro>();
  for (const m of [...BUILTIN_MACROS, ...(options.macros ?? [])]) macros.set(m.name, m);
  return {
    resolvers: new Map(Object.entries(resolvers)),
    syntax: [...shorthandRules(resolvers), ...(options.syntax ?? [])],
    macros,
    interTrac: {
      trac: { url: 'https://trac.edgewall.org', title: 'The Trac Project' },
      ...(options.interTrac ?? {}),
    },
    interWiki: options.interWiki ?? {},
    sanitize: {
      safeSchemes: new Set(
        (options.safeSchemes ?? DEFAULT_SAFE_SCHEMES).map((s) => s.toLowerCase()),
      ),
      safeOrigins: options.safeOrigins ?? [],
    },
    localUrl: options.localUrl ?? '',
    highlight: options.highlight ?? true,
    data: options.data ?? {},
  };
}
