import { describe, expect, it } from 'vitest';
import { describePlace, parseSearchParams } from './search-form';

const doc = '00000000-0000-4000-8000-000000000001';

describe('the search playground’s form', () => {
  it('asks nothing until a query is given, and reads the knobs with their defaults', () => {
    expect(parseSearchParams({})).toBeNull();
    expect(parseSearchParams({ q: ' base case ' })).toEqual({
      ok: true,
      search: { query: 'base case', limit: 10, minScore: 0 },
    });
    expect(parseSearchParams({ q: 'stack', limit: '5', minScore: '0.4', doc: [doc] })).toEqual({
      ok: true,
      search: { query: 'stack', limit: 5, minScore: 0.4, documentIds: [doc] },
    });
  });

  it('names the field that is wrong', () => {
    expect(parseSearchParams({ q: 'x', limit: '500', minScore: 'high', doc: 'nope' })).toEqual({
      ok: false,
      fieldErrors: {
        q: 'Type at least two characters',
        limit: 'From 1 to 100',
        minScore: 'A number from 0 to 1',
        doc: 'Choose documents from the list',
      },
    });
  });

  it('says where a passage sits: its headings and pages', () => {
    expect(
      describePlace({ headingPath: ['Recursion', 'Base case'], pageStart: 4, pageEnd: 5 }),
    ).toBe('Recursion › Base case, pp. 4–5');
    expect(describePlace({ headingPath: ['Intro'], pageStart: 1, pageEnd: 1 })).toBe('Intro, p. 1');
    expect(describePlace({ headingPath: [], pageStart: null, pageEnd: null })).toBe(
      'Start of the document',
    );
  });
});
