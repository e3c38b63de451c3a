// parse5: the WHATWG-conformant parser (as browsers build the tree, including broken markup), with entities decoded.
import { type DefaultTreeAdapterTypes as Html, parse, parseFragment } from 'parse5';
import type { ExtractedDocument } from './extracted-document.js';
import { SectionBuilder } from './section-builder.js';

export interface ExtractHtmlOptions {
  html: string;
}

/** Page chrome and things that are not reading matter. */
const DROPPED_ELEMENTS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
  'menu',
]);
const DROPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
]);
/** Class or id names that mark chrome on pages without the semantic elements. */
const CHROME_NAMES = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'sidebar',
  'sphinxsidebar',
  'breadcrumb',
  'breadcrumbs',
  'footer',
  'related',
  'skip-link',
  'cookie-banner',
]);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
/** Elements that end the paragraph before them and start a new one after. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'p',
  'section',
  'summary',
]);

/**
 * Reads an HTML page's main content: headings make the outline and cut the blocks; lists
 * become bullet lines, tables rows of cells, code blocks stay verbatim. Scripts, styles,
 * navigation, site headers and footers, forms and sidebars are dropped.
 */
export function extractHtml({ html }: ExtractHtmlOptions): ExtractedDocument {
  const document = parse(html);
  const sections = new SectionBuilder();
  const root = findMain(document) ?? document;
  new HtmlWriter(sections).write(root.childNodes);
  const { outline, blocks } = sections.finish();
  return { title: findTitle(document), pageCount: null, outline, blocks };
}

/** Adds HTML found inside another format (raw HTML in Markdown) to its sections. */
export function appendHtml({ html, sections }: { html: string; sections: SectionBuilder }): void {
  new HtmlWriter(sections).write(parseFragment(html).childNodes);
}

function findTitle(document: Html.Document): string | null {
  const title = findElement(document, (el) => el.tagName === 'title');
  const text = title ? collapse(textOf(title)) : '';
  if (text !== '') return text;
  const h1 = findElement(document, (el) => el.tagName === 'h1' && !isDropped(el));
  const heading = h1 ? headingText(h1) : '';
  return heading === '' ? null : heading;
}

