import type { OutlineEntry, TextBlock } from './extracted-document.js';

/**
 * Collects headings and paragraphs in reading order into an outline and blocks, for formats
 * whose structure is its headings (HTML, Markdown, plain text). Heading levels may skip
 * (h1 then h3): an entry's level is its depth in the outline, not the level it was written at.
 */
export class SectionBuilder {
  readonly outline: OutlineEntry[] = [];
  readonly blocks: TextBlock[] = [];
  private readonly open: { level: number; entry: OutlineEntry }[] = [];
  private paragraphs: string[] = [];

  heading(level: number, title: string): void {
    const clean = title.replace(/\s+/g, ' ').trim();
    if (clean === '') return;
    this.finishBlock();
    while (this.open.length > 0 && this.open.at(-1)!.level >= level) this.open.pop();
    const entry: OutlineEntry = {
      title: clean,
      level: this.open.length + 1,
      page: null,
      children: [],
    };
    (this.open.at(-1)?.entry.children ?? this.outline).push(entry);
    this.open.push({ level, entry });
    // The heading opens its block's text, as it opens the section on the page.
    this.paragraphs.push(clean);
  }

  /** A paragraph, list, table or code block; kept as given apart from surrounding blank lines. */
  paragraph(text: string): void {
    const trimmed = text.replace(/^\s*\n/, '').trimEnd();
    if (trimmed.trim() !== '') this.paragraphs.push(trimmed);
  }

  finish(): { outline: OutlineEntry[]; blocks: TextBlock[] } {
    this.finishBlock();
    return { outline: this.outline, blocks: this.blocks };
  }

  private finishBlock(): void {
    const headingPath = this.open.map((section) => section.entry.title);
    const onlyHeading = headingPath.length > 0 && this.paragraphs.length === 1;
    if (this.paragraphs.length > 0 && !onlyHeading) {
      this.blocks.push({ headingPath, text: this.paragraphs.join('\n\n'), pages: [] });
    }
    this.paragraphs = [];
  }
}
