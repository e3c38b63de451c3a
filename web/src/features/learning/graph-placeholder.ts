/**
 * Marks wiki output that the knowledge graph fills in the browser: its value is the path's
 * concepts as JSON, and the element already holds the path as a list for readers without
 * JavaScript.
 */
export const KNOWLEDGE_GRAPH_ATTRIBUTE = 'data-knowledge-graph';