function headingText(heading: Html.Element): string {
  // Documentation generators end headings with a permalink sign.
  return collapse(textOf(heading)).replace(/\s*[¶#§]$/u, '');
}

function findMain(document: Html.Document): Html.Element | null {
  return findElement(document, (el) => el.tagName === 'main' || attribute(el, 'role') === 'main');
}

function findElement(
  node: Html.ParentNode,
  test: (element: Html.Element) => boolean,
): Html.Element | null {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return null;
}

class HtmlWriter {
  private line: string[] = [];
  private lines: string[] = [];

  constructor(private readonly sections: SectionBuilder) {}

  write(nodes: Html.ChildNode[]): void {
    for (const node of nodes) this.writeNode(node);
    this.endParagraph();
  }

  private writeNode(node: Html.ChildNode): void {
    if (node.nodeName === '#text') {
      this.line.push((node as Html.TextNode).value);
      return;
    }
    if (!isElement(node) || isDropped(node)) return;
    const tag = node.tagName;
    const level = HEADINGS[tag];
    if (level !== undefined) {
      this.endParagraph();
      this.sections.heading(level, headingText(node));
    } else if (tag === 'pre') {
      this.endParagraph();
      this.sections.paragraph(textOf(node));
    } else if (tag === 'ul' || tag === 'ol') {
      this.endParagraph();
      this.sections.paragraph(listLines(node, 0).join('\n'));
    } else if (tag === 'table') {
      this.endParagraph();
      this.sections.paragraph(tableLines(node).join('\n'));
    } else if (tag === 'br') {
      this.endLine();
    } else if (BLOCK_ELEMENTS.has(tag)) {
      this.endParagraph();
      for (const child of node.childNodes) this.writeNode(child);
      this.endParagraph();
    } else {
      for (const child of node.childNodes) this.writeNode(child);
    }
  }

  private endLine(): void {
    const text = collapse(this.line.join(''));
    if (text !== '') this.lines.push(text);
    this.line = [];
  }

  private endParagraph(): void {
    this.endLine();
    if (this.lines.length > 0) this.sections.paragraph(this.lines.join('\n'));
    this.lines = [];
  }
}

/** One line per item, nested lists indented beneath their item. */
function listLines(list: Html.Element, depth: number): string[] {
  const lines: string[] = [];
  let number = Number(attribute(list, 'start') ?? 1) || 1;
  for (const item of list.childNodes) {
    if (!isElement(item) || isDropped(item)) continue;
    const nested: Html.Element[] = [];
    const text = collapse(
      textOf(item, (el) => {
        const isList = el.tagName === 'ul' || el.tagName === 'ol';
        if (isList) nested.push(el);
        return isList;
      }),
    );
    const marker = list.tagName === 'ol' ? `${number++}.` : '•';
    if (text !== '') lines.push(`${'  '.repeat(depth)}${marker} ${text}`);
    for (const sublist of nested) lines.push(...listLines(sublist, depth + 1));
  }
  return lines;
}

/** The caption, then each row's cells separated by " | ". */
function tableLines(table: Html.Element): string[] {
  const lines: string[] = [];
  const visit = (node: Html.ParentNode) => {
    for (const child of node.childNodes) {
      if (!isElement(child) || isDropped(child)) continue;
      if (child.tagName === 'caption') {
        lines.push(collapse(textOf(child)));
      } else if (child.tagName === 'tr') {
        const cells = child.childNodes
          .filter(
            (cell): cell is Html.Element =>
              isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th'),
          )
          .map((cell) => collapse(textOf(cell)));
        if (cells.some((cell) => cell !== '')) lines.push(cells.join(' | '));
      } else if (child.tagName !== 'table') {
        visit(child);
      }
    }
  };
  visit(table);
  return lines.filter((line) => line !== '');
}

/**
 * The text under a node, with dropped elements left out; blocks and line breaks become spaces
 * (callers collapse whitespace, except for code blocks). `skip` can claim elements for itself.
 */
function textOf(node: Html.ParentNode, skip?: (element: Html.Element) => boolean): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') {
      text += (child as Html.TextNode).value;
    } else if (isElement(child) && !isDropped(child) && !skip?.(child)) {
      const separated =
        child.tagName === 'br' || BLOCK_ELEMENTS.has(child.tagName) || child.tagName in HEADINGS;
      const inner = textOf(child, skip);
      text += separated ? ` ${inner}${child.tagName === 'br' ? '\n' : ' '}` : inner;
    }
  }
  return text;
}

function isElement(node: Html.ChildNode | Html.ParentNode): node is Html.Element {
  return 'tagName' in node;
}

function isDropped(element: Html.Element): boolean {
  const tag = element.tagName;
  if (DROPPED_ELEMENTS.has(tag)) return true;
  const role = attribute(element, 'role');
  if (role && DROPPED_ROLES.has(role)) return true;
  if (attribute(element, 'hidden') !== null || attribute(element, 'aria-hidden') === 'true')
    return true;
  if (/display\s*:\s*none/i.test(attribute(element, 'style') ?? '')) return true;
  const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  if (names.split(/\s+/).some((name) => CHROME_NAMES.has(name.toLowerCase()))) return true;
  // A site's header and footer are chrome; an article's own header holds its title.
  if (
    (tag === 'header' || tag === 'footer') &&
    !hasAncestor(element, ['article', 'main', 'section'])
  ) {
    return true;
  }
  // A form is chrome unless the page's content sits inside it (as in some generated sites).
  if (tag === 'form')
    return !findElement(element, (el) => el.tagName === 'p' || el.tagName in HEADINGS);
  return false;
}

function hasAncestor(element: Html.Element, tags: string[]): boolean {
  for (let parent = element.parentNode; parent && 'tagName' in parent; parent = parent.parentNode) {
    if (tags.includes(parent.tagName)) return true;
  }
  return false;
}

function attribute(element: Html.Element, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
