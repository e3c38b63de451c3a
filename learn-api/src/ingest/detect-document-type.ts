import { extname } from 'node:path';
import { UnreadableDocumentError } from './extracted-document.js';

export type DocumentType = 'pdf' | 'html' | 'markdown' | 'text';

/** A PDF stays bytes for the PDF reader; every other accepted type is decoded to text here. */
export type DetectedDocument =
  | { type: 'pdf' }
  | { type: 'html' | 'markdown' | 'text'; text: string };

export interface DetectDocumentTypeOptions {
  bytes: Uint8Array;
  fileName?: string | null;
  contentType?: string | null;
}

const ACCEPTED = 'Upload a PDF, HTML, Markdown or plain text file.';

/** Formats people commonly upload that are not accepted, recognised by their first bytes. */
const REFUSED_SIGNATURES: { name: string; offset: number; bytes: number[] }[] = [
  { name: 'a PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a WebP image', offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  { name: 'an audio or video file', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
  { name: 'an MP3 audio file', offset: 0, bytes: [0x49, 0x44, 0x33] },
  {
    name: 'a legacy Microsoft Office document (.doc, .xls or .ppt)',
    offset: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
  },
  { name: 'an RTF document', offset: 0, bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
  { name: 'a PostScript file', offset: 0, bytes: [0x25, 0x21, 0x50, 0x53] },
  { name: 'a gzip archive', offset: 0, bytes: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'a RAR archive', offset: 0, bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'a program (ELF executable)', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a program (Windows executable)', offset: 0, bytes: [0x4d, 0x5a] },
];

/** Zip containers are named by their extension, since Office files, EPUBs and archives share it. */
const ZIP_KINDS: Record<string, string> = {
  '.docx': 'a Word document (.docx)',
  '.xlsx': 'an Excel workbook (.xlsx)',
  '.pptx': 'a PowerPoint presentation (.pptx)',
  '.odt': 'an OpenDocument text (.odt)',
  '.epub': 'an EPUB book (.epub)',
};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const MARKDOWN_TYPES = new Set(['text/markdown', 'text/x-markdown']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn']);

/**
 * Decides how to read an upload. The bytes win over the declared type and the file name,
 * which only choose between the text formats (or name what a refused file seems to be).
 */
export function detectDocumentType({
  bytes,
  fileName,
  contentType,
}: DetectDocumentTypeOptions): DetectedDocument {
  if (bytes.length === 0) {
    throw new UnreadableDocumentError('The file is empty: there is nothing to read.');
  }
  const extension = fileName ? extname(fileName).toLowerCase() : '';
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();

  if (startsWithPdfHeader(bytes)) return { type: 'pdf' };
  if (startsWith(bytes, 0, [0x50, 0x4b, 0x03, 0x04])) {
    throw unsupported(ZIP_KINDS[extension] ?? 'a zip archive');
  }
  const refused = REFUSED_SIGNATURES.find((s) => startsWith(bytes, s.offset, s.bytes));
  if (refused) throw unsupported(refused.name);

  const text = decodeText(bytes);
  if (text === null) {
    if (mediaType === 'application/pdf' || extension === '.pdf') {
      throw new UnreadableDocumentError(
        'The file is named or declared a PDF but is not one (it has no PDF header): it is damaged or of another kind.',
      );
    }
    throw unsupported('binary data that is not text');
  }

  if (HTML_TYPES.has(mediaType) || HTML_EXTENSIONS.has(extension)) return { type: 'html', text };
  if (MARKDOWN_TYPES.has(mediaType) || MARKDOWN_EXTENSIONS.has(extension)) {
    return { type: 'markdown', text };
  }
  const opening = text.trimStart().slice(0, 512).toLowerCase();
  if (/^(<!doctype html|<html[\s>])/.test(opening)) return { type: 'html', text };
  if (/^<\?xml[^>]*>\s*(<!doctype html|<html[\s>])/.test(opening)) return { type: 'html', text };
  if (opening.startsWith('<?xml') || opening.startsWith('<svg')) throw unsupported('an XML file');
  return { type: 'text', text };
}

function unsupported(kind: string): UnreadableDocumentError {
  return new UnreadableDocumentError(`This file is ${kind}, which cannot be ingested. ${ACCEPTED}`);
}

function startsWith(bytes: Uint8Array, offset: number, signature: number[]): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

// Readers accept a PDF header anywhere in the first kilobyte (some writers put junk first).
function startsWithPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  return head.indexOf('%PDF-', 0, 'latin1') !== -1;
}

/**
 * Text as UTF-8 (or UTF-16 with its byte-order mark); failing that, Windows-1252, the usual
 * encoding of older Western text files. Null when the bytes hold control characters that no
 * text file has: that is binary data, whatever its name says.
 */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (startsWith(bytes, 0, [0xff, 0xfe])) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (startsWith(bytes, 0, [0xfe, 0xff])) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  return looksLikeText(text) ? text : null;
}

/** Windows-1252's characters for the bytes 0x80-0x9F; the five it leaves unassigned stay controls. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// Node's TextDecoder reads "windows-1252" as Latin-1, which differs exactly in 0x80-0x9F.
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function looksLikeText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    // Tab, line feed, form feed, carriage return and escape appear in real text files.
    const allowed = code === 9 || code === 10 || code === 12 || code === 13 || code === 27;
    if ((code < 32 && !allowed) || (code >= 0x7f && code < 0xa0)) controls++;
  }
  return controls <= text.length / 1000;
}
