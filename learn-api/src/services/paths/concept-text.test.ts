import { describe, expect, it } from 'vitest';
import { excerptAbout, indexOfWords, nameKey, wordsOf } from './concept-text.js';

describe('concept names', () => {
  it('treats case, plurals, possessives, punctuation and articles as the same name', () => {
    expect(nameKey('Graphs')).toBe(nameKey('graph'));
    expect(nameKey("Dijkstra's algorithm")).toBe(nameKey('Dijkstra algorithm'));
    expect(nameKey('The call stack')).toBe(nameKey('call stack'));
    expect(nameKey('Binary search trees')).toBe('binary search tree');
    expect(nameKey('Processes')).toBe(nameKey('process'));
    expect(nameKey('Queries')).toBe(nameKey('query'));
  });

  it('keeps words whose final s is not a plural', () => {
    expect(wordsOf('analysis status class')).toEqual(['analysis', 'status', 'class']);
  });

  it('finds a name in text word by word, not inside longer words', () => {
    const text = wordsOf('Each call pushes a frame on the call stack.');
    expect(indexOfWords(text, ['call', 'stack'])).toBe(7);
    expect(indexOfWords(wordsOf('stacks of calls'), ['call', 'stack'])).toBe(-1);
    expect(indexOfWords(wordsOf('recall'), ['call'])).toBe(-1);
  });
});

describe('the excerpt that introduces a concept', () => {
  const text =
    'Graphs model pairs of related things. A queue holds the vertices still to visit.\n' +
    'Breadth-first search visits vertices in order of distance. It uses the queue to do so. ' +
    'Depth-first search goes deep first.';

  it('starts at the first sentence that names the concept', () => {
    expect(excerptAbout(text, 'breadth-first search', 120)).toBe(
      'Breadth-first search visits vertices in order of distance. It uses the queue to do so.',
    );
  });

  it('starts at the beginning when the concept is not named', () => {
    expect(excerptAbout(text, 'Trees', 60)).toBe('Graphs model pairs of related things.');
  });

  it('cuts a sentence longer than the limit at a word, marked with an ellipsis', () => {
    expect(excerptAbout('one two three four five six seven.', 'one', 14)).toBe('one two three…');
  });
});
