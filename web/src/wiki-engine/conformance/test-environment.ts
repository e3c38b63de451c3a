import { escapeText } from '../html';
import { createWikiEnvironment, element, makeHref } from '../index';
import {
  MacroError,
  ProcessorError,
  type RenderContext,
  type WikiEnvironment,
  type WikiMacro,
} from '../types';
import { createWikiLinkResolver, createWikiPageNameSyntax } from '../wiki-links';

/** The page the conformance data is rendered on. */
export const CONFORMANCE_CONTEXT: RenderContext = { realm: 'wiki', id: 'WikiStart', base: '' };

const hello = (content: string) => `Hello World, args = ${content}`;

/** Macros the conformance data calls; test code only. */
export const CONFORMANCE_MACROS: WikiMacro[] = [
  {
    name: 'HelloWorld',
    description: 'A dummy macro used by the unit test.',
    expand: (c) => hello(c.content),
  },
  {
    name: 'DivHelloWorld',
    description: 'A dummy macro returning a div block.',
    expand: (c) => `<div>${hello(c.content)}</div>`,
  },
  {
    name: 'TableHelloWorld',
    description: 'A dummy macro returning a table block.',
    expand: (c) =>
      `\n        <table><tr><th>Hello World</th><td>${c.content}</td></tr></table>\n        `,
  },
  {
    name: 'DivCode',
    description: 'A dummy macro returning a code div.',
    expand: (c) => `<div class="code">${hello(c.content)}</div>`,
  },
  {
    name: 'DivCodeElement',
    description: 'A dummy macro returning a code div.',
    expand: (c) => `<div class="code">${hello(escapeText(c.content))}</div>`,
  },
  {
    name: 'DivCodeStream',
    description: 'A dummy macro returning a plain div.',
    expand: (c) => `<div>${hello(escapeText(c.content))}</div>`,
  },
  { name: 'None', description: 'A dummy macro returning nothing.', expand: () => null },
  {
    name: 'WikiProcessorSample',
    description: 'A dummy macro showing how it was called.',
    expand: (c) => {
      if (c.args === null) return `Called as a macro: ${c.content}`;
      const items = Object.keys(c.args)
        .sort()
        .map((k) => `<dt>${k}</dt><dd>${String(c.args![k])}</dd>`)
        .join('');
      return `Called as a processor with params: <dl>${items}</dl>${c.content}`;
    },
  },
  {
    name: 'ValueErrorWithUtf8',
    description: 'Fails.',
    expand: (c) => {
      throw new Error(c.content);
    },
  },
  {
    name: 'TracErrorWithUnicode',
    description: 'Fails.',
    expand: (c) => {
      throw new Error(c.content);
    },
  },
  {
    name: 'MacroErrorWithFragment',
    description: 'Fails with a fragment.',
    expand: (c) => {
      throw new MacroError(`The content: <code>${escapeText(c.content)}</code>`);
    },
  },
  {
    name: 'ProcessorErrorWithFragment',
    description: 'Fails with a fragment.',
    expand: (c) => {
      throw new ProcessorError(`The content: <code>${escapeText(c.content)}</code>`);
    },
  },
];

/** The environment Trac's own formatter tests assume (see the conformance README). */
export function createConformanceEnvironment(): WikiEnvironment {
  const wiki = { pageExists: (name: string) => name === 'WikiStart' };
  return createWikiEnvironment({
    resolvers: {
      wiki: createWikiLinkResolver(wiki),
      link: ({ target, labelHtml, context }) => {
        const n = /^-?\d+$/.test(target.trim()) ? Number.parseInt(target, 10) : Number.NaN;
        const kind = Number.isNaN(n) ? 'text' : n % 2 ? 'odd' : 'even';
        const module = Number.isNaN(n) ? 'stuff' : 'thing';
        return element(
          'a',
          { class: `${kind} resolver`, href: makeHref(context, module, target) },
          labelHtml,
        );
      },
      ticket: ({ target, labelHtml, context }) =>
        element(
          'a',
          { class: 'missing ticket', href: makeHref(context, 'ticket', target), rel: 'nofollow' },
          labelHtml,
        ),
    },
    syntax: createWikiPageNameSyntax(wiki),
    macros: CONFORMANCE_MACROS,
    interTrac: {
      trac: { url: 'https://trac.edgewall.org', title: 'The Trac Project' },
      t: { alias: 'trac' },
      genshi: { url: 'https://genshi.edgewall.org', title: "Genshi's Trac" },
      th: { url: 'http://trac-hacks.org', title: 'Trac Hacks' },
    },
    safeSchemes: [
      'data',
      'file',
      'ftp',
      'http',
      'https',
      'svn',
      'svn+ssh',
      'rfc-2396.compatible',
      'rfc-2396+under_score',
    ],
    highlight: false,
  });
}
