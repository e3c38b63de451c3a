import { describe, expect, it } from 'vitest';
import { hasControlCharacters } from './control-characters';

describe('control characters in names', () => {
  it('finds tabs, newlines, NUL and DEL', () => {
    for (const name of ['a\tb', 'line\n', '\u0000x', 'x\u007f']) {
      expect(hasControlCharacters(name)).toBe(true);
    }
  });

  it('accepts ordinary and non-Latin text', () => {
    expect(hasControlCharacters('Week 1/Notes – ÜberSicht 日本')).toBe(false);
  });
});
