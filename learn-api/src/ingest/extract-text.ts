import type { ExtractedDocument } from './extracted-document.js';
import { SectionBuilder } from './section-builder.js';

export interface ExtractTextOptions {
  text: string;
}

interface Heading {
  level: number;
  title: string;
}

/**
 * Reads plain text, finding headings only where they are unmistakable: a line underlined with
 * `===` or `---`, or a numbered line standing alone ("2.1 Scope", "Chapter 3: Graphs") that is
 * not one of a run of numbered lines (a list). Everything else is paragraphs, kept line by line.
 */
export function extractText({ text }: ExtractTextOptions): ExtractedDocument {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .filter((paragraph) => paragraph.trim() !== '');
  const numbered = paragraphs.map(numberedHeading);
  const sections = new SectionBuilder();
  let title: string | null = null;
  paragraphs.forEach((paragraph, i) => {
    const underlined = underlinedHeading(paragraph);
    const isListItem =
      numbered[i] !== null &&
      (numbered[i - 1]?.level === numbered[i]!.level ||
        numbered[i + 1]?.level === numbered[i]!.level);
    const heading = underlined?.heading ?? (isListItem ? null : numbered[i]);
    if (!heading) {
      sections.paragraph(paragraph);
      return;
    }
    if (i === 0) title = heading.title;
    sections.heading(heading.level, heading.title);
    if (underlined?.rest) sections.paragraph(underlined.rest);
  });
  const { outline, blocks } = sections.finish();
  return { title, pageCount: null, outline, blocks };
}

function underlinedHeading(paragraph: string): { heading: Heading; rest: string } | null {
  const [first, underline, ...rest] = paragraph.split('\n');
  const title = first?.trim() ?? '';
  if (!underline || title === '' || title.length > 120) return null;
  const marks = /^\s*(=+|-+)\s*$/.exec(underline);
  if (!marks || marks[1]!.length < 3) return null;
  return { heading: { level: marks[1]![0] === '=' ? 1 : 2, title }, rest: rest.join('\n') };
}

function numberedHeading(paragraph: string): Heading | null {
  if (paragraph.includes('\n') || paragraph.length > 100) return null;
  const line = paragraph.trim();
  const named = /^(?:chapter|part|appendix)\s+(?:\d+|[IVXLC]+|[A-Z])\b[.:]?(?:\s+\S.*)?$/i.exec(
    line,
  );
  if (named) return { level: 1, title: line };
  const numbered = /^(\d+(?:\.\d+)*)\.?\s+(\p{Lu}.*)$/u.exec(line);
  // A sentence is not a heading: headings do not end in a full stop, comma or colon.
  if (!numbered || /[.,;:]$/.test(line)) return null;
  return { level: numbered[1]!.split('.').length, title: line };
}
