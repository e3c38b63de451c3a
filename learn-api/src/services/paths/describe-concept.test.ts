import { describe, expect, it } from 'vitest';
import { describeConcept } from './describe-concept.js';
import type { PickedConcept } from './pick-concepts.js';

const concept: PickedConcept = {
  name: 'Base case',
  key: 'base case',
  aliases: ['StoppingCase'],
  fromHeading: true,
  weight: 3,
  offset: -1,
  chunk: {
    id: '7d0d2c55-4b0e-4a43-9f35-2a4e0f5e3c11',
    documentId: '0b8f1a3e-2a6f-4a0e-8d8e-3f4f5b6c7d8e',
    documentTitle: 'Thinking [recursively]',
    documentRank: 0,
    ordinal: 3,
    text: "Every recursion needs a base case. Don't write '''bold''' or }}} here.",
    headingPath: ['Recursion', 'Base case'],
    keyTerms: [],
    pageStart: 4,
    pageEnd: 5,
    relevance: 1,
  },
};

describe('a concept ticket’s description', () => {
  it('links the document and names the section and pages', () => {
    expect(describeConcept(concept).split('\n')[0]).toBe(
      "From [/learning/documents/0b8f1a3e-2a6f-4a0e-8d8e-3f4f5b6c7d8e#chunk-7d0d2c55-4b0e-4a43-9f35-2a4e0f5e3c11 Thinking recursively], section ''Recursion › Base case'', pages 4–5:",
    );
  });

  it('quotes the passage verbatim in a block the wiki does not format', () => {
    const description = describeConcept(concept);
    expect(description).toContain(
      "{{{\nEvery recursion needs a base case. Don't write '''bold''' or } } } here.\n}}}",
    );
    expect(description.match(/}}}/g)).toHaveLength(1);
  });

  it('lists the other names of the concept without making wiki links of them', () => {
    expect(describeConcept(concept)).toMatch(/Also called: !StoppingCase\.$/);
  });
});
