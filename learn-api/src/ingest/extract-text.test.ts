import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text.js';

describe('extractText', () => {
  it('finds underlined headings', () => {
    const document = extractText({
      text: 'Sorting\r\n=======\r\n\r\nSorting puts items in order.\r\n\r\nMerge sort\r\n----------\r\nSplit, sort the halves, merge.\r\n',
    });
    expect(document.title).toBe('Sorting');
    expect(document.outline).toEqual([
      {
        title: 'Sorting',
        level: 1,
        page: null,
        children: [{ title: 'Merge sort', level: 2, page: null, children: [] }],
      },
    ]);
    expect(document.blocks).toEqual([
      { headingPath: ['Sorting'], text: 'Sorting\n\nSorting puts items in order.', pages: [] },
      {
        headingPath: ['Sorting', 'Merge sort'],
        text: 'Merge sort\n\nSplit, sort the halves, merge.',
        pages: [],
      },
    ]);
  });

  it('finds numbered headings standing alone', () => {
    const document = extractText({
      text: [
        'Chapter 1: Graphs',
        'A graph has vertices and edges.',
        '1.1 Paths',
        'A path is a sequence of edges.',
        '1.2 Cycles',
        'A cycle is a path that returns to its start.',
      ].join('\n\n'),
    });
    expect(document.blocks.map((block) => block.headingPath)).toEqual([
      ['Chapter 1: Graphs'],
      ['Chapter 1: Graphs', '1.1 Paths'],
      ['Chapter 1: Graphs', '1.2 Cycles'],
    ]);
  });

  it('does not take a numbered list or numbered sentences for headings', () => {
    const text =
      'Steps:\n\n1. Boil water\n\n2. Add pasta\n\n3. Drain\n\n4 Serve it to guests, with sauce.';
    const document = extractText({ text });
    expect(document.outline).toEqual([]);
    expect(document.title).toBeNull();
    expect(document.blocks).toEqual([
      {
        headingPath: [],
        text: 'Steps:\n\n1. Boil water\n\n2. Add pasta\n\n3. Drain\n\n4 Serve it to guests, with sauce.',
        pages: [],
      },
    ]);
  });

  it('keeps text without headings as one block, line by line', () => {
    const { blocks } = extractText({
      text: '\n\nRoses are red,   \nviolets are blue.\n\n\n\nThe end.\n',
    });
    expect(blocks).toEqual([
      { headingPath: [], text: 'Roses are red,\nviolets are blue.\n\nThe end.', pages: [] },
    ]);
  });
});
