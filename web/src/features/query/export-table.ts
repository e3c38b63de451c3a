/** A table as exports see it: column names and the rows' cells, already formatted as text. */
export interface ExportTable {
  columns: string[];
  rows: string[][];
}

export type TableFormat = 'csv' | 'tab';

const BOM = '\uFEFF';

function csvCell(value: string, delimiter: string): string {
  // Quote what would otherwise split a cell or a row; double the quotes inside.
  if (value.includes(delimiter) || /["\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/**
 * CSV or tab-separated text as Trac writes it: a UTF-8 byte order mark (so spreadsheet programs
 * read the encoding right), a header row, CRLF line ends, and quoting where a cell needs it.
 */
export function formatTable(table: ExportTable, format: TableFormat): string {
  return `${BOM}${formatTableLines([table.columns, ...table.rows], format)}`;
}

/** Rows as CSV or tab-separated lines, each ended by CRLF: what a streamed export writes. */
export function formatTableLines(rows: readonly string[][], format: TableFormat): string {
  const delimiter = format === 'csv' ? ',' : '\t';
  return rows
    .map((cells) => `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}\r\n`)
    .join('');
}

/** What a table export starts with, so spreadsheet programs read it as UTF-8. */
export const TABLE_BOM = BOM;

/** Trac's content types for its table exports. */
export function tableContentType(format: TableFormat): string {
  return format === 'csv' ? 'text/csv;charset=utf-8' : 'text/tab-separated-values;charset=utf-8';
}

export interface RssItem {
  title: string;
  link: string;
  description?: string;
  author?: string | null;
  category?: string | null;
  pubDate?: Date | null;
}

/** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
function dropControlCharacters(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) out += char;
  }
  return out;
}

function xml(text: string): string {
  return dropControlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An RSS 2.0 channel with one item per result; every text is escaped. */
export function formatRss(channel: {
  title: string;
  link: string;
  description: string;
  items: RssItem[];
}): string {
  const items = channel.items.map((item) => {
    const parts = [
      `<title>${xml(item.title)}</title>`,
      `<link>${xml(item.link)}</link>`,
      `<guid isPermaLink="true">${xml(item.link)}</guid>`,
    ];
    if (item.description) parts.push(`<description>${xml(item.description)}</description>`);
    if (item.author) parts.push(`<author>${xml(item.author)}</author>`);
    if (item.category) parts.push(`<category>${xml(item.category)}</category>`);
    if (item.pubDate) parts.push(`<pubDate>${item.pubDate.toUTCString()}</pubDate>`);
    return `    <item>\n      ${parts.join('\n      ')}\n    </item>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${xml(channel.title)}</title>`,
    `    <link>${xml(channel.link)}</link>`,
    `    <description>${xml(channel.description)}</description>`,
    '    <generator>LearnTrac</generator>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

export const RSS_CONTENT_TYPE = 'application/rss+xml;charset=utf-8';
