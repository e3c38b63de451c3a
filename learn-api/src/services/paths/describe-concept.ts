import { excerptAbout } from './concept-text.js';
import type { PickedConcept } from './pick-concepts.js';

/** Where the web app shows a document; the fragment names the chunk the excerpt comes from. */
export const documentLink = (documentId: string, chunkId: string) =>
  `/learning/documents/${documentId}#chunk-${chunkId}`;

function pagesOf({ pageStart, pageEnd }: { pageStart: number | null; pageEnd: number | null }) {
  if (pageStart === null) return '';
  if (pageEnd === null || pageEnd === pageStart) return `, page ${pageStart}`;
  return `, pages ${pageStart}–${pageEnd}`;
}

/** Plain words for the wiki: no emphasis marks, no CamelCase words turned into page links. */
const asPlainWords = (text: string) =>
  text.replace(/'{2,}/g, "'").replace(/\b([A-Z][a-z]+[A-Z]\w*)/g, '!$1');

/**
 * The concept ticket's description in WikiFormatting: where the concept comes from (a link
 * to the document and section) and the passage that introduces it, kept verbatim in a
 * preformatted block so the material's own punctuation is never read as wiki markup.
 */
export function describeConcept(concept: PickedConcept): string {
  const { chunk } = concept;
  const title = chunk.documentTitle.replace(/[[\]]/g, '').trim() || 'the material';
  const section = chunk.headingPath.map(asPlainWords).join(' › ');
  const place = `From [${documentLink(chunk.documentId, chunk.id)} ${title}]${
    section ? `, section ''${section}''` : ''
  }${pagesOf(chunk)}:`;
  const excerpt = excerptAbout(chunk.text, concept.name)
    .replaceAll('}}}', '} } }')
    // A first line starting with #! would be read as the block's processor.
    .replace(/^#!/, ' #!');
  const aliases =
    concept.aliases.length > 0
      ? `\n\nAlso called: ${concept.aliases.map(asPlainWords).join(', ')}.`
      : '';
  return `${place}\n\n{{{\n${excerpt}\n}}}${aliases}`;
}
