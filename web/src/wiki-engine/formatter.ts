import {
  element,
  escapeAttr,
  escapeText,
  plainText,
  quotePath,
  quoteStrict,
  splitUrl,
  systemMessage,
  unquoteLabel,
} from './html';
import {
  type CompiledRule,
  type CompiledRules,
  compileRules,
  type Match,
  type MatchHandler,
  replaceInline,
} from './inline-scanner';
import { resolveProcessor, type WikiProcessor } from './processors';
import {
  ANCHOR_STRIP_RE,
  CREOLE_LINK_RE,
  MACRO_RE,
  PROCESSOR_RE,
  parseProcessorArgs,
  SET_ANCHOR_WC_RE,
  STARTBLOCK_RE,
} from './rules';
import { MacroError, ProcessorError, type RenderContext, type WikiEnvironment } from './types';

const INDIRECT_TAGS: Record<string, [string, string]> = {
  MM_BOLD: ['<strong>', '</strong>'],
  WC_BOLD: ['<strong>', '</strong>'],
  MM_ITALIC: ['<em>', '</em>'],
  WC_ITALIC: ['<em>', '</em>'],
  MM_UNDERLINE: ['<span class="underline">', '</span>'],
  MM_STRIKE: ['<del>', '</del>'],
  MM_SUBSCRIPT: ['<sub>', '</sub>'],
  MM_SUPERSCRIPT: ['<sup>', '</sup>'],
};

const SIMPLE_STYLES: Record<string, string> = {
  bold: 'MM_BOLD',
  bold_wc: 'WC_BOLD',
  italic: 'MM_ITALIC',
  italic_wc: 'WC_ITALIC',
  underline: 'MM_UNDERLINE',
  strike: 'MM_STRIKE',
  subscript: 'MM_SUBSCRIPT',
  superscript: 'MM_SUPERSCRIPT',
};

const HEADING_START_RE = /^\s*=/;
const QUOTE_LINE_RE = /^\s*>/;
/** Where one-liners are cut when asked to shorten. */
const SHORTEN_LIMIT = 75;
const CODE_BLOCK_RE = /^<div(?:\s+class="([^"]+)")?>(.*)<\/div>\n?$/;
const BLOCK_ELEM_RE = /^\s*<(?:div|table)(?:\s+[^>]+)?>/im;

/** The last item, if any. (Reading index -1 of an empty array is a slow lookup in V8.) */
function last<T>(items: readonly T[]): T | undefined {
  return items.length ? items[items.length - 1] : undefined;
}

/** Builds a site-relative URL from path segments. */
export function makeHref(context: RenderContext, ...segments: string[]): string {
  let path = '';
  for (const segment of segments) {
    if (segment !== '') path += path ? `/${quotePath(segment)}` : quotePath(segment);
  }
  return `${context.base}/${path}`;
}

/** The full-page formatter: block structure plus inline markup. Subclasses give other flavours. */
export class Formatter implements MatchHandler {
  protected out: string[] = [];
  protected openTags: string[] = [];
  protected listStack: [string, number][] = [];
  protected quoteStack: number[] = [];
  protected tabstops: number[] = [];
  protected quoteBuffer: string[] = [];
  protected inCodeBlock = 0;
  protected codeBuf: string[] = [];
  protected codePrefix = '';
  protected codeProcessor: WikiProcessor | null = null;
  protected inTable = false;
  protected inDefList = false;
  protected inTableRow = false;
  protected continueTable = false;
  protected continueTableRow = false;
  protected inTableCell = '';
  protected paragraphOpen = false;
  protected inListItem = false;
  protected inQuote = false;
  protected line = '';
  protected source = '';
  /** Anchors taken so far, made on first use: most nested formatters never take one. */
  private anchors: Set<string> | null;
  private anchorSuffixes: Map<string, number> | null = null;
  protected readonly rules: CompiledRules;
  /** Whether block macro output should break out of the current paragraph. */
  protected blockAware = true;

  constructor(
    readonly env: WikiEnvironment,
    readonly context: RenderContext,
    anchors?: Set<string>,
  ) {
    this.rules = compileRules(env.syntax);
    this.anchors = anchors ?? null;
  }

  /** The text this formatter was asked to render. */
  get sourceText(): string {
    return this.source;
  }

  // -- output helpers

  protected write(text: string): void {
    this.out.push(text);
  }

  uniqueAnchor(anchor: string): string {
    this.anchors ??= new Set();
    this.anchorSuffixes ??= new Map();
    let candidate = anchor;
    // Anchors are only ever added, so numbers tried before for this base stay taken: resume
    // there, or a page repeating one heading would retry every earlier number each time.
    let i = this.anchorSuffixes.get(anchor) ?? 1;
    while (this.anchors.has(candidate)) {
      candidate = anchor + String(i);
      i += 1;
    }
    this.anchorSuffixes.set(anchor, i);
    this.anchors.add(candidate);
    return candidate;
  }

  formatPageFragment(text: string, escapeNewlines = false): string {
    return new Formatter(this.env, this.context).format(text, escapeNewlines);
  }

  formatOneliner(text: string, shorten = false): string {
    return new OneLinerFormatter(this.env, this.context).format(text, shorten);
  }

