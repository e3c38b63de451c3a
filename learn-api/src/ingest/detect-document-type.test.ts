import { describe, expect, it } from 'vitest';
import { detectDocumentType } from './detect-document-type.js';
import { UnreadableDocumentError } from './extracted-document.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectDocumentType', () => {
  it('knows a PDF by its header, whatever it is called', () => {
    const bytes = utf8('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    expect(detectDocumentType({ bytes, fileName: 'notes.txt', contentType: 'text/plain' })).toEqual(
      {
        type: 'pdf',
      },
    );
  });

  it('tells HTML, Markdown and plain text apart by declared type, file name and content', () => {
    const html = utf8('<!DOCTYPE html><html><body><p>Hi</p></body></html>');
    expect(detectDocumentType({ bytes: html, fileName: 'page', contentType: null }).type).toBe(
      'html',
    );
    expect(
      detectDocumentType({ bytes: utf8('<p>Hi</p>'), contentType: 'text/html; charset=utf-8' })
        .type,
    ).toBe('html');
    expect(detectDocumentType({ bytes: utf8('# Hi'), fileName: 'README.md' }).type).toBe(
      'markdown',
    );
    expect(detectDocumentType({ bytes: utf8('# Hi'), contentType: 'text/markdown' }).type).toBe(
      'markdown',
    );
    expect(detectDocumentType({ bytes: utf8('Hi there.'), fileName: 'notes.txt' })).toEqual({
      type: 'text',
      text: 'Hi there.',
    });
  });

  it('decodes UTF-8 (dropping its byte-order mark), UTF-16 with a byte-order mark and Windows-1252', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café')]);
    expect(detectDocumentType({ bytes: withBom })).toEqual({ type: 'text', text: 'Café' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Naïve', 'utf16le')]);
    expect(detectDocumentType({ bytes: utf16 })).toEqual({ type: 'text', text: 'Naïve' });
    const latin = new Uint8Array([...utf8('caf'), 0xe9, 0x20, 0x93, ...utf8('quoted'), 0x94]);
    expect(detectDocumentType({ bytes: latin })).toEqual({ type: 'text', text: 'café “quoted”' });
  });

  it('refuses an empty file', () => {
    expect(() => detectDocumentType({ bytes: new Uint8Array() })).toThrow(/empty/);
  });

  it('refuses a known unsupported format by name and lists the accepted ones', () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const attempt = () => detectDocumentType({ bytes: docx, fileName: 'essay.docx' });
    expect(attempt).toThrow(UnreadableDocumentError);
    expect(attempt).toThrow(
      'This file is a Word document (.docx), which cannot be ingested. Upload a PDF, HTML, Markdown or plain text file.',
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(() => detectDocumentType({ bytes: png, fileName: 'scan.pdf' })).toThrow(/a PNG image/);
    expect(() => detectDocumentType({ bytes: utf8('<?xml version="1.0"?><feed/>') })).toThrow(
      /an XML file/,
    );
  });

  it('refuses binary junk, saying so when it was sent as a PDF', () => {
    const junk = new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256));
    expect(() => detectDocumentType({ bytes: junk, fileName: 'data.bin' })).toThrow(
      'This file is binary data that is not text, which cannot be ingested. Upload a PDF, HTML, Markdown or plain text file.',
    );
    expect(() => detectDocumentType({ bytes: junk, contentType: 'application/pdf' })).toThrow(
      /declared a PDF but is not one/,
    );
  });
});
