import { decodeHTML } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';
import { appendHtml } from './extract-html.js';
import type { ExtractedDocument } from './extracted-document.js';
import { SectionBuilder } from './section-builder.js';

export interface ExtractMarkdownOptions {
  markdown: string;
}

/**
 * Reads Markdown (CommonMark with GitHub tables) by its syntax tree: headings make the outline
 * and cut the blocks; lists become bullet lines, tables rows of cells, code blocks stay
 * verbatim, raw HTML is read as HTML. A YAML front matter's `title` names the document.
 */
export function extractMarkdown({ markdown }: ExtractMarkdownOptions): ExtractedDocument {
  const { body, title: frontMatterTitle } = splitFrontMatter(markdown);
  const tokens = new Lexer({ gfm: true }).lex(body);
  const sections = new SectionBuilder();
  writeBlocks(tokens, sections);
  const { outline, blocks } = sections.finish();
  const firstH1 = tokens.find(
    (token): token is Tokens.Heading => token.type === 'heading' && token.depth === 1,
  );
  const title = frontMatterTitle ?? (firstH1 ? inlineText(firstH1.tokens).trim() || null : null);
  return { title, pageCount: null, outline, blocks };
}

function splitFrontMatter(markdown: string): { body: string; title: string | null } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n/.exec(markdown);
  if (!match) return { body: markdown, title: null };
  const titleLine = /^title:\s*(.+?)\s*$/m.exec(match[1]!);
  const title = titleLine ? titleLine[1]!.replace(/^(['"])(.*)\1$/, '$2').trim() || null : null;
  return { body: markdown.slice(match[0].length), title };
}

function writeBlocks(tokens: Token[], sections: SectionBuilder): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        sections.heading(token.depth, inlineText(token.tokens ?? []));
        break;
      case 'paragraph':
      case 'text':
        sections.paragraph(tidyLines(inlineText(token.tokens ?? [])));
        break;
      case 'code':
        sections.paragraph(token.text);
        break;
      case 'list':
        sections.paragraph(listLines(token as Tokens.List, 0).join('\n'));
        break;
      case 'table':
        sections.paragraph(tableLines(token as Tokens.Table).join('\n'));
        break;
      case 'blockquote':
        writeBlocks(token.tokens ?? [], sections);
        break;
      case 'html':
        appendHtml({ html: token.text, sections });
        break;
      // Rules, link definitions and blank space carry no text.
    }
  }
}

/** One line per item, nested lists indented beneath their item. */
function listLines(list: Tokens.List, depth: number): string[] {
  const lines: string[] = [];
  let number = typeof list.start === 'number' ? list.start : 1;
  for (const item of list.items) {
    const nested: Tokens.List[] = [];
    const parts: string[] = [];
    for (const token of item.tokens) {
      if (token.type === 'list') nested.push(token as Tokens.List);
      else if (token.type === 'code') parts.push(token.text);
      else if (token.type === 'text' || token.type === 'paragraph') {
        parts.push(inlineText(token.tokens ?? []));
      }
    }
    const marker = list.ordered ? `${number++}.` : '•';
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    if (text !== '') lines.push(`${'  '.repeat(depth)}${marker} ${text}`);
    for (const sublist of nested) lines.push(...listLines(sublist, depth + 1));
  }
  return lines;
}

function tableLines(table: Tokens.Table): string[] {
  const row = (cells: Tokens.TableCell[]) =>
    cells.map((cell) => inlineText(cell.tokens).replace(/\s+/g, ' ').trim()).join(' | ');
  return [row(table.header), ...table.rows.map(row)];
}

/** Plain text of inline tokens: emphasis and links reduced to their words, entities decoded. */
function inlineText(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        // A line break in running text is a space; a hard break (`br`) is a new line.
        text += token.tokens
          ? inlineText(token.tokens)
          : decodeHTML(token.text).replace(/\n/g, ' ');
        break;
      case 'escape':
      case 'codespan':
        text += token.text;
        break;
      case 'br':
        text += '\n';
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        text += inlineText(token.tokens ?? []);
        break;
      // Images, inline tags and task checkboxes are not reading matter.
    }
  }
  return text;
}

/** Hard line breaks stay; runs of spaces shrink to one. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