  // -- inline style tags

  protected flushTags(): string {
    let tmp = '';
    while (this.openTags.length) tmp += INDIRECT_TAGS[this.openTags.pop()!]![1];
    return tmp;
  }

  protected openTag(tag: string): string {
    this.openTags.push(tag);
    return INDIRECT_TAGS[tag]![0];
  }

  protected closeTag(tag: string): string {
    let tmp = '';
    for (let i = this.openTags.length - 1; i >= 0; i--) {
      const t = this.openTags[i]!;
      tmp += INDIRECT_TAGS[t]![1];
      if (t === tag) {
        this.openTags.splice(i, 1);
        for (let j = i; j < this.openTags.length; j++) tmp += INDIRECT_TAGS[this.openTags[j]!]![0];
        break;
      }
    }
    return tmp;
  }

  protected styleTag(tag: string): string {
    if (this.listStack.length && !this.inListItem) this.closeList();
    return this.openTags.includes(tag) ? this.closeTag(tag) : this.openTag(tag);
  }

  protected boldItalic(): string {
    if (this.listStack.length && !this.inListItem) this.closeList();
    const bold = this.openTags.includes('MM_BOLD');
    const italic = this.openTags.includes('MM_ITALIC');
    let close: string[] = [];
    let open: string[] = [];
    if (bold && italic) {
      close =
        this.openTags.indexOf('MM_ITALIC') < this.openTags.indexOf('MM_BOLD')
          ? ['MM_BOLD', 'MM_ITALIC']
          : ['MM_ITALIC', 'MM_BOLD'];
    } else if (bold) {
      close = ['MM_BOLD'];
      open = ['MM_ITALIC'];
    } else if (italic) {
      close = ['MM_ITALIC'];
      open = ['MM_BOLD'];
    } else {
      open = ['MM_BOLD', 'MM_ITALIC'];
    }
    return close.map((t) => this.closeTag(t)).join('') + open.map((t) => this.openTag(t)).join('');
  }

  // -- dispatch

  protected replaceAll(text: string): string {
    return replaceInline(text, this.rules, this);
  }

  handleMatch(rule: CompiledRule, m: Match): string | null {
    const match = m[0];
    if (match[0] === '!') return escapeAttr(match.slice(1));
    if (rule.syntaxIndex >= 0) {
      return this.env.syntax[rule.syntaxIndex]!.render(match, this.env, this.context);
    }
    return this.handleRule(rule.name, match, m);
  }

  protected handleRule(name: string, match: string, m: Match): string | null {
    const g = m.groups;
    const style = SIMPLE_STYLES[name];
    if (style) return this.styleTag(style);
    switch (name) {
      case 'bolditalic':
        return this.boldItalic();
      case 'inlinecode':
        return `<code>${escapeText(g.inline!)}</code>`;
      case 'inlinecode2':
        return `<code>${escapeText(g.inline2!)}</code>`;
      case 'linebreak_wc':
        return this.lineBreak();
      case 'email':
        return mailLink(`mailto:${match}`, escapeText(match));
      case 'shrefbr': {
        const inner = match.slice(1, -1);
        const link = this.makeLink(g.snsbr!, unquoteLabel(g.stgtbr!), inner, escapeText(inner));
        return `&lt;${link}&gt;`;
      }
      case 'htmlescape':
        return match === '&' ? '&amp;' : match === '<' ? '&lt;' : '&gt;';
      case 'shref':
        return this.makeLink(g.sns!, unquoteLabel(g.stgt!), match, escapeText(match));
      case 'lhref':
        return this.makeLhrefLink(match, g.rel, g.lns, g.ltgt, g.label);
      case 'anchor':
        return this.anchor(g.anchorname!, g.anchorlabel);
      case 'macrolink':
        return this.macroLink(match);
      case 'heading':
        return this.heading(match, g);
      case 'list':
        return this.list(match, g);
      case 'definition':
        return this.definition(match);
      case 'table_row_sep':
        return this.tableRowSep(g.table_row_params);
      case 'indent':
        return this.indent(g.idepth!);
      case 'table_cell':
        return this.tableCell(m, g.table_cell_sep!, g.table_cell_last);
      default:
        return null;
    }
  }

  protected lineBreak(): string {
    return '<br />';
  }

  // -- links

  protected makeLhrefLink(
    match: string,
    rel: string | undefined,
    ns: string | undefined,
    rawTarget: string | undefined,
    rawLabel: string | undefined,
  ): string {
    const target = rawTarget === undefined ? undefined : unquoteLabel(rawTarget);
    let label: string | undefined;
    if (!rawLabel) {
      if (target)
        label = ns && target.startsWith('//') ? `${ns}:${target}` : target.replace(/^\/+/, '');
      else label = ns;
    } else {
      label = unquoteLabel(rawLabel);
    }
    if (rel) {
      if (!label) label = labelFromTarget(rel);
      const [relPath, query, fragment] = splitUrl(rel);
      let path = relPath;
      if (path.startsWith('//')) {
        path = `/${path.replace(/^\/+/, '')}`;
      } else if (path.startsWith('/')) {
        path = this.context.base + path;
      } else {
        const id = relativeId(this.context.id, path);
        if (id) {
          let t = id + query + (fragment === '#' ? '' : fragment);
          if (this.context.realm === 'wiki') t = `/${t}`;
          return this.makeLink(this.context.realm, t, match, escapeText(label));
        }
      }
      return element('a', { href: path + query + fragment }, escapeText(label));
    }
    return this.makeLink(ns ?? 'wiki', target ?? '', match, escapeText(label ?? ''));
  }

