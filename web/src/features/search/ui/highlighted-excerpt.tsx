import { splitHighlights } from '../split-highlights';

/** A hit's excerpt with its matches marked; the text is never parsed as HTML. */
export function HighlightedExcerpt({ excerpt }: { excerpt: string }) {
  return (
    <>
      {splitHighlights(excerpt).map((part, index) =>
        part.highlighted ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <mark key={index}>{part.text}</mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
