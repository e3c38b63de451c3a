import { describe, expect, it } from 'vitest';
import type { GraphConcept } from './graph-concept';
import { layoutGraph, nextNodeInDirection, wrapLabel } from './layout-graph';

function concept(ticketId: number, sequence: number, prerequisites: number[] = []): GraphConcept {
  return {
    ticketId,
    concept: `Concept ${ticketId}`,
    sequence,
    prerequisites,
    href: `/c/${ticketId}`,
  };
}

describe('layoutGraph', () => {
  // 1 -> 2 -> 4, 1 -> 3 -> 4
  const diamond = [concept(1, 1), concept(2, 2, [1]), concept(3, 3, [1]), concept(4, 4, [2, 3])];

  it('puts every prerequisite above the concepts that need it', () => {
    const layout = layoutGraph(diamond);
    const y = new Map(layout.nodes.map((node) => [node.concept.ticketId, node.y]));
    for (const edge of layout.edges) expect(y.get(edge.from)!).toBeLessThan(y.get(edge.to)!);
    expect(layout.edges).toHaveLength(4);
  });

  it('keeps nodes apart and inside the drawing', () => {
    const layout = layoutGraph(diamond);
    for (const a of layout.nodes) {
      expect(a.x - a.width / 2).toBeGreaterThanOrEqual(0);
      expect(a.y + a.height / 2).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes) {
        if (a === b) continue;
        const overlapX = Math.abs(a.x - b.x) < (a.width + b.width) / 2;
        const overlapY = Math.abs(a.y - b.y) < (a.height + b.height) / 2;
        expect(overlapX && overlapY).toBe(false);
      }
    }
  });

  it('lists nodes in path order whatever order the concepts came in', () => {
    const layout = layoutGraph([...diamond].reverse());
    expect(layout.nodes.map((node) => node.concept.ticketId)).toEqual([1, 2, 3, 4]);
  });

  it('leaves out edges to concepts that are not on the path', () => {
    const layout = layoutGraph([concept(5, 1, [99])]);
    expect(layout.edges).toEqual([]);
    expect(layout.nodes).toHaveLength(1);
  });
});

describe('nextNodeInDirection', () => {
  const layout = layoutGraph([concept(1, 1), concept(2, 2, [1]), concept(3, 3, [1])]);
  const [left, right] = [2, 3].sort(
    (a, b) =>
      layout.nodes.find((n) => n.concept.ticketId === a)!.x -
      layout.nodes.find((n) => n.concept.ticketId === b)!.x,
  ) as [number, number];

  it('moves down from a prerequisite to a concept that needs it and back up', () => {
    const below = nextNodeInDirection(layout.nodes, 1, 'down');
    expect([2, 3]).toContain(below);
    expect(nextNodeInDirection(layout.nodes, below!, 'up')).toBe(1);
  });

  it('moves sideways between concepts on one level and stops at the edge', () => {
    expect(nextNodeInDirection(layout.nodes, left, 'right')).toBe(right);
    expect(nextNodeInDirection(layout.nodes, right, 'left')).toBe(left);
    expect(nextNodeInDirection(layout.nodes, right, 'right')).toBeNull();
    expect(nextNodeInDirection(layout.nodes, 1, 'up')).toBeNull();
  });
});

describe('wrapLabel', () => {
  it('breaks long names at words into at most three lines', () => {
    const lines = wrapLabel(
      'the quick brown fox jumps over the lazy dog and keeps running far away',
    );
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.length <= 22)).toBe(true);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });

  it('cuts a single overlong word', () => {
    expect(wrapLabel('Antidisestablishmentarianism')).toEqual(['Antidisestablishmenta…']);
  });
});
