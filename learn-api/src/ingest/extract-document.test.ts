import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../test-support/write-pdf.js';
import { extractDocument } from './extract-document.js';
import { UnreadableDocumentError } from './extracted-document.js';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('extractDocument', () => {
  it('reads a PDF with its pages', async () => {
    const bytes = await writePdf({ info: { Title: 'Queues' } }, (doc) => {
      doc.fontSize(11).text('A queue hands items out in the order they came in.', 72, 90);
    });
    const document = await extractDocument({
      bytes,
      fileName: 'queues.pdf',
      contentType: 'application/pdf',
    });
    expect(document).toMatchObject({ title: 'Queues', pageCount: 1 });
    expect(document.blocks[0]).toEqual({
      headingPath: [],
      text: 'A queue hands items out in the order they came in.',
      pages: [{ offset: 0, page: 1 }],
    });
  });

  it('reads HTML, Markdown and plain text by what they are', async () => {
    const html = await extractDocument({
      bytes: await fixture('graph-search.html'),
      fileName: 'graph-search.html',
    });
    expect(html.title).toBe('Graph Search & Traversal');
    const markdown = await extractDocument({
      bytes: await fixture('hash-tables.md'),
      contentType: 'text/markdown',
    });
    expect(markdown.title).toBe('Hash Tables, Explained');
    const text = await extractDocument({
      bytes: utf8('Stacks\n======\n\nLast in, first out.'),
      fileName: 'stacks.txt',
    });
    expect(text.blocks).toEqual([
      { headingPath: ['Stacks'], text: 'Stacks\n\nLast in, first out.', pages: [] },
    ]);
  });

  it('refuses a document with no text, whatever its type', async () => {
    const blankPdf = await writePdf({}, (doc) => {
      doc.rect(72, 72, 200, 100).stroke();
    });
    const cases = [
      { bytes: blankPdf, fileName: 'blank.pdf' },
      { bytes: utf8('<html><script>run()</script><nav>Home</nav></html>'), fileName: 'empty.html' },
      { bytes: utf8('   \n\n\t  \n'), fileName: 'spaces.txt' },
      { bytes: utf8('---\ntitle: Draft\n---\n\n## \n'), fileName: 'draft.md' },
    ];
    for (const upload of cases) {
      const failure = extractDocument(upload);
      await expect(failure).rejects.toBeInstanceOf(UnreadableDocumentError);
      await expect(failure).rejects.toThrow('The document has no text.');
    }
  });

  it('refuses an empty file and an unsupported type with a reason', async () => {
    await expect(extractDocument({ bytes: new Uint8Array(), fileName: 'x.pdf' })).rejects.toThrow(
      /empty/,
    );
    await expect(
      extractDocument({
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
        fileName: 'photo.jpg',
      }),
    ).rejects.toThrow(/a JPEG image, which cannot be ingested/);
  });
});
