'use client';

import { useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { GraphConceptsSchema } from './graph-concept';
import { KNOWLEDGE_GRAPH_ATTRIBUTE } from './graph-placeholder';
import { KnowledgeGraph } from './knowledge-graph';

const HYDRATED = 'data-graph-drawn';

/** Draws the graph into every wiki placeholder on the page that does not have one yet. */
function drawPlaceholders(roots: Root[]) {
  const placeholders = document.querySelectorAll<HTMLElement>(
    `[${KNOWLEDGE_GRAPH_ATTRIBUTE}]:not([${HYDRATED}])`,
  );
  for (const placeholder of placeholders) {
    placeholder.setAttribute(HYDRATED, '');
    let concepts: ReturnType<typeof GraphConceptsSchema.parse>;
    try {
      concepts = GraphConceptsSchema.parse(
        JSON.parse(placeholder.getAttribute(KNOWLEDGE_GRAPH_ATTRIBUTE) ?? '[]'),
      );
    } catch {
      continue; // the list stays: it says everything the graph would
    }
    const container = document.createElement('div');
    placeholder.prepend(container);
    const root = createRoot(container);
    root.render(
      <KnowledgeGraph
        concepts={concepts}
        label={placeholder.getAttribute('data-label') ?? 'Knowledge graph'}
      />,
    );
    roots.push(root);
  }
}

/**
 * Wiki text is HTML made on the server, so `[[KnowledgeGraph(...)]]` leaves a placeholder;
 * this fills each one with the graph component, also in wiki text that appears later.
 */
export function KnowledgeGraphIslands() {
  useEffect(() => {
    const roots: Root[] = [];
    drawPlaceholders(roots);
    // Client navigation and previews bring new wiki text without reloading the page.
    const observer = new MutationObserver(() => drawPlaceholders(roots));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      // Not while React is committing the change that unmounted this component.
      setTimeout(() => {
        for (const root of roots) root.unmount();
      });
    };
  }, []);
  return null;
}
