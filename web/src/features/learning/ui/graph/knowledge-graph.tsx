'use client';

import { type KeyboardEvent, useId, useMemo, useRef } from 'react';
import { describeConcept, describeStanding, STANDINGS } from '../../concept-standing';
import type { GraphConcept } from '../../graph-concept';
import { type Direction, layoutGraph, nextNodeInDirection } from '../../layout-graph';
import './knowledge-graph.css';

const ARROW_KEYS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

const NEUTRAL = { fill: '#f4f4f4', stroke: '#7a7a7a', dashed: false };

/**
 * A path's concepts as a graph: prerequisites above what needs them, each node a link to its
 * concept, coloured by the viewer's standing. Tab walks the nodes in path order; the arrow keys
 * move to the nearest node in that direction.
 */
export function KnowledgeGraph(props: { concepts: GraphConcept[]; label: string }) {
  const layout = useMemo(() => layoutGraph(props.concepts), [props.concepts]);
  const links = useRef(new Map<number, { focus(): void }>());
  const markerId = `${useId().replaceAll(':', '')}-arrow`;
  const hasStanding = props.concepts.some((concept) => concept.status);

  function moveFocus(event: KeyboardEvent<SVGSVGElement>) {
    const direction = ARROW_KEYS[event.key];
    const from = (event.target as Element).closest('[data-ticket-id]');
    if (!direction || !from) return;
    const next = nextNodeInDirection(
      layout.nodes,
      Number(from.getAttribute('data-ticket-id')),
      direction,
    );
    if (next === null) return;
    event.preventDefault();
    links.current.get(next)?.focus();
  }

  if (layout.nodes.length === 0) return <p className="muted">This path has no concepts yet.</p>;
  return (
    <figure className="knowledge-graph" aria-label={props.label}>
      <div className="kg-scroll">
        <svg
          width={layout.width}
          height={layout.height}
          // Shrinks to fit narrow screens down to half size, then scrolls: smaller is unreadable.
          style={{
            width: '100%',
            height: 'auto',
            maxWidth: layout.width,
            minWidth: layout.width / 2,
          }}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          onKeyDown={moveFocus}
        >
          <title>{props.label}</title>
          <defs>
            <marker
              id={markerId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#777" />
            </marker>
          </defs>
          <g>
            {layout.edges.map((edge) => (
              <polyline
                key={`${edge.from}-${edge.to}`}
                className="kg-edge"
                points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
                markerEnd={`url(#${markerId})`}
              />
            ))}
          </g>
          {layout.nodes.map((node) => {
            const standing = describeStanding(node.concept);
            const look = standing ?? NEUTRAL;
            const left = node.x - node.width / 2;
            const top = node.y - node.height / 2;
            const score = node.concept.score ?? 0;
            return (
              <a
                key={node.concept.ticketId}
                href={node.concept.href}
                className="kg-node"
                data-ticket-id={node.concept.ticketId}
                data-status={standing?.key}
                aria-label={describeConcept(node.concept)}
                ref={(element) => {
                  if (element) links.current.set(node.concept.ticketId, element);
                  else links.current.delete(node.concept.ticketId);
                }}
              >
                <title>{describeConcept(node.concept)}</title>
                <rect
                  x={left}
                  y={top}
                  width={node.width}
                  height={node.height}
                  rx={4}
                  fill={look.fill}
                  stroke={look.stroke}
                  strokeDasharray={look.dashed ? '5 3' : undefined}
                />
                <text x={node.x} y={top + 12} textAnchor="middle">
                  {node.lines.map((line, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a label's lines never move
                    <tspan key={index} x={node.x} dy={index === 0 ? 14 : 16}>
                      {line}
                    </tspan>
                  ))}
                </text>
                {standing && (
                  <g>
                    <rect
                      x={left + 12}
                      y={top + node.height - 16}
                      width={node.width - 24}
                      height={5}
                      fill="#fff"
                      stroke={look.stroke}
                      strokeWidth={0.5}
                    />
                    <rect
                      x={left + 12}
                      y={top + node.height - 16}
                      width={(node.width - 24) * score}
                      height={5}
                      fill={look.stroke}
                    />
                  </g>
                )}
              </a>
            );
          })}
        </svg>
      </div>
      {hasStanding && (
        <figcaption>
          <ul className="kg-legend" aria-label="Legend">
            {STANDINGS.map((standing) => (
              <li key={standing.key}>
                <svg width="18" height="12" aria-hidden="true">
                  <rect
                    x="1"
                    y="1"
                    width="16"
                    height="10"
                    rx="2"
                    fill={standing.fill}
                    stroke={standing.stroke}
                    strokeDasharray={standing.dashed ? '3 2' : undefined}
                  />
                </svg>
                {standing.label}
              </li>
            ))}
            <li>Bar: your score</li>
          </ul>
          <p className="muted kg-help">
            Arrows point from a prerequisite to what needs it. Use Tab or the arrow keys to move
            between concepts.
          </p>
        </figcaption>
      )}
    </figure>
  );
}