  makeLink(rawNs: string, target: string, match: string, labelHtml: string): string {
    const alias = this.env.interTrac[rawNs]?.alias;
    const ns = alias ?? rawNs;
    const resolver = this.env.resolvers.get(ns);
    if (resolver)
      return resolver({ ns, target, labelHtml, match, env: this.env, context: this.context });
    if (ns === 'mailto') return mailLink(`mailto:${target}`, labelHtml);
    if (target.startsWith('//')) {
      if (this.env.sanitize.safeSchemes.has(ns.toLowerCase())) {
        return this.extLink(`${ns}:${target}`, labelHtml);
      }
      return escapeAttr(match);
    }
    return (
      this.interTracLink(ns, target, labelHtml) ??
      this.interWikiLink(ns, target, labelHtml) ??
      escapeAttr(match)
    );
  }

  protected interTracLink(ns: string, target: string, labelHtml: string): string | null {
    const entry = this.env.interTrac[ns];
    if (!entry?.url) return null;
    const name = entry.title ?? `Trac project ${ns}`;
    const url = `${entry.url}/intertrac/${quoteStrict(target)}`;
    const title = target ? `${target} in ${name}` : name;
    return this.extLink(url, labelHtml, title);
  }

  protected interWikiLink(ns: string, target: string, labelHtml: string): string | null {
    const key = Object.keys(this.env.interWiki).find((k) => k.toLowerCase() === ns.toLowerCase());
    if (!key) return null;
    const entry = this.env.interWiki[key]!;
    const parts = target.split(':');
    let url = entry.url;
    if (/\$\d/.test(url)) {
      url = url.replace(/\$(\d)/g, (_, d: string) => quoteStrict(parts[Number(d) - 1] ?? ''));
    } else {
      url += quoteStrict(target);
    }
    const title = (entry.title ?? `${target} in ${key}`).replace(
      /\$(\d)/g,
      (_, d: string) => parts[Number(d) - 1] ?? '',
    );
    if (!this.env.sanitize.safeSchemes.has((/^([^:]+):/.exec(url)?.[1] ?? '').toLowerCase())) {
      return null;
    }
    return this.extLink(url, labelHtml, title);
  }

  extLink(url: string, labelHtml: string, title?: string): string {
    if (this.env.localUrl && url.startsWith(this.env.localUrl)) {
      return element('a', { href: url, title: title || undefined }, labelHtml);
    }
    return element(
      'a',
      { class: 'ext-link', href: url, title: title || undefined },
      `<span class="icon">\u200b</span>${labelHtml}`,
    );
  }

  protected anchor(name: string, label: string | undefined): string {
    const inner = label ? this.formatOneliner(label) : '';
    return `<span class="wikianchor" id="${escapeAttr(name)}">${inner}</span>`;
  }

  // -- macros

  protected macroLink(match: string): string {
    const inner = match.slice(2, -2);
    if (inner.startsWith('=#')) {
      const a = SET_ANCHOR_WC_RE.exec(inner);
      if (a?.groups) return this.anchor(a.groups.anchorname!, a.groups.anchorlabel);
    }
    const mm = MACRO_RE.exec(inner);
    if (mm?.groups) {
      const name = mm.groups.macroname!;
      const args = mm.groups.macroargs;
      const isHelp = name.endsWith('?');
      if (name.toLowerCase() === 'br' || name === '?') {
        return this.macro(name, args ?? null, isHelp ? this.macroList() : null, '*');
      }
      const processor = resolveProcessor(this, isHelp ? name.slice(0, -1) : name, null);
      if (!processor.error) {
        if (isHelp) return this.macro(name, args ?? null, this.macroList(), name.slice(0, -1));
        return this.macro(name, args ?? null, processor);
      }
    }
    const c = CREOLE_LINK_RE.exec(inner);
    if (!c?.groups) return escapeText(match);
    return this.makeLhrefLink(match, c.groups.rel, c.groups.lns, c.groups.ltgt, c.groups.label);
  }

  private macroList(): WikiProcessor {
    return resolveProcessor(this, 'MacroList', null);
  }

  /** Expands a macro call; `content` overrides the arguments (used by the `Name?` help form). */
  protected macro(
    name: string,
    args: string | null,
    processor: WikiProcessor | null,
    content?: string,
  ): string {
    if (name.toLowerCase() === 'br') return this.brMacro(args);
    if (!processor) return '';
    return this.expandMacro(name, args, processor, content);
  }

  /**
   * For one-line output (summaries, the outline): a line break is a space and an inline macro
   * expands; any other macro gives null for the caller to stand in for.
   */
  protected inlineMacro(
    name: string,
    args: string | null,
    processor: WikiProcessor | null,
    content?: string,
  ): string | null {
    if (name.toLowerCase() === 'br') return ' ';
    if (processor?.isInline(args)) return this.expandMacro(name, args, processor, content);
    return null;
  }

