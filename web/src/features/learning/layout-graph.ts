import dagre from '@dagrejs/dagre';
import type { GraphConcept } from './graph-concept';

export interface PlacedNode {
  concept: GraphConcept;
  /** Centre of the node. */
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface PlacedEdge {
  /** The prerequisite. */
  from: number;
  /** The concept that needs it. */
  to: number;
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  width: number;
  height: number;
  /** In path order, which is also the keyboard's Tab order. */
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

const NODE_WIDTH = 176;
const LINE_HEIGHT = 16;
const MAX_LINE_CHARS = 22;
const MAX_LINES = 3;
const PADDING = 12;
/** Room under the label for the score bar. */
const SCORE_ROW = 12;

/** Breaks a concept's name into at most three short lines, cutting the last with an ellipsis. */
export function wrapLabel(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= MAX_LINE_CHARS || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines
    .slice(0, MAX_LINES)
    .map((l) => (l.length > MAX_LINE_CHARS ? `${l.slice(0, MAX_LINE_CHARS - 1)}…` : l));
  if (lines.length > MAX_LINES) {
    const last = kept[MAX_LINES - 1]!;
    kept[MAX_LINES - 1] = `${last.slice(0, MAX_LINE_CHARS - 1)}…`;
  }
  return kept.length ? kept : [''];
}

/**
 * Lays a path's concepts out top to bottom, prerequisites above what needs them. Edges to
 * concepts outside the list (another path's) are left out.
 */
export function layoutGraph(concepts: readonly GraphConcept[]): GraphLayout {
  const ordered = [...concepts].sort((a, b) => a.sequence - b.sequence);
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  const lines = new Map<number, string[]>();
  for (const concept of ordered) {
    const wrapped = wrapLabel(concept.concept);
    lines.set(concept.ticketId, wrapped);
    const height = PADDING * 2 + wrapped.length * LINE_HEIGHT + (concept.status ? SCORE_ROW : 0);
    graph.setNode(String(concept.ticketId), { width: NODE_WIDTH, height });
  }
  const edges: { from: number; to: number }[] = [];
  for (const concept of ordered) {
    for (const prerequisite of concept.prerequisites) {
      if (!lines.has(prerequisite)) continue;
      graph.setEdge(String(prerequisite), String(concept.ticketId));
      edges.push({ from: prerequisite, to: concept.ticketId });
    }
  }
  dagre.layout(graph);
  const nodes = ordered.map((concept) => {
    const node = graph.node(String(concept.ticketId));
    return {
      concept,
      x: node.x,
      y: node.y,
      width: node.width,
      height: node.height,
      lines: lines.get(concept.ticketId)!,
    };
  });
  const label = graph.graph();
  return {
    width: Math.ceil(label.width ?? 0),
    height: Math.ceil(label.height ?? 0),
    nodes,
    edges: edges.map((edge) => ({
      ...edge,
      points: graph.edge(String(edge.from), String(edge.to)).points ?? [],
    })),
  };
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The node an arrow key moves to from `fromId`: the nearest one lying in that direction,
 * straight-on neighbours preferred over diagonal ones. Null when there is none.
 */
export function nextNodeInDirection(
  nodes: readonly PlacedNode[],
  fromId: number,
  direction: Direction,
): number | null {
  const from = nodes.find((node) => node.concept.ticketId === fromId);
  if (!from) return null;
  let best: { id: number; cost: number } | null = null;
  for (const node of nodes) {
    if (node === from) continue;
    const dx = node.x - from.x;
    const dy = node.y - from.y;
    const [along, across] =
      direction === 'up'
        ? [-dy, dx]
        : direction === 'down'
          ? [dy, dx]
          : direction === 'left'
            ? [-dx, dy]
            : [dx, dy];
    if (along <= 1) continue;
    const cost = along + Math.abs(across) * 2;
    if (!best || cost < best.cost) best = { id: node.concept.ticketId, cost };
  }
  return best?.id ?? null;
}
