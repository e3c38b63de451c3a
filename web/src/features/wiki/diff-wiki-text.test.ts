import { describe, expect, it } from 'vitest';
import { diffWikiText } from './diff-wiki-text';

describe('diffWikiText', () => {
  const oldText = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
  const newText = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n');

  it('counts added and removed lines and keeps three lines of context around each change', () => {
    const diff = diffWikiText({ oldText, newText });
    expect(diff).toMatchObject({ added: 2, removed: 1 });
    expect(diff.hunks).toHaveLength(1);
    const kinds = diff.hunks[0]!.lines.map((l) => `${l.kind[0]}${l.text}`);
    expect(kinds).toEqual(['sa', 'sb', 'sc', 'rd', 'aD', 'se', 'sf', 'sg', 'sh', 'si', 'sj', 'ak']);
  });

  it('splits far-apart changes into separate hunks', () => {
    const diff = diffWikiText({ oldText, newText, context: 1 });
    expect(diff.hunks.map((h) => [h.oldStart, h.newStart])).toEqual([
      [3, 3],
      [10, 10],
    ]);
  });

  it('pairs a changed line with its replacement for the side-by-side view', () => {
    const diff = diffWikiText({ oldText: 'x\nold\ny', newText: 'x\nnew\ny' });
    expect(diff.hunks[0]!.rows[1]).toEqual({
      kind: 'changed',
      left: { number: 2, text: 'old' },
      right: { number: 2, text: 'new' },
    });
  });

  it('treats Windows line endings as the same text', () => {
    expect(diffWikiText({ oldText: 'a\r\nb', newText: 'a\nb' }).hunks).toEqual([]);
  });
});