  private expandMacro(
    name: string,
    args: string | null,
    processor: WikiProcessor,
    content?: string,
  ): string {
    const inParagraph = !(this.inListItem || this.inTable || this.inDefList) && this.blockAware;
    const shown = name.endsWith('?') ? name.slice(0, -1) : name;
    try {
      return this.ensureInline(processor.process(content ?? args ?? ''), inParagraph);
    } catch (e) {
      const argText = escapeText(args ?? '');
      if (e instanceof MacroError || e instanceof ProcessorError) {
        return systemMessage(`Macro ${escapeText(shown)}(${argText}) failed`, e.html);
      }
      return systemMessage(
        `Error: Macro ${escapeText(shown)}(${argText}) failed`,
        escapeText(e instanceof Error ? e.message : String(e)),
      );
    }
  }

  protected brMacro(args: string | null): string {
    const clear = /^clear(?:[:=](left|right|both))?$/i.exec((args ?? '').trim());
    if (clear && args) return `<br style="clear: ${(clear[1] ?? 'both').toLowerCase()}" />`;
    return '<br />';
  }

  protected ensureInline(html: string, inParagraph: boolean): string {
    // Plain text cannot hold a block: skip the patterns for the common inline macro.
    if (!html.includes('<')) return html;
    const m = CODE_BLOCK_RE.exec(html);
    let interrupt = false;
    if (m) {
      if (m[1]?.includes('code')) return `<span class="code-block">${m[2]}</span>`;
      interrupt = true;
    } else if (BLOCK_ELEM_RE.test(html)) {
      interrupt = true;
    }
    if (interrupt && inParagraph) return `</p>${html}<p>`;
    return html;
  }

  // -- headings

  protected parseHeading(
    g: Record<string, string | undefined>,
    shorten: boolean,
  ): [number, string, string] {
    const hdepth = g.hdepth!;
    const depth = hdepth.length;
    let htext = g.htext!.trim();
    if (htext.endsWith(hdepth)) htext = htext.slice(0, -depth);
    const heading = this.formatOneliner(htext);
    let anchor: string;
    if (g.hanchor) {
      anchor = g.hanchor.slice(1);
    } else {
      anchor = plainText(heading).replace(ANCHOR_STRIP_RE, '');
      if (!anchor || /^[\p{N}.-]/u.test(anchor)) anchor = `a${anchor}`;
    }
    anchor = this.uniqueAnchor(anchor);
    // Text no longer than the limit comes out of shortening unchanged: reuse the rendering.
    const shown =
      shorten && htext.length > SHORTEN_LIMIT ? this.formatOneliner(htext, true) : heading;
    return [depth, shown, anchor];
  }

  protected heading(_match: string, g: Record<string, string | undefined>): string | null {
    this.closeTable();
    this.closeParagraph();
    this.closeIndentation();
    this.closeList();
    this.closeDefList();
    const [depth, heading, anchor] = this.parseHeading(g, false);
    this.write(`<h${depth} class="section" id="${escapeAttr(anchor)}">${heading}</h${depth}>`);
    return '';
  }

  // -- lists and indentation

  protected setTab(depth: number): void {
    const tabstops: number[] = [];
    for (const ts of this.tabstops) {
      if (ts >= depth) break;
      tabstops.push(ts);
    }
    tabstops.push(depth);
    this.tabstops = tabstops;
  }

  protected list(match: string, g: Record<string, string | undefined>): string | null {
    const ldepth = g.ldepth!.length;
    const listid = match[ldepth]!;
    this.inListItem = true;
    let cls: string | null = null;
    let start: number | null = null;
    let type = 'ul';
    if (!'-*\u2022'.includes(listid)) {
      type = 'ol';
      const lstart = g.lstart!;
      if (listid === 'i') cls = 'lowerroman';
      else if (listid === 'I') cls = 'upperroman';
      else if (/[0-9]/.test(listid)) {
        if (lstart !== '1') start = Number.parseInt(lstart, 10);
      } else if (/[a-z]/.test(listid)) {
        cls = 'loweralpha';
        if (lstart.length === 1 && lstart !== 'a') start = lstart.charCodeAt(0) - 96;
      } else if (/[A-Z]/.test(listid)) {
        cls = 'upperalpha';
        if (lstart.length === 1 && lstart !== 'A') start = lstart.charCodeAt(0) - 64;
      }
    }
    this.setListDepth(ldepth, type, cls, start);
    return '';
  }

  protected listDepth(): number {
    const top = last(this.listStack);
    return top ? top[1] : -1;
  }

  // Helpers are methods, not closures: they run for every line, and closures would be
  // re-created each time.
  private openList(depth: number, type: string, cls: string | null, start: number | null): void {
    this.closeTable();
    this.closeParagraph();
    this.closeIndentation();
    this.listStack.push([type, depth]);
    this.setTab(depth);
    const clsAttr = cls ? ` class="${cls}"` : '';
    const startAttr = start !== null ? ` start="${start}"` : '';
    this.write(`<${type}${clsAttr}${startAttr}><li>`);
  }

