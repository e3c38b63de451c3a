/** What every extractor (PDF, HTML, Markdown, plain text) produces, before chunking. */
export interface ExtractedDocument {
  /** From the file's metadata or first heading; the uploader's title wins when given. */
  title: string | null;
  /** Number of pages for a PDF, null for other formats. */
  pageCount: number | null;
  /** Chapters and sections as a tree, from the PDF outline or the headings. */
  outline: OutlineEntry[];
  /**
   * The text in reading order, cut into blocks that each sit under one heading path. A new
   * block starts at every heading; chunks never cross from one block's section to another.
   */
  blocks: TextBlock[];
}

export interface OutlineEntry {
  title: string;
  level: number;
  /** 1-based page where the section starts (PDF only). */
  page: number | null;
  children: OutlineEntry[];
}

export interface TextBlock {
  /** Titles from the chapter down to the block's own section; empty before the first heading. */
  headingPath: string[];
  text: string;
  /**
   * Where each page's text begins within `text` (PDF only; empty otherwise), in order:
   * `{ offset: 0, page: 12 }, { offset: 840, page: 13 }` means characters from 840 are on page 13.
   */
  pages: { offset: number; page: number }[];
}

/** A chunk ready to embed and store. */
export interface DocumentChunk {
  ordinal: number;
  text: string;
  headingPath: string[];
  pageStart: number | null;
  pageEnd: number | null;
  keyTerms: string[];
  tokenCount: number;
}

/** The material cannot be ingested; the message is for the person who uploaded it. */
export class UnreadableDocumentError extends Error {
  override readonly name = 'UnreadableDocumentError';
}
