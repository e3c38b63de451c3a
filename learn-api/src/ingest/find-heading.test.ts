import { describe, expect, it } from 'vitest';
import { findHeading } from './find-heading.js';

const find = (text: string, title: string, lineStarts: number[] = [], from = 0) =>
  findHeading({ text, title, from, to: text.length, lineStarts: new Set(lineStarts) });

describe('findHeading', () => {
  it('matches across differences of case, spacing, line breaks, punctuation and ligatures', () => {
    const text = 'intro text.\n\n3.2  THE ﬁrst-\nFIT   Heuristic\n\nbody';
    expect(find(text, '3.2 The first fit heuristic')).toBe(text.indexOf('3.2'));
  });

  it('prefers a match at the start of a line over one inside a sentence', () => {
    const text = 'We discuss hashing below. Hashing maps keys to slots.';
    const heading = text.indexOf('Hashing maps');
    expect(find(text, 'Hashing', [0, heading])).toBe(heading);
    expect(find(text, 'Hashing', [0])).toBe(text.indexOf('hashing below'));
  });

  it('counts opening punctuation before a title as the start of its line', () => {
    const text = 'Some words. “Quoted” title here';
    expect(find(text, 'Quoted title', [text.indexOf('“')])).toBe(text.indexOf('Quoted'));
  });

  it('tries the title without its number when the page prints none', () => {
    const text = 'Graph Colouring\n\nFour colours suffice.';
    expect(find(text, '7.3 Graph colouring')).toBe(0);
    expect(find(text, 'Chapter 7 Graph colouring')).toBe(0);
    expect(find(text, 'IV Graph colouring')).toBe(0);
  });

  it('searches only the given range and returns null when the title is absent', () => {
    const text = 'Heaps\n\nA heap. Heaps again.';
    expect(find(text, 'Heaps', [0], 1)).toBe(text.indexOf('Heaps again'));
    expect(find(text, 'Tries')).toBeNull();
  });
});