  private closeListItem(): void {
    this.write(this.flushTags());
    this.write('</li>');
  }

  private closeOneList(type: string): void {
    this.listStack.pop();
    this.closeListItem();
    this.write(`</${type}>`);
  }

  protected setListDepth(
    depth: number,
    newType: string | null = null,
    cls: string | null = null,
    start: number | null = null,
  ): void {
    if (depth > this.listDepth()) {
      this.openList(depth, newType!, cls, start);
      return;
    }
    while (this.listStack.length) {
      const [deepType, deepOffset] = this.listStack[this.listStack.length - 1]!;
      if (depth >= deepOffset) break;
      this.closeOneList(deepType);
    }
    if (newType && depth >= 0) {
      const top = last(this.listStack);
      if (top) {
        const [oldType, oldOffset] = top;
        if (oldType !== newType) {
          this.closeOneList(oldType);
          this.openList(depth, newType, cls, start);
        } else {
          if (oldOffset !== depth) this.listStack[this.listStack.length - 1] = [oldType, depth];
          this.closeListItem();
          this.write('<li>');
        }
      } else {
        this.openList(depth, newType, cls, start);
      }
    }
  }

  protected closeList(depth = -1): void {
    this.setListDepth(depth);
  }

  protected definition(match: string): string {
    let tmp: string;
    if (this.inDefList) {
      tmp = '</dd>';
    } else {
      this.closeParagraph();
      tmp = '<dl class="wiki">';
    }
    const term = match.slice(0, match.indexOf('::'));
    tmp += `<dt>${this.formatOneliner(term)}</dt><dd>`;
    this.inDefList = true;
    return tmp;
  }

  protected closeDefList(): void {
    if (this.inDefList) this.write('</dd></dl>\n');
    this.inDefList = false;
  }

  protected indent(idepthText: string): string {
    const idepth = idepthText.length;
    const top = last(this.listStack);
    if (top) {
      const [ltype, ldepth] = top;
      if (idepth < ldepth) {
        for (const [, d] of this.listStack) {
          if (idepth > d) {
            this.inListItem = true;
            this.setListDepth(idepth);
            return '';
          }
        }
      } else if (idepth <= ldepth + (ltype === 'ol' ? 3 : 2)) {
        this.inListItem = true;
        return '';
      }
    }
    if (!this.inDefList) this.setQuoteDepth(idepth);
    return '';
  }

  protected closeIndentation(): void {
    this.setQuoteDepth(0);
  }

  private openQuote(depth: number): void {
    this.closeTable();
    this.closeParagraph();
    this.closeList();
    this.quoteStack.push(depth);
    this.setTab(depth);
    this.write('<blockquote>\n');
  }

  private closeQuote(): void {
    this.closeTable();
    this.closeParagraph();
    this.quoteStack.pop();
    this.write('</blockquote>\n');
  }

  protected setQuoteDepth(depth: number): void {
    const quoteDepth = last(this.quoteStack) ?? 0;
    if (depth > quoteDepth) {
      this.setTab(depth);
      for (const tab of [...this.tabstops]) {
        if (tab > quoteDepth) this.openQuote(tab);
      }
    } else {
      while (this.quoteStack.length) {
        if (depth >= this.quoteStack[this.quoteStack.length - 1]!) break;
        this.closeQuote();
      }
      if (depth > 0) {
        if (this.quoteStack.length) {
          this.quoteStack[this.quoteStack.length - 1] = depth;
        } else {
          this.openQuote(depth);
        }
      }
    }
    if (depth > 0) this.inQuote = true;
  }

  // -- tables

  protected tableCell(m: Match, separator: string, isLast: string | undefined): string {
    this.openTable();
    this.openTableRow();
    this.continueTable = true;
    let numpipes = separator.length;
    let cell = 'td';
    if (separator[0] === '=') numpipes -= 1;
    if (separator[separator.length - 1] === '=') {
      numpipes -= 1;
      cell = 'th';
    }
    let colspan = Math.floor(numpipes / 2);
    if (isLast !== undefined) {
      if (isLast.endsWith('\\')) this.continueTableRow = true;
      colspan -= 1;
      if (!colspan) return '';
    }
    let attrs = colspan > 1 ? ` colspan="${colspan}"` : '';
    const afterSep = m.index + m[0].length - (isLast?.length ?? 0);
    const line = this.line;
    const alignLeft = afterSep < line.length && line[afterSep] !== ' ';
    const nextSep = /([^!])=?\|\|/.exec(line.slice(afterSep));
    const alignRight = nextSep !== null && nextSep[1] !== ' ';
    let textAlign: string | null = null;
    if (alignLeft) {
      if (!alignRight) textAlign = 'left';
    } else if (alignRight) {
      textAlign = 'right';
    } else if (nextSep) {
      const firstExtra = afterSep + 1;
      const lastExtra = afterSep + nextSep.index;
      if (firstExtra < lastExtra && line[firstExtra] === ' ' && line[lastExtra] === ' ') {
        textAlign = 'center';
      }
    }
    if (textAlign) attrs += ` style="text-align: ${textAlign}"`;
    let td = `<${cell}${attrs}>`;
    if (this.inTableCell) td = `${this.flushTags()}</${this.inTableCell}>${td}`;
    this.inTableCell = cell;
    return td;
  }

