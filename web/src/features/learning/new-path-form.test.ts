import { describe, expect, it } from 'vitest';
import { newPathFieldOf, parseNewPathForm, sectionValue } from './new-path-form';

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
};
const chunk = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the new path form', () => {
  it('builds a shared path from a search', () => {
    const result = parseNewPathForm(
      form([
        ['title', ' Recursion '],
        ['source', 'query'],
        ['query', 'recursion and the call stack'],
        ['maxConcepts', '8'],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      input: {
        kind: 'shared',
        title: 'Recursion',
        query: 'recursion and the call stack',
        maxConcepts: 8,
      },
    });
  });

  it('builds from the chunks of the chosen sections, each once', () => {
    const result = parseNewPathForm(
      form([
        ['title', 'Stacks'],
        ['subject', 'CS 101'],
        ['source', 'sections'],
        ['query', 'ignored when sections are chosen'],
        ['sections', sectionValue([chunk(1), chunk(2)])],
        ['sections', sectionValue([chunk(2), chunk(3)])],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      input: {
        kind: 'shared',
        title: 'Stacks',
        subject: 'CS 101',
        chunkIds: [chunk(1), chunk(2), chunk(3)],
        maxConcepts: 12,
      },
    });
  });

  it('names each missing or wrong field', () => {
    expect(parseNewPathForm(form([['source', 'sections']]))).toEqual({
      ok: false,
      fieldErrors: { title: 'Give the path a title', sections: 'Choose at least one section' },
    });
    expect(
      parseNewPathForm(
        form([
          ['title', 'T'],
          ['source', 'query'],
          ['query', 'x'],
          ['maxConcepts', '99'],
        ]),
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { query: 'Say what the path should teach', maxConcepts: 'At most 50 concepts' },
    });
    expect(
      parseNewPathForm(
        form([
          ['title', 'T'],
          ['source', 'sections'],
          ['sections', 'not-a-chunk'],
        ]),
      ),
    ).toEqual({ ok: false, fieldErrors: { sections: 'Choose sections from the lists shown' } });
  });

  it('puts learn-api’s complaints next to the form’s own fields', () => {
    expect(newPathFieldOf('chunkIds')).toBe('sections');
    expect(newPathFieldOf('title')).toBe('title');
    expect(newPathFieldOf('documentIds')).toBe('query');
  });
});
