import { highlightCode, isCodeLanguage } from './code';
import { element, escapeText, systemMessage } from './html';
import { renderMarkdown } from './markdown';
import { parseMacroArgs } from './rules';
import { sanitizeAttributes, sanitizeHtml } from './sanitize';
import { ProcessorError, type RenderContext, type WikiEnvironment, type WikiMacro } from './types';

/**
 * What a processor needs of the formatter running it. The formatter hands itself over; naming
 * only these parts keeps this module from importing the formatter back.
 */
export interface ProcessorHost {
  readonly env: WikiEnvironment;
  readonly context: RenderContext;
  readonly sourceText: string;
  formatPageFragment(text: string, escapeNewlines?: boolean): string;
  formatOneliner(text: string, shorten?: boolean): string;
  uniqueAnchor(anchor: string): string;
  openTable(): void;
  openTableRow(params?: string): void;
}

type Args = Record<string, string | boolean> | null;

/** A processor or macro bound to one call site. */
export interface WikiProcessor {
  name: string;
  /** Set when no processor or macro has this name. */
  error: string | null;
  process: (text: string) => string;
  isInline: (content: string | null) => boolean;
}

const INLINE_HTML_TAGS = new Set([
  'a',
  'span',
  'bdo',
  'img',
  'big',
  'small',
  'font',
  'tt',
  'i',
  'b',
  'u',
  's',
  'strike',
  'em',
  'strong',
  'dfn',
  'code',
  'q',
  'samp',
  'kbd',
  'var',
  'cite',
  'abbr',
  'acronym',
  'sub',
  'sup',
]);

function htmlIsInline(text: string | null): boolean {
  if (!text) return false;
  let tag = text.slice(1).trimStart();
  const space = tag.indexOf(' ');
  if (space > -1) tag = tag.slice(0, space);
  return INLINE_HTML_TAGS.has(tag.toLowerCase());
}

const HAS_MULTIPLE_TABLES_RE = /<\/table>[\s\S]*?<table/;
const INNER_TABLE_RE =
  /^\s*<table[^>]*>\s*((?:<tr[^>]*>)?([\s\S]*?)(?:<\/tr>)?)\s*<\/table>\s*(?:$|\n)/;

type Builtin = (f: ProcessorHost, p: BoundProcessor, text: string) => string;

interface BoundProcessor {
  name: string;
  args: Args;
}

function eltProcessor(
  f: ProcessorHost,
  tag: string,
  args: Record<string, string | boolean>,
  contentHtml: string,
): string {
  return element(tag, sanitizeAttributes(args, f.env.sanitize), contentHtml);
}

function parseInnerTable(name: string, html: string): string {
  if (HAS_MULTIPLE_TABLES_RE.test(html)) {
    throw new ProcessorError(`!#${escapeText(name)} must contain at most one table`);
  }
  const m = INNER_TABLE_RE.exec(html);
  if (!m) {
    throw new ProcessorError(
      `!#${escapeText(name)} must contain at least one table cell (and table cells only)`,
    );
  }
  return (name === 'table' ? m[1] : m[2]) ?? '';
}

function tableCell(tag: string): Builtin {
  return (f, p, text) => {
    f.openTableRow();
    return eltProcessor(f, tag, p.args ?? {}, text ? f.formatPageFragment(text) : '');
  };
}

