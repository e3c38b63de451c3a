'use client';

import { useEffect } from 'react';
import type { Root } from 'react-dom/client';
import { KNOWLEDGE_GRAPH_ATTRIBUTE } from '../../graph-placeholder';
import './learning-macro.css';

const DRAWN = 'data-graph-drawn';

/** Draws the graph into every wiki placeholder on the page that does not have one yet. */
async function drawPlaceholders(roots: Root[]) {
  const placeholders = document.querySelectorAll<HTMLElement>(
    `[${KNOWLEDGE_GRAPH_ATTRIBUTE}]:not([${DRAWN}])`,
  );
  if (placeholders.length === 0) return;
  for (const placeholder of placeholders) placeholder.setAttribute(DRAWN, '');
  // The graph and its layout library load only on pages that show one.
  const { drawGraphPlaceholder } = await import('./draw-graph-placeholder');
  for (const placeholder of placeholders) {
    try {
      const root = drawGraphPlaceholder(placeholder);
      if (root) roots.push(root);
    } catch {
      // Unreadable concepts: the list stays, and says everything the graph would.
    }
  }
}

/**
 * Wiki text is HTML made on the server, so `[[KnowledgeGraph(...)]]` leaves a placeholder;
 * this fills each one with the graph component, also in wiki text that appears later.
 */
export function KnowledgeGraphIslands() {
  useEffect(() => {
    const roots: Root[] = [];
    void drawPlaceholders(roots);
    // Client navigation and previews bring new wiki text without reloading the page.
    const observer = new MutationObserver(() => void drawPlaceholders(roots));
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