  protected tableRowSep(params: string | undefined): string {
    this.openTable();
    this.closeTableRow(true);
    let attrs = '';
    if (params?.trim()) {
      const tr = resolveProcessor(this, 'tr', parseProcessorArgs(params));
      const processed = tr.process('');
      attrs = processed.slice(3, processed.indexOf('>'));
    }
    this.openTableRow(attrs);
    this.continueTable = true;
    this.continueTableRow = true;
    return '';
  }

  openTable(): void {
    if (!this.inTable) {
      this.closeParagraph();
      this.closeList();
      this.closeDefList();
      this.inTable = true;
      this.write('<table class="wiki">\n');
    }
  }

  openTableRow(params = ''): void {
    if (!this.inTableRow) {
      this.openTable();
      this.inTableRow = true;
      this.write(`<tr${params}>`);
    }
  }

  protected closeTableRow(force = false): void {
    if (this.inTableRow && (!this.continueTableRow || force)) {
      this.inTableRow = false;
      if (this.inTableCell) {
        this.write(this.flushTags());
        this.write(`</${this.inTableCell}>`);
        this.inTableCell = '';
      }
      this.write('</tr>');
    }
    this.continueTableRow = false;
  }

  protected closeTable(): void {
    if (this.inTable) {
      this.closeTableRow(true);
      this.write('</table>\n');
      this.inTable = false;
    }
  }

  // -- paragraphs

  protected openParagraph(): void {
    if (!this.paragraphOpen) {
      this.write('<p>\n');
      this.paragraphOpen = true;
    }
  }

  protected closeParagraph(): void {
    this.write(this.flushTags());
    if (this.paragraphOpen) {
      this.write('</p>\n');
      this.paragraphOpen = false;
    }
  }

  // -- code blocks and processors

  protected handleCodeBlock(line: string, start: RegExpExecArray | null): void {
    if (start) {
      this.inCodeBlock += 1;
      if (this.inCodeBlock === 1) {
        const name = start[2];
        this.codeProcessor = name
          ? resolveProcessor(this, name, parseProcessorArgs(line.slice(start[0].length)))
          : null;
        this.codeBuf = [];
        this.codePrefix = line.slice(0, line.indexOf('{{{'));
      } else {
        this.codeBuf.push(line);
        if (!this.codeProcessor) this.codeProcessor = resolveProcessor(this, 'default', null);
      }
    } else if (line.trim() === '}}}') {
      this.inCodeBlock -= 1;
      if (this.inCodeBlock === 0 && this.codeProcessor) {
        if (!['th', 'td', 'tr'].includes(this.codeProcessor.name)) this.closeTable();
        this.closeParagraph();
        if (this.codeBuf.length) {
          const prefix = this.codePrefix;
          if (prefix && this.codeBuf.every((l) => !l || l.startsWith(prefix))) {
            this.codeBuf = this.codeBuf.map((l) => l.slice(prefix.length));
          }
          this.codeBuf.push('');
        }
        this.write(this.execProcessor(this.codeProcessor, this.codeBuf.join('\n')));
      } else {
        this.codeBuf.push(line);
      }
    } else if (!this.codeProcessor) {
      const m = PROCESSOR_RE.exec(line);
      if (m) {
        this.codePrefix = m[1]!;
        this.codeProcessor = resolveProcessor(
          this,
          m[2]!,
          parseProcessorArgs(line.slice(m[0].length)),
        );
      } else {
        this.codeBuf.push(line);
        this.codeProcessor = resolveProcessor(this, 'default', null);
      }
    } else {
      this.codeBuf.push(line);
    }
  }

  protected execProcessor(processor: WikiProcessor, text: string): string {
    try {
      return processor.process(text);
    } catch (e) {
      const name = escapeText(processor.name);
      if (e instanceof ProcessorError || e instanceof MacroError) {
        return systemMessage(`Processor ${name} failed`, e.html);
      }
      return systemMessage(
        `Error: Processor ${name} failed`,
        escapeText(e instanceof Error ? e.message : String(e)),
      );
    }
  }

  protected closeCodeBlocks(): void {
    while (this.inCodeBlock > 0) this.handleCodeBlock('}}}', null);
  }

  // -- citations

  protected handleQuoteBlock(line: string): void {
    this.closeParagraph();
    const depth = line.indexOf('>');
    if (!this.quoteBuffer.length && depth < this.listDepth()) this.closeList(depth);
    this.quoteBuffer.push(line.slice(depth + 1));
  }

  protected closeQuoteBlock(escapeNewlines: boolean): void {
    if (!this.quoteBuffer.length) return;
    let lines = this.quoteBuffer;
    if (lines.every((l) => !l || l[0] === '>' || l[0] === ' ')) {
      lines = lines.map((l) => (l[0] === ' ' ? l.slice(1) : l));
    }
    this.write('<blockquote class="citation">\n');
    this.write(new Formatter(this.env, this.context).formatLines(lines, escapeNewlines));
    this.write('</blockquote>\n');
    this.quoteBuffer = [];
  }

