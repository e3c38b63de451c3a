import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import {
  type ExtractedDocument,
  type OutlineEntry,
  type TextBlock,
  UnreadableDocumentError,
} from './extracted-document.js';
import { findHeading } from './find-heading.js';

export interface ExtractPdfOptions {
  bytes: Uint8Array;
}

// Character maps and font metrics ship inside pdfjs-dist: read them from disk, never fetch.
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A line of text as laid out on the page (PDF y grows upwards). */
interface PageLine {
  text: string;
  y: number;
  size: number;
}

interface PageText {
  lines: PageLine[];
  top: number;
  bottom: number;
}

interface OutlineMark {
  title: string;
  headingPath: string[];
  page: number;
  /** The destination's top edge on the page, when the outline gives one. */
  top: number | null;
}

/**
 * Reads a PDF's text page by page, in the order the page draws it, with page numbers, and cuts
 * it into blocks at the outline's entries. Without an outline each page is a block.
 */
export async function extractPdf({ bytes }: ExtractPdfOptions): Promise<ExtractedDocument> {
  const task = getDocument({
    // A copy: the reader may take over the buffer it is given.
    data: new Uint8Array(bytes),
    useSystemFonts: true,
    disableFontFace: true,
    isEvalSupported: false,
    useWorkerFetch: false,
    cMapUrl: join(pdfjsRoot, 'cmaps/'),
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts/'),
    wasmUrl: join(pdfjsRoot, 'wasm/'),
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw explainOpenError(error);
    });
    if (doc.numPages === 0) throw new UnreadableDocumentError('The PDF has no pages.');
    const title = await readTitle(doc);
    const { outline, marks } = await readOutline(doc);
    const pages: PageText[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      pages.push(await readPage(doc, number));
    }
    dropRunningHeadersAndFooters(pages);
    const layout = joinPages(pages);
    if (layout.text.trim() === '' && (await hasImages(doc))) {
      throw new UnreadableDocumentError(
        'This PDF has no text layer (scanned images only: run OCR first, then upload the result).',
      );
    }
    const blocks =
      marks.length > 0 ? splitAtOutline(layout, marks) : splitAtPages(layout, doc.numPages);
    return { title, pageCount: doc.numPages, outline, blocks };
  } finally {
    await task.destroy();
  }
}

function explainOpenError(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new UnreadableDocumentError(
      'This PDF is protected by a password: remove the protection and upload it again.',
    );
  }
  return new UnreadableDocumentError('This PDF is damaged and cannot be read.', { cause: error });
}

async function readTitle(doc: PDFDocumentProxy): Promise<string | null> {
  const { info } = await doc.getMetadata();
  const title = (info as { Title?: unknown }).Title;
  return typeof title === 'string' && title.trim() !== '' ? cleanTitle(title) : null;
}

function cleanTitle(title: string): string {
  // Outline titles carry stray control characters.
  return title.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

async function readOutline(
  doc: PDFDocumentProxy,
): Promise<{ outline: OutlineEntry[]; marks: OutlineMark[] }> {
  // A damaged outline is no reason to refuse the text: the pages then cut the blocks.
  const nodes = await doc.getOutline().catch(() => null);
  const marks: OutlineMark[] = [];
  const visit = async (items: OutlineNode[], path: string[]): Promise<OutlineEntry[]> => {
    const entries: OutlineEntry[] = [];
    for (const item of items) {
      const title = cleanTitle(item.title ?? '');
      const children = (item.items ?? []) as OutlineNode[];
      // An entry without a title cannot head a section; its children stand in its place.
      if (title === '') {
        entries.push(...(await visit(children, path)));
        continue;
      }
      const target = await resolveDestination(doc, item.dest);
      const headingPath = [...path, title];
      if (target) marks.push({ title, headingPath, ...target });
      entries.push({
        title,
        level: headingPath.length,
        page: target?.page ?? null,
        children: await visit(children, headingPath),
      });
    }
    return entries;
  };
  const outline = nodes ? await visit(nodes, []) : [];
  // Sections follow the pages; entries on one page keep the outline's order.
  marks.sort((a, b) => a.page - b.page);
  return { outline, marks };
}

async function resolveDestination(
  doc: PDFDocumentProxy,
  dest: OutlineNode['dest'],
): Promise<{ page: number; top: number | null } | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const [target, view, ...args] = explicit as [
      unknown,
      { name?: string } | undefined,
      ...unknown[],
    ];
    const index =
      typeof target === 'number'
        ? target
        : await doc.getPageIndex(target as Parameters<PDFDocumentProxy['getPageIndex']>[0]);
    if (!Number.isInteger(index) || index < 0 || index >= doc.numPages) return null;
    const topArgument =
      view?.name === 'XYZ' ? args[1] : view?.name?.startsWith('FitH') ? args[0] : null;
    const top = typeof topArgument === 'number' ? topArgument : null;
    return { page: index + 1, top };
  } catch {
    // A destination that points nowhere leaves the entry in the outline without a page.
    return null;
  }
}

