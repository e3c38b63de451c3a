import { detectDocumentType } from './detect-document-type.js';
import { extractHtml } from './extract-html.js';
import { extractMarkdown } from './extract-markdown.js';
import { extractPdf } from './extract-pdf.js';
import { extractText } from './extract-text.js';
import { type ExtractedDocument, UnreadableDocumentError } from './extracted-document.js';

export interface ExtractDocumentOptions {
  bytes: Uint8Array;
  fileName?: string | null;
  contentType?: string | null;
}

/**
 * Reads an uploaded file of any accepted type into text blocks under their headings.
 * Throws `UnreadableDocumentError`, with a message for the uploader, when it cannot.
 */
export async function extractDocument({
  bytes,
  fileName,
  contentType,
}: ExtractDocumentOptions): Promise<ExtractedDocument> {
  const detected = detectDocumentType({ bytes, fileName, contentType });
  let document: ExtractedDocument;
  switch (detected.type) {
    case 'pdf':
      document = await extractPdf({ bytes });
      break;
    case 'html':
      document = extractHtml({ html: detected.text });
      break;
    case 'markdown':
      document = extractMarkdown({ markdown: detected.text });
      break;
    case 'text':
      document = extractText({ text: detected.text });
      break;
  }
  if (!document.blocks.some((block) => /[\p{L}\p{N}]/u.test(block.text))) {
    throw new UnreadableDocumentError('The document has no text.');
  }
  return document;
}
