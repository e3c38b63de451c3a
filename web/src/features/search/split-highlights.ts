import { HIGHLIGHT_END, HIGHLIGHT_START } from '@/core/feature';

export interface ExcerptPart {
  text: string;
  highlighted: boolean;
}

/**
 * An excerpt's text in plain and highlighted parts. The page renders these as text and
 * `<mark>` elements, so the highlight is the only markup a hit can produce.
 */
export function splitHighlights(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let highlighted = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, highlighted });
    text = '';
  };
  for (const char of excerpt) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      flush();
      highlighted = char === HIGHLIGHT_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}