async function readPage(doc: PDFDocumentProxy, number: number): Promise<PageText> {
  try {
    const page = await doc.getPage(number);
    try {
      const content = await page.getTextContent();
      const [, bottom, , top] = page.view as [number, number, number, number];
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      return { lines: toLines(items), top, bottom };
    } finally {
      page.cleanup();
    }
  } catch (error) {
    throw new UnreadableDocumentError(`Page ${number} of this PDF is damaged and cannot be read.`, {
      cause: error,
    });
  }
}

/** Groups drawn text into lines: a line ends where the reader marks it or the baseline moves. */
function toLines(items: TextItem[]): PageLine[] {
  const lines: PageLine[] = [];
  let current: { parts: string[]; y: number; size: number; end: number } | null = null;
  const finish = () => {
    if (!current) return;
    const text = cleanLine(current.parts.join(''));
    if (text !== '') lines.push({ text, y: current.y, size: current.size });
    current = null;
  };
  for (const item of items) {
    const [, , c, d, x, y] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(c, d) || item.height || 1;
    if (current && Math.abs(y - current.y) > 0.5 * Math.max(size, current.size)) finish();
    if (item.str !== '') {
      if (!current) {
        current = { parts: [], y, size: 0, end: x };
      } else if (x - current.end > 0.15 * size || x < current.end - size) {
        // A gap wider than a thin space, or a jump back, separates words the PDF drew apart.
        current.parts.push(' ');
      }
      current.parts.push(item.str);
      if (item.str.trim() !== '') current.size = Math.max(current.size, size);
      current.end = x + item.width;
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

// TeX draws accents as separate glyphs before their letter ("P´eter"); ´ only over vowels,
// since it also stands in for an apostrophe.
const SPACING_ACCENTS: Record<string, { mark: string; letters: RegExp }> = {
  '¨': { mark: '\u0308', letters: /\p{L}/u },
  '´': { mark: '\u0301', letters: /[aeiouyıAEIOUY]/ },
  ˆ: { mark: '\u0302', letters: /\p{L}/u },
  '˜': { mark: '\u0303', letters: /\p{L}/u },
  ˇ: { mark: '\u030c', letters: /\p{L}/u },
  '˚': { mark: '\u030a', letters: /\p{L}/u },
};

// Dot leaders (tables of contents) go, and control characters with them: NUL above all,
// which PostgreSQL refuses in text.
function cleanLine(text: string): string {
  return text
    .replace(/([¨´ˆ˜ˇ˚])(\p{L})/gu, (whole, accent: string, letter: string) => {
      const { mark, letters } = SPACING_ACCENTS[accent]!;
      return letters.test(letter)
        ? `${letter === 'ı' ? 'i' : letter}${mark}`.normalize('NFC')
        : whole;
    })
    .replace(/\s*(?:\.\s?){4,}/g, ' ')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/**
 * Drops lines at the top or bottom of a page that recur, numbers aside, at the same edge of a
 * nearby page (running heads alternate between even and odd pages), and bare page numbers.
 */
function dropRunningHeadersAndFooters(pages: PageText[]): void {
  const edges = pages.map(edgeLines);
  const repeats = (pageIndex: number, side: 'top' | 'bottom', key: string) => {
    for (let other = pageIndex - 2; other <= pageIndex + 2; other++) {
      if (other === pageIndex || other < 0 || other >= pages.length) continue;
      if (edges[other]![side].some((line) => edgeKey(line.text) === key)) return true;
    }
    return false;
  };
  pages.forEach((page, pageIndex) => {
    const drop = new Set<PageLine>();
    for (const side of ['top', 'bottom'] as const) {
      for (const line of edges[pageIndex]![side]) {
        const key = edgeKey(line.text);
        if (isPageNumber(line.text) || repeats(pageIndex, side, key)) drop.add(line);
      }
    }
    page.lines = page.lines.filter((line) => !drop.has(line));
  });
}

/** The two highest lines in the top tenth of the page and the two lowest in the bottom tenth. */
function edgeLines(page: PageText): { top: PageLine[]; bottom: PageLine[] } {
  const margin = (page.top - page.bottom) * 0.1;
  const byHeight = [...page.lines].sort((a, b) => b.y - a.y);
  return {
    top: byHeight.filter((line) => line.y >= page.top - margin).slice(0, 2),
    bottom: byHeight.filter((line) => line.y <= page.bottom + margin).slice(-2),
  };
}

// Front matter numbers its pages i to xxxix.
const ROMAN_PAGE = '(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})';

function edgeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(new RegExp(String.raw`\b${ROMAN_PAGE}\b`, 'g'), '#')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ');
}

function isPageNumber(text: string): boolean {
  const number = String.raw`(?:\d+|${ROMAN_PAGE})`;
  const pattern = String.raw`^(?:page\s+)?[-–—\s]*${number}(?:\s+(?:of|/)\s+\d+)?[-–—\s]*$`;
  return new RegExp(pattern, 'i').test(text.trim());
}

/** The document's text with where each page begins, and where each line begins. */
interface PdfLayout {
  text: string;
  /** `pageOffsets[n - 1]` is where page n begins (an empty page begins where the next does). */
  pageOffsets: number[];
  lines: { offset: number; page: number; y: number }[];
}

function joinPages(pages: PageText[]): PdfLayout {
  // Built from parts: a string grown by += is re-flattened each time its end is read.
  const parts: string[] = [];
  let length = 0;
  let last = '';
  const pageOffsets: number[] = [];
  const lineStarts: PdfLayout['lines'] = [];
  pages.forEach((page, pageIndex) => {
    pageOffsets.push(length);
    const paragraphGap = paragraphGapOf(page.lines);
    let previous: PageLine | null = null;
    for (const line of page.lines) {
      let separator: string | null = '';
      if (previous) separator = lineSeparator(previous, line, last, paragraphGap);
      else if (length > 0) separator = pageSeparator(last, line);
      if (separator === null) {
        // A word broken by a hyphen at the line's end joins back up.
        parts[parts.length - 1] = last.slice(0, -1);
        length--;
      } else {
        parts.push(separator);
        length += separator.length;
      }
      if (previous === null) pageOffsets[pageIndex] = length;
      lineStarts.push({ offset: length, page: pageIndex + 1, y: line.y });
      parts.push(line.text);
      length += line.text.length;
      last = line.text;
      previous = line;
    }
  });
  return { text: parts.join(''), pageOffsets, lines: lineStarts };
}

/**
 * How far below the previous line a line must sit to start a paragraph: a little more than the
 * page's usual line spacing (so double-spaced pages work), or 1.45 line heights on sparse pages.
 */
function paragraphGapOf(lines: PageLine[]): (size: number) => number {
  const drops: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const drop = lines[i - 1]!.y - lines[i]!.y;
    if (drop > 0 && Math.abs(lines[i - 1]!.size - lines[i]!.size) < 0.5) drops.push(drop);
  }
  if (drops.length < 5) return (size) => 1.45 * size;
  drops.sort((a, b) => a - b);
  const usual = drops[Math.floor(drops.length / 2)]!;
  return (size) => Math.max(1.25 * usual, 1.1 * size);
}

/** What joins two lines of one page: null means "drop the hyphen and join". */
function lineSeparator(
  previous: PageLine,
  line: PageLine,
  lastLine: string,
  paragraphGap: (size: number) => number,
): string | null {
  const drop = previous.y - line.y;
  const largest = Math.max(previous.size, line.size);
  const sizeChange = Math.abs(previous.size - line.size) / largest;
  // Moving up starts a new column; a wide gap or a change of type size starts a paragraph.
  if (drop <= 0 || drop > paragraphGap(largest) || sizeChange > 0.15) return '\n\n';
  return continuesWord(lastLine, line.text) ? null : ' ';
}

function pageSeparator(lastLine: string, line: PageLine): string | null {
  if (continuesWord(lastLine, line.text)) return null;
  // A sentence running over the page break stays one paragraph.
  return /[\p{L}\p{N},]$/u.test(lastLine) && /^\p{Ll}/u.test(line.text) ? ' ' : '\n\n';
}

function continuesWord(lastLine: string, next: string): boolean {
  return /\p{L}[-\u00ad\u2010]$/u.test(lastLine) && /^\p{Ll}/u.test(next);
}

function splitAtPages(layout: PdfLayout, pageCount: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const start = layout.pageOffsets[page - 1]!;
    const end = page < pageCount ? layout.pageOffsets[page]! : layout.text.length;
    const block = makeBlock(layout, start, end, []);
    if (block) blocks.push(block);
  }
  return blocks;
}

function splitAtOutline(layout: PdfLayout, marks: OutlineMark[]): TextBlock[] {
  const lineStarts = new Set(layout.lines.map((line) => line.offset));
  const linesOfPage = new Map<number, PdfLayout['lines']>();
  for (const line of layout.lines) {
    const lines = linesOfPage.get(line.page) ?? [];
    lines.push(line);
    linesOfPage.set(line.page, lines);
  }
  const cuts: { offset: number; headingPath: string[] }[] = [{ offset: 0, headingPath: [] }];
  for (const mark of marks) {
    const pageStart = Math.max(layout.pageOffsets[mark.page - 1]!, cuts.at(-1)!.offset);
    const pageEnd = layout.pageOffsets[mark.page] ?? layout.text.length;
    // Look below the destination's top edge first, then over the whole page; failing both,
    // the section starts with its page.
    const starts = [destinationOffset(linesOfPage.get(mark.page) ?? [], mark), pageStart].filter(
      (start): start is number => start !== null && start >= pageStart,
    );
    let offset = pageStart;
    for (const from of starts) {
      const found = findHeading({
        text: layout.text,
        title: mark.title,
        from,
        to: pageEnd,
        lineStarts,
      });
      if (found !== null) {
        offset = found;
        break;
      }
    }
    cuts.push({ offset, headingPath: mark.headingPath });
  }
  const blocks: TextBlock[] = [];
  cuts.forEach((cut, i) => {
    const end = cuts[i + 1]?.offset ?? layout.text.length;
    const block = makeBlock(layout, cut.offset, end, cut.headingPath);
    if (block) blocks.push(block);
  });
  return blocks;
}

/** The first line at or below the destination's top edge, where the heading is drawn. */
function destinationOffset(lines: PdfLayout['lines'], mark: OutlineMark): number | null {
  if (mark.top === null) return null;
  return lines.find((line) => line.y <= mark.top! + 2)?.offset ?? null;
}

function makeBlock(
  layout: PdfLayout,
  start: number,
  end: number,
  headingPath: string[],
): TextBlock | null {
  const raw = layout.text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text === '' || isOnlyHeading(text, headingPath)) return null;
  const from = start + leading;
  const pages: TextBlock['pages'] = [];
  layout.pageOffsets.forEach((offset, index) => {
    const next = layout.pageOffsets[index + 1] ?? layout.text.length;
    if (next <= offset) return;
    if (offset <= from && next > from) pages.push({ offset: 0, page: index + 1 });
    else if (offset > from && offset < from + text.length)
      pages.push({ offset: offset - from, page: index + 1 });
  });
  return { headingPath, text, pages };
}

/**
 * A block holding nothing but its own heading, perhaps with its label ("Part I" above a part
 * title before the first chapter): it adds nothing to the outline entry.
 */
function isOnlyHeading(text: string, headingPath: string[]): boolean {
  const title = headingPath.at(-1);
  if (!title) return false;
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const rest = letters(text).replace(letters(title), '');
  return /^(?:part|chapter|section|appendix|unit|lesson|lecture|module|book)?(?:\d+|[ivxlc]+)?$/.test(
    rest,
  );
}

/** Whether the first pages draw images: text-less pages that do are scans. */
async function hasImages(doc: PDFDocumentProxy): Promise<boolean> {
  const imageOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
  ]);
  for (let number = 1; number <= Math.min(doc.numPages, 5); number++) {
    const page = await doc.getPage(number);
    try {
      const { fnArray } = await page.getOperatorList();
      if (fnArray.some((op) => imageOps.has(op))) return true;
    } finally {
      page.cleanup();
    }
  }
  return false;
}