function codeTable(f: ProcessorHost, text: string, args: Record<string, string | boolean>): string {
  const linenoRaw = Number.parseInt(String(args.lineno), 10);
  const first = Number.isNaN(linenoRaw) || linenoRaw < 1 ? 1 : linenoRaw;
  const id = `${args.id && args.id !== true ? String(args.id) : f.uniqueAnchor('a')}-`;
  const marks = new Set<number>();
  if (typeof args.marks === 'string') {
    for (const part of args.marks.split(',')) {
      const m = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(part);
      if (!m) continue;
      const lo = Number(m[1]);
      const hi = m[2] ? Number(m[2]) : lo;
      for (let n = lo; n <= hi; n++) marks.add(n);
    }
  }
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  let rows = '';
  lines.forEach((line, i) => {
    const n = first + i;
    const anchor = `${id}L${n}`;
    const cls = marks.has(n) ? ' class="hilite"' : '';
    rows += `<tr${cls}><th id="${anchor}"><a href="#${anchor}">${n}</a></th><td>${escapeText(line)}\n</td></tr>`;
  });
  return (
    '<div class="wiki-code"><table class="code"><thead><tr><th class="lineno" title="Line numbers">Line</th>' +
    `<th class="content">\u00a0</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

const BUILTINS: Record<string, Builtin> = {
  html: (f, _p, text) => sanitizeHtml(text, f.env.sanitize),
  htmlcomment: (_f, _p, text) => {
    if (text.includes('--')) {
      return systemMessage(
        'Error: Forbidden character sequence "--" in htmlcomment wiki code block',
      );
    }
    return `<!--\n${text}-->\n`;
  },
  default: (f, p, text) => {
    if (p.args && 'lineno' in p.args) return codeTable(f, text, p.args);
    return `<pre class="wiki">${escapeText(text)}</pre>`;
  },
  comment: () => '',
  div: (f, p, text) => {
    const args = { class: 'wikipage', ...(p.args ?? {}) };
    return eltProcessor(f, 'div', args, text ? f.formatPageFragment(text) : '');
  },
  rtl: (f, p, text) => {
    const args = { ...(p.args ?? {}) };
    args.class = `rtl ${typeof args.class === 'string' ? args.class : ''}`.trimEnd();
    return eltProcessor(f, 'div', args, text ? f.formatPageFragment(text) : '');
  },
  span: (f, p, text) => {
    let args = p.args;
    let content = text;
    if (args === null) {
      const parsed = parseMacroArgs(text);
      args = parsed.kwargs;
      content = parsed.args.join(', ');
    }
    return eltProcessor(f, 'span', args, content ? f.formatOneliner(content) : '');
  },
  td: tableCell('td'),
  th: tableCell('th'),
  tr: (f, p, text) => {
    try {
      const inner = text ? parseInnerTable('tr', f.formatPageFragment(text)) : '';
      const html = eltProcessor(f, 'tr', p.args ?? {}, inner);
      f.openTable();
      return html;
    } catch (e) {
      if (e instanceof ProcessorError) return systemMessage(e.html);
      throw e;
    }
  },
  table: (f, p, text) => {
    const args = { class: 'wiki', ...(p.args ?? {}) };
    try {
      const inner = text ? parseInnerTable('table', f.formatPageFragment(text)) : '';
      return eltProcessor(f, 'table', args, inner);
    } catch (e) {
      if (e instanceof ProcessorError) return systemMessage(e.html);
      throw e;
    }
  },
  markdown: (f, _p, text) => sanitizeHtml(renderMarkdown(text), f.env.sanitize),
};
BUILTINS.Span = BUILTINS.span!;

const INLINE_BUILTINS: Record<string, (content: string | null) => boolean> = {
  html: htmlIsInline,
  htmlcomment: () => true,
  comment: () => true,
  span: () => true,
  Span: () => true,
};

// Processors are classes rather than objects of closures: one is resolved for every macro
// call and code block, and methods on a prototype cost nothing to create.

class BuiltinProcessor implements WikiProcessor {
  readonly error = null;
  constructor(
    private readonly f: ProcessorHost,
    readonly name: string,
    readonly args: Args,
    private readonly builtin: Builtin,
  ) {}
  process(text: string): string {
    return this.builtin(this.f, this, text);
  }
  isInline(content: string | null): boolean {
    const inline = INLINE_BUILTINS[this.name];
    return inline ? inline(content) : false;
  }
}

class MacroProcessor implements WikiProcessor {
  readonly error = null;
  constructor(
    private readonly f: ProcessorHost,
    readonly name: string,
    private readonly args: Args,
    private readonly macro: WikiMacro,
  ) {}
  process(text: string): string {
    const f = this.f;
    return (
      this.macro.expand({
        name: this.name,
        content: text,
        args: this.args,
        env: f.env,
        context: f.context,
        formatPage: (t) => f.formatPageFragment(t),
        formatOneliner: (t) => f.formatOneliner(t),
        uniqueAnchor: (base) => f.uniqueAnchor(base),
        source: f.sourceText,
      }) ?? ''
    );
  }
  isInline(content: string | null): boolean {
    const macro = this.macro;
    return typeof macro.isInline === 'function' ? macro.isInline(content) : Boolean(macro.isInline);
  }
}

class CodeProcessor implements WikiProcessor {
  readonly error = null;
  constructor(
    private readonly f: ProcessorHost,
    readonly name: string,
    private readonly args: Args,
  ) {}
  process(text: string): string {
    const f = this.f;
    if (this.args && 'lineno' in this.args) return codeTable(f, text, this.args);
    const html = f.env.highlight ? highlightCode(this.name, text) : escapeText(text);
    return `<div class="wiki-code"><div class="code"><pre>${html}</pre></div></div>`;
  }
  isInline(): boolean {
    return false;
  }
}

class MissingProcessor implements WikiProcessor {
  readonly error: string;
  constructor(readonly name: string) {
    this.error = `No macro or processor named '${name}' found`;
  }
  process(): string {
    return systemMessage(
      `Error: Failed to load processor <code>${escapeText(this.name)}</code>`,
      escapeText(this.error),
    );
  }
  isInline(): boolean {
    return false;
  }
}

/** Finds the processor or macro called `name`: built-ins, then macros, then code languages. */
export function resolveProcessor(f: ProcessorHost, name: string, args: Args): WikiProcessor {
  const builtin = BUILTINS[name];
  if (builtin) return new BuiltinProcessor(f, name, args, builtin);
  const macro = f.env.macros.get(name);
  if (macro) return new MacroProcessor(f, name, args, macro);
  if (isCodeLanguage(name)) return new CodeProcessor(f, name, args);
  return new MissingProcessor(name);
}