  // -- engine

  format(text: string, escapeNewlines = false): string {
    this.source = text;
    return this.formatLines(splitLines(blankFormFeeds(text)), escapeNewlines);
  }

  formatLines(lines: string[], escapeNewlines = false): string {
    this.out = [];
    for (const rawLine of lines) {
      let line = rawLine;
      const start = line.includes('{{{') && !line.includes('}}}') ? STARTBLOCK_RE.exec(line) : null;
      if (this.inCodeBlock) {
        this.handleCodeBlock(line, start);
        continue;
      }
      if (QUOTE_LINE_RE.test(line)) {
        this.handleQuoteBlock(line);
        continue;
      }
      this.closeQuoteBlock(escapeNewlines);
      if (start) {
        this.handleCodeBlock(line, start);
        continue;
      }
      if (line.startsWith('----')) {
        this.closeAllBlocks();
        this.write('<hr />\n');
        continue;
      }
      if (line === '') {
        this.closeAllBlocks();
        continue;
      }
      if (line.includes('\t')) line = line.replace(/\t/g, '        ');
      if (!line.startsWith(' ')) {
        if (this.tabstops.length) this.tabstops = [];
        if (this.quoteStack.length) this.closeIndentation();
      }
      this.inListItem = false;
      this.inQuote = false;
      this.line = line;
      const result = this.replaceAll(line);
      if (!this.inListItem) this.closeList();
      if (!this.inQuote) this.closeIndentation();
      if (this.inDefList && !line.startsWith(' ')) this.closeDefList();
      if (this.inTable && !this.continueTable) this.closeTable();
      this.continueTable = false;
      let sep = '\n';
      if (!(this.inListItem || this.inDefList || this.inTable)) {
        if (result.length) this.openParagraph();
        if (escapeNewlines && this.paragraphOpen && !result.trimEnd().endsWith('<br />')) {
          sep = `<br />${sep}`;
        }
      }
      this.write(result + sep);
      this.closeTableRow();
    }
    this.closeCodeBlocks();
    this.closeQuoteBlock(escapeNewlines);
    this.closeAllBlocks();
    return this.out.join('');
  }

  protected closeAllBlocks(): void {
    this.closeTable();
    this.closeParagraph();
    this.closeIndentation();
    this.closeList();
    this.closeDefList();
  }
}

/** Renders wiki text on one line: block structure is flattened, blocks become "[…]". */
export class OneLinerFormatter extends Formatter {
  protected override blockAware = false;

  protected override list(match: string): string {
    return match;
  }
  protected override indent(idepth: string): string {
    return idepth;
  }
  protected override heading(match: string): string {
    return escapeText(match);
  }
  protected override definition(match: string): string {
    return escapeText(match);
  }
  protected override tableCell(m: Match): string {
    return m[0];
  }
  protected override tableRowSep(): string {
    return '';
  }
  protected override lineBreak(): string {
    return ' ';
  }
  protected override macro(
    name: string,
    args: string | null,
    processor: WikiProcessor | null,
    content?: string,
  ): string {
    return (
      this.inlineMacro(name, args, processor, content) ??
      `[[${escapeText(name)}${args ? '(...)' : ''}]]`
    );
  }

  override format(text: string, shorten = false): string {
    if (!text) return '';
    this.source = text;
    const clean = blankFormFeeds(text).trim();
    // One line with no code block (a heading, a label) is the common case: nothing to drop.
    if (!LINE_BREAK_RE.test(clean) && !clean.includes('{{{') && !clean.includes('}}}')) {
      return this.formatOneLine(clean, shorten, 0);
    }
    let inCode = 0;
    let processor: string | null = null;
    const buf: string[] = [];
    for (const line of splitLines(clean)) {
      if (!line.includes('}}}') && STARTBLOCK_RE.test(line)) {
        inCode += 1;
      } else if (line.trim() === '}}}') {
        if (inCode) {
          inCode -= 1;
          if (inCode === 0) {
            if (processor !== 'comment') buf.push(' [...]');
            processor = null;
          }
        }
      } else if (inCode) {
        if (!processor && line.startsWith('#!')) processor = line.slice(2).trim();
      } else {
        buf.push(line);
      }
    }
    return this.formatOneLine(buf.join('\n'), shorten, inCode);
  }

  /** Renders the text left once code blocks are dropped; `openBlocks` were never closed. */
  private formatOneLine(text: string, shorten: boolean, openBlocks: number): string {
    this.out = [];
    this.line = shorten ? shortenLine(text) : text;
    let result = this.replaceAll(this.line);
    result = result.replaceAll('[...]', '[\u2026]');
    if (result.endsWith('...')) result = `${result.slice(0, -3)}\u2026`;
    let html = result + this.flushTags();
    if (openBlocks > 0) html += '[\u2026]';
    return this.out.join('') + html;
  }
}

/** Collects headings into a nested `<ol>` table of contents. */
export class OutlineFormatter extends Formatter {
  private outline: [number, string, string][] = [];

