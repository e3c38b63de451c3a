import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KnowledgeGraph } from './knowledge-graph';

const concepts = [
  {
    ticketId: 7,
    concept: 'Base case',
    sequence: 1,
    prerequisites: [],
    href: '/c/7',
    status: 'mastered' as const,
    score: 0.9,
    locked: false,
  },
  {
    ticketId: 8,
    concept: 'Recursive case',
    sequence: 2,
    prerequisites: [7],
    href: '/c/8',
    status: 'not_started' as const,
    score: 0,
    locked: true,
  },
];

describe('KnowledgeGraph', () => {
  const html = renderToStaticMarkup(<KnowledgeGraph concepts={concepts} label="Recursion graph" />);

  it('makes each concept a link to its page, named with its standing', () => {
    expect(html).toContain('href="/c/7"');
    expect(html).toContain('aria-label="Base case: mastered, 90%"');
    expect(html).toContain('aria-label="Recursive case: locked, 0%"');
  });

  it('marks each node with its status so a change of standing changes its colour', () => {
    expect(html).toMatch(/data-ticket-id="7" data-status="mastered"/);
    expect(html).toMatch(/data-ticket-id="8" data-status="locked"/);
  });

  it('draws the prerequisite edge and a legend', () => {
    expect(html.match(/class="kg-edge"/g)).toHaveLength(1);
    expect(html).toContain('Legend');
    expect(html).toContain('Mastered');
  });

  it('says so when a path has no concepts', () => {
    expect(renderToStaticMarkup(<KnowledgeGraph concepts={[]} label="Empty" />)).toContain(
      'no concepts',
    );
  });
});
