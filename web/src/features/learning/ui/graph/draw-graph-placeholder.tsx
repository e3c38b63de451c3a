import { createRoot, type Root } from 'react-dom/client';
import { GraphConceptsSchema } from '../../graph-concept';
import { KNOWLEDGE_GRAPH_ATTRIBUTE } from '../../graph-placeholder';
import { KnowledgeGraph } from './knowledge-graph';

/**
 * Draws the graph at the top of one wiki placeholder, from the concepts it carries; null when
 * they cannot be read, and then the list the placeholder holds says everything the graph would.
 */
export function drawGraphPlaceholder(placeholder: HTMLElement): Root | null {
  const parsed = GraphConceptsSchema.safeParse(
    JSON.parse(placeholder.getAttribute(KNOWLEDGE_GRAPH_ATTRIBUTE) ?? '[]'),
  );
  if (!parsed.success) return null;
  const container = document.createElement('div');
  placeholder.prepend(container);
  const root = createRoot(container);
  root.render(
    <KnowledgeGraph
      concepts={parsed.data}
      label={placeholder.getAttribute('data-label') ?? 'Knowledge graph'}
    />,
  );
  return root;
}
