import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractMarkdown } from './extract-markdown.js';

const notes = await readFile(new URL('./fixtures/hash-tables.md', import.meta.url), 'utf8');

describe('extractMarkdown', () => {
  it('takes the title from the front matter, which is not read as text', () => {
    const document = extractMarkdown({ markdown: notes });
    expect(document.title).toBe('Hash Tables, Explained');
    expect(document.blocks.map((block) => block.text).join('\n')).not.toContain('Course staff');
  });

  it('builds the outline from the headings', () => {
    expect(extractMarkdown({ markdown: notes }).outline).toEqual([
      {
        title: 'Hash tables',
        level: 1,
        page: null,
        children: [
          {
            title: 'Collisions',
            level: 2,
            page: null,
            children: [{ title: 'Load factor', level: 3, page: null, children: [] }],
          },
        ],
      },
    ]);
  });

  it('reduces markup to text: lists as bullet lines, code verbatim, tables as rows, raw HTML read', () => {
    expect(extractMarkdown({ markdown: notes }).blocks).toEqual([
      {
        headingPath: ['Hash tables'],
        text: 'Hash tables\n\nA hash table maps keys to values in expected constant time — see the lecture notes for proofs.',
        pages: [],
      },
      {
        headingPath: ['Hash tables', 'Collisions'],
        text: [
          'Collisions',
          'Two keys can hash to the same slot. Common remedies:',
          '• Separate chaining\n  • each slot holds a list\n• Open addressing',
          '1. Hash the key.\n2. Probe until an empty slot.',
          'def slot(key, size):\n    return hash(key) % size',
        ].join('\n\n'),
        pages: [],
      },
      {
        headingPath: ['Hash tables', 'Collisions', 'Load factor'],
        text: [
          'Load factor',
          'Load factor | Average probes\n0.5 | 1.5\n0.9 | 5.5',
          'Resize the table when the load factor passes 0.75.',
          'Why 0.75?',
          'It balances memory against probe length.',
        ].join('\n\n'),
        pages: [],
      },
    ]);
  });

  it('falls back to the first level-one heading for the title', () => {
    const document = extractMarkdown({
      markdown: 'Intro text.\n\n# Graph *colouring*\n\nFour colours suffice.',
    });
    expect(document.title).toBe('Graph colouring');
    expect(document.blocks.map((block) => block.headingPath)).toEqual([[], ['Graph colouring']]);
  });

  it('keeps hard line breaks and joins soft ones', () => {
    const { blocks } = extractMarkdown({
      markdown: 'Roses are red,\nviolets are blue  \nhashes collide\\\nand so do you.',
    });
    expect(blocks[0]!.text).toBe('Roses are red, violets are blue\nhashes collide\nand so do you.');
  });
});