  protected override macro(
    name: string,
    args: string | null,
    processor: WikiProcessor | null,
    content?: string,
  ): string {
    return this.inlineMacro(name, args, processor, content) ?? '';
  }

  protected override handleCodeBlock(line: string, start: RegExpExecArray | null): void {
    if (start) this.inCodeBlock += 1;
    else if (line.trim() === '}}}') this.inCodeBlock -= 1;
  }

  protected override closeQuoteBlock(): void {
    this.quoteBuffer = [];
  }

  /**
   * A line that neither starts a heading nor calls a macro cannot add to the outline or use
   * an anchor, so its inline markup is not worth rendering here.
   */
  protected override replaceAll(text: string): string {
    if (!HEADING_START_RE.test(text) && !text.includes('[[')) return '';
    return super.replaceAll(text);
  }

  /**
   * Of what a line holds, only headings and this formatter's own macro calls (which may take
   * anchors) shape the outline; nested renders keep their own anchors. So nothing else is
   * rendered, though the whole line is still scanned to find them where the page would.
   */
  override handleMatch(rule: CompiledRule, m: Match): string | null {
    return rule.name === 'heading' || rule.name === 'macrolink' ? super.handleMatch(rule, m) : '';
  }

  protected override heading(_match: string, g: Record<string, string | undefined>): string {
    const [depth, heading, anchor] = this.parseHeading(g, true);
    this.outline.push([depth, anchor, heading.replace(/<\/?a(?: .*?)?>/g, '')]);
    return '';
  }

  formatOutline(text: string, maxDepth = 6, minDepth = 1): string {
    this.outline = [];
    this.format(text);
    let lo = Math.max(1, Math.min(minDepth, maxDepth));
    const hi = Math.min(6, Math.max(minDepth, maxDepth));
    lo = Math.max(1, lo);
    const ind = (n: number) => '  '.repeat(n);
    let out = '\n';
    let current = lo - 1;
    for (const [depth, anchor, text] of this.outline) {
      if (depth < lo || depth > hi) continue;
      if (depth > current) {
        for (let i = current; i < depth; i++) out += `${ind(2 * i)}<ol>\n${ind(2 * i + 1)}<li>\n`;
      } else if (depth < current) {
        for (let i = current - 1; i > depth - 1; i--)
          out += `${ind(2 * i + 1)}</li>\n${ind(2 * i)}</ol>\n`;
        out += `${ind(2 * depth - 1)}</li>\n${ind(2 * depth - 1)}<li>\n`;
      } else {
        out += `${ind(2 * depth - 1)}</li>\n${ind(2 * depth - 1)}<li>\n`;
      }
      current = depth;
      out += `${ind(2 * depth)}<a href="#${escapeAttr(anchor)}">${text}</a>\n`;
    }
    for (let i = current - 1; i > lo - 2; i--)
      out += `${ind(2 * i + 1)}</li>\n${ind(2 * i)}</ol>\n`;
    return out;
  }
}

export function mailLink(url: string, labelHtml: string): string {
  return element(
    'a',
    { class: 'mail-link', href: url },
    `<span class="icon">\u200b</span>${labelHtml}`,
  );
}

/** Vertical tabs and form feeds count as spaces; most text has none, so look before copying. */
function blankFormFeeds(text: string): string {
  return text.includes('\v') || text.includes('\f') ? text.replace(/[\v\f]/g, ' ') : text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's splitlines() also breaks on these separators.
const LINE_BREAK_RE = /\r\n|[\n\r\u2028\u2029\u0085\u001c-\u001e]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const OTHER_LINE_BREAKS_RE = /[\r\u2028\u2029\u0085\u001c-\u001e]/;

/** Splits like Python's str.splitlines(): no trailing empty line for a final newline. */
export function splitLines(text: string): string[] {
  if (!text) return [];
  // Plain newlines are the common case, and splitting on a string is much cheaper.
  const lines = OTHER_LINE_BREAKS_RE.test(text) ? text.split(LINE_BREAK_RE) : text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A label for a relative link: drops query/fragment and leading ./, ../ and /. */
export function labelFromTarget(target: string): string {
  const label = target.split('#', 1)[0]!.split('?', 1)[0]!;
  if (!label) return target;
  const parts = label.split('/');
  const i = parts.findIndex((p) => p !== '' && p !== '.' && p !== '..');
  return i >= 0 ? parts.slice(i).join('/') : label;
}

/** Resolves `./x`, `../x` against the current resource id. */
export function relativeId(currentId: string, path: string): string {
  if (path === '' || path === '.') return currentId;
  const base = path[0] === '/' ? [] : currentId.split('/');
  for (const comp of path.split('/')) {
    if (comp === '..') base.pop();
    else if (comp && comp !== '.') base.push(comp);
  }
  return base.join('/');
}

/** Cuts text longer than `max` at a word boundary and marks the cut with " ...". */
export function shortenLine(text: string, max = SHORTEN_LIMIT): string {
  if (text.length <= max) return text;
  const room = max - 4;
  let cut = Math.max(text.lastIndexOf(' ', room - 1), text.lastIndexOf('\n', room - 1));
  if (cut < 0) cut = room;
  return `${text.slice(0, cut)} ...`;
}
