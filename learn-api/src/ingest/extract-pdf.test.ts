import { describe, expect, it } from 'vitest';
import { addOutlineItem, writePdf, writePng } from '../test-support/write-pdf.js';
import { extractPdf } from './extract-pdf.js';
import { UnreadableDocumentError } from './extracted-document.js';

/** Draws lines of text at top-left coordinates, as a typesetter would place them. */
function lines(doc: PDFKit.PDFDocument, size: number, top: number, texts: string[], leading = 14) {
  doc.fontSize(size);
  texts.forEach((text, i) => {
    doc.text(text, 72, top + i * leading, { lineBreak: false });
  });
}

function runningHead(doc: PDFKit.PDFDocument, page: number) {
  lines(doc, 9, 30, ['Graph Algorithms Handbook']);
  lines(doc, 9, 750, [`Page ${page}`]);
}

/** Three pages, two chapters, a section starting mid-page, running heads and page numbers. */
function writeHandbook(): Promise<Uint8Array> {
  return writePdf({ info: { Title: 'Graph Algorithms Handbook' } }, (doc) => {
    runningHead(doc, 1);
    lines(doc, 18, 90, ['Chapter 1 Shortest Paths']);
    lines(doc, 11, 130, [
      'A shortest path between two vertices is a path whose total weight is mini-',
      'mal among all paths that connect them. Road maps and network routing are',
      'the classic uses.',
    ]);
    lines(doc, 11, 190, ['Negative edge weights need special care, which the']);

    doc.addPage();
    runningHead(doc, 2);
    lines(doc, 11, 90, [
      'later sections explain. Breadth-first search already finds shortest paths',
      'when every edge weighs the same.',
    ]);
    lines(doc, 14, 160, ["1.2 Dijkstra's algorithm"]);
    lines(doc, 11, 190, [
      "Dijkstra's algorithm grows a tree of settled vertices from the source,",
      'always settling the closest vertex next.',
    ]);

    doc.addPage();
    runningHead(doc, 3);
    lines(doc, 18, 90, ['Chapter 2 Spanning Trees']);
    lines(doc, 11, 130, [
      'A minimum spanning tree connects every vertex at the least total weight.',
    ]);

    // Chapters point at their whole page, the section at the top of its page.
    const chapter1 = addOutlineItem(doc.outline, 'Chapter 1 Shortest Paths', {
      pageNumber: 0,
      fit: true,
    });
    addOutlineItem(chapter1, "1.2 Dijkstra's algorithm", { pageNumber: 1, fit: false, top: 0 });
    addOutlineItem(doc.outline, 'Chapter 2 Spanning Trees', { pageNumber: 2, fit: true });
  });
}

