export interface FindHeadingOptions {
  text: string;
  title: string;
  /** The search covers `text` from `from` up to `to`. */
  from: number;
  to: number;
  /** Offsets where lines begin: a heading is drawn at the start of its line. */
  lineStarts: ReadonlySet<number>;
}

/**
 * Where a section's title appears in the text, matched on letters and digits alone (case,
 * spacing, line breaks and punctuation differ between an outline and the page). A match at the
 * start of a line wins over one inside a sentence; a title without its number ("2.1", "Part
 * II") is tried when the full title is not there. Null when the title is not found.
 */
export function findHeading({
  text,
  title,
  from,
  to,
  lineStarts,
}: FindHeadingOptions): number | null {
  const haystack = normalise(text, from, to);
  for (const candidate of [title, withoutNumbering(title)]) {
    const needle = normalise(candidate, 0, candidate.length).chars;
    if (needle === '') continue;
    let first: number | null = null;
    for (
      let at = haystack.chars.indexOf(needle);
      at !== -1;
      at = haystack.chars.indexOf(needle, at + 1)
    ) {
      const offset = haystack.offsets[at]!;
      if (startsLine(text, offset, from, lineStarts)) return offset;
      first ??= offset;
    }
    if (first !== null) return first;
  }
  return null;
}

/** Lower-case letters and digits of `text[from, to)`, with the offset each came from. */
function normalise(text: string, from: number, to: number): { chars: string; offsets: number[] } {
  let chars = '';
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    // Compatibility forms spell ligatures ("ﬁ") and full-width letters as plain ones.
    for (const c of text[i]!.normalize('NFKC').toLowerCase()) {
      if (/[\p{L}\p{N}]/u.test(c)) {
        chars += c;
        offsets.push(i);
      }
    }
  }
  return { chars, offsets };
}

function startsLine(text: string, offset: number, from: number, lineStarts: ReadonlySet<number>) {
  let start = offset;
  // Opening punctuation or a bullet before the title still counts as the line's start.
  while (start > from && !/[\p{L}\p{N}\n]/u.test(text[start - 1]!) && !lineStarts.has(start))
    start--;
  return start === 0 || text[start - 1] === '\n' || lineStarts.has(start);
}

function withoutNumbering(title: string): string {
  return title.replace(
    /^(?:(?:Chapter|CHAPTER|Part|PART|Section|SECTION|Appendix|APPENDIX)\s+)?(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Z](?=[.)]))[.:)]?\s+/,
    '',
  );
}
