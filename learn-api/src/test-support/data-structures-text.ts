import type { SourceChunk } from '../adapters/llm/llm.js';

/** Sections of a short text on data structures, with the key terms ingestion would find. */
export const heapChunk: SourceChunk = {
  id: '00000000-0000-4000-8000-000000000001',
  headingPath: ['Trees', 'Binary heaps'],
  keyTerms: ['binary heap', 'priority queue', 'complete binary tree', 'heap property'],
  text:
    'A binary heap is a complete binary tree in which every parent is smaller than or equal to its children. ' +
    'This rule is called the heap property, and it keeps the smallest element at the root. ' +
    'Because the tree is complete, a binary heap is stored compactly in an array without any pointers. ' +
    'A binary heap is the usual way to implement a priority queue, since inserting and removing the smallest element both take logarithmic time.',
};

export const stackChunk: SourceChunk = {
  id: '00000000-0000-4000-8000-000000000002',
  headingPath: ['Lists', 'Stacks'],
  keyTerms: ['stack', 'last in, first out', 'push', 'pop'],
  text:
    'A stack is a collection in which the last element added is the first one removed. ' +
    'This order is called last in, first out, and the two operations are push and pop.',
};

/** Terms of the material's other concepts, near and far in meaning from heaps. */
export const otherConceptTerms = [
  'binary search tree',
  'hash table',
  'stack',
  'queue',
  'linked list',
  'adjacency matrix',
  'trie',
];