describe('extractPdf', () => {
  it('reads the title, page count and outline with the page each entry points to', async () => {
    const document = await extractPdf({ bytes: await writeHandbook() });
    expect(document.title).toBe('Graph Algorithms Handbook');
    expect(document.pageCount).toBe(3);
    expect(document.outline).toEqual([
      {
        title: 'Chapter 1 Shortest Paths',
        level: 1,
        page: 1,
        children: [{ title: "1.2 Dijkstra's algorithm", level: 2, page: 2, children: [] }],
      },
      { title: 'Chapter 2 Spanning Trees', level: 1, page: 3, children: [] },
    ]);
  });

  it('cuts blocks exactly where each outline entry’s title is printed, even mid-page', async () => {
    const { blocks } = await extractPdf({ bytes: await writeHandbook() });
    expect(blocks.map((block) => block.headingPath)).toEqual([
      ['Chapter 1 Shortest Paths'],
      ['Chapter 1 Shortest Paths', "1.2 Dijkstra's algorithm"],
      ['Chapter 2 Spanning Trees'],
    ]);
    expect(blocks[0]!.text).toMatch(/^Chapter 1 Shortest Paths\n\nA shortest path/);
    expect(blocks[0]!.text).toMatch(/when every edge weighs the same\.$/);
    expect(blocks[1]!.text).toBe(
      "1.2 Dijkstra's algorithm\n\nDijkstra's algorithm grows a tree of settled vertices from the source, always settling the closest vertex next.",
    );
    expect(blocks[1]!.pages).toEqual([{ offset: 0, page: 2 }]);
  });

  it('joins lines into paragraphs, mends words hyphenated at a line end and sentences split by a page break', async () => {
    const { blocks } = await extractPdf({ bytes: await writeHandbook() });
    const text = blocks[0]!.text;
    expect(text).toContain(
      'a path whose total weight is minimal among all paths that connect them. Road maps and network routing are the classic uses.\n\nNegative edge weights',
    );
    expect(text).toContain('need special care, which the later sections explain.');
    // A hyphen inside a line is part of the word.
    expect(text).toContain('Breadth-first search');
    expect(blocks[0]!.pages).toEqual([
      { offset: 0, page: 1 },
      { offset: text.indexOf('later sections'), page: 2 },
    ]);
  });

  it('drops running heads and page numbers that repeat on the pages', async () => {
    const { blocks } = await extractPdf({ bytes: await writeHandbook() });
    const all = blocks.map((block) => block.text).join('\n');
    expect(all).not.toContain('Graph Algorithms Handbook');
    expect(all).not.toMatch(/Page \d/);
  });

  it('finds a title below its destination when the same words start an earlier line', async () => {
    const bytes = await writePdf({}, (doc) => {
      lines(doc, 18, 90, ['Chapter 3 Techniques']);
      lines(doc, 11, 130, [
        'Relaxation is used by both algorithms in this chapter.',
        'It is described in the next section.',
      ]);
      lines(doc, 14, 250, ['Relaxation']);
      lines(doc, 11, 280, ['To relax an edge is to shorten the known distance to its head.']);
      const chapter = addOutlineItem(doc.outline, 'Chapter 3 Techniques', {
        pageNumber: 0,
        fit: true,
      });
      addOutlineItem(chapter, 'Relaxation', { pageNumber: 0, fit: false, top: 245 });
    });
    const { blocks } = await extractPdf({ bytes });
    expect(blocks.map((block) => block.text)).toEqual([
      'Chapter 3 Techniques\n\nRelaxation is used by both algorithms in this chapter. It is described in the next section.',
      'Relaxation\n\nTo relax an edge is to shorten the known distance to its head.',
    ]);
  });

  it('starts a section at the top of its page when its title is not printed there', async () => {
    const bytes = await writePdf({}, (doc) => {
      lines(doc, 11, 90, ['Graphs model pairwise relations between objects.']);
      doc.addPage();
      lines(doc, 11, 90, ['Try these problems after each chapter.']);
      addOutlineItem(doc.outline, 'Overview', { pageNumber: 0, fit: true });
      addOutlineItem(doc.outline, 'Appendix: Exercises', { pageNumber: 1, fit: true });
    });
    const { blocks } = await extractPdf({ bytes });
    expect(blocks).toEqual([
      {
        headingPath: ['Overview'],
        text: 'Graphs model pairwise relations between objects.',
        pages: [{ offset: 0, page: 1 }],
      },
      {
        headingPath: ['Appendix: Exercises'],
        text: 'Try these problems after each chapter.',
        pages: [{ offset: 0, page: 2 }],
      },
    ]);
  });

  it('makes one block per page when the PDF has no outline, without page numbers', async () => {
    const bytes = await writePdf({}, (doc) => {
      lines(doc, 11, 90, ['The first page talks about vertices.']);
      lines(doc, 9, 750, ['i']);
      doc.addPage();
      lines(doc, 11, 90, ['The second page talks about edges.']);
      lines(doc, 9, 750, ['- ii -']);
    });
    const document = await extractPdf({ bytes });
    expect(document.title).toBeNull();
    expect(document.outline).toEqual([]);
    expect(document.blocks).toEqual([
      {
        headingPath: [],
        text: 'The first page talks about vertices.',
        pages: [{ offset: 0, page: 1 }],
      },
      {
        headingPath: [],
        text: 'The second page talks about edges.',
        pages: [{ offset: 0, page: 2 }],
      },
    ]);
  });

  it('reads a PDF that only an owner password restricts', async () => {
    const bytes = await writePdf(
      { ownerPassword: 'owner', permissions: { copying: false } },
      (doc) => {
        lines(doc, 11, 90, ['Readable without a password.']);
      },
    );
    const { blocks } = await extractPdf({ bytes });
    expect(blocks.map((block) => block.text)).toEqual(['Readable without a password.']);
  });

  it('refuses a PDF that needs a password to open', async () => {
    const bytes = await writePdf({ userPassword: 'secret', ownerPassword: 'owner' }, (doc) => {
      lines(doc, 11, 90, ['Hidden text.']);
    });
    const failure = extractPdf({ bytes });
    await expect(failure).rejects.toBeInstanceOf(UnreadableDocumentError);
    await expect(failure).rejects.toThrow(/protected by a password/);
  });

  it('refuses a scanned PDF, saying to run OCR first', async () => {
    const bytes = await writePdf({}, (doc) => {
      doc.image(writePng(64, 64), 72, 72, { width: 400 });
    });
    await expect(extractPdf({ bytes })).rejects.toThrow(/scanned images only: run OCR first/);
  });

  it('refuses a damaged PDF', async () => {
    const good = await writeHandbook();
    for (const bytes of [
      good.subarray(0, Math.floor(good.length / 3)),
      new Uint8Array([
        ...Buffer.from('%PDF-1.7\n'),
        ...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256),
      ]),
    ]) {
      await expect(extractPdf({ bytes })).rejects.toThrow(/damaged and cannot be read/);
    }
  });

  it('returns no blocks for pages that draw neither text nor images', async () => {
    const bytes = await writePdf({}, (doc) => {
      doc.moveTo(72, 72).lineTo(300, 300).stroke();
    });
    const document = await extractPdf({ bytes });
    expect(document.pageCount).toBe(1);
    expect(document.blocks).toEqual([]);
  });
});
