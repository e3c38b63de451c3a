import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractHtml } from './extract-html.js';

const page = await readFile(new URL('./fixtures/graph-search.html', import.meta.url), 'utf8');

describe('extractHtml', () => {
  it('takes the title from <title>, decoding entities', () => {
    expect(extractHtml({ html: page }).title).toBe('Graph Search & Traversal');
  });

  it('builds the outline from the headings', () => {
    expect(extractHtml({ html: page }).outline).toEqual([
      {
        title: 'Graph Search',
        level: 1,
        page: null,
        children: [
          {
            title: 'Breadth-first search',
            level: 2,
            page: null,
            children: [{ title: 'Cost', level: 3, page: null, children: [] }],
          },
          { title: 'Depth-first search', level: 2, page: null, children: [] },
        ],
      },
    ]);
  });

  it('cuts a block at each heading, with lists as bullet lines, code verbatim and tables as rows', () => {
    const { blocks, pageCount } = extractHtml({ html: page });
    expect(pageCount).toBeNull();
    expect(blocks).toEqual([
      {
        headingPath: ['Graph Search'],
        text: 'Graph Search\n\nA graph is a set of vertices joined by edges — roads between cities, links between pages.',
        pages: [],
      },
      {
        headingPath: ['Graph Search', 'Breadth-first search'],
        text: [
          'Breadth-first search',
          'Breadth-first search visits vertices in order of their distance from the start. It keeps a queue:',
          [
            '1. Put the start vertex in the queue.',
            '2. Take the first vertex out and visit its neighbours',
            '  • skip the ones already seen,',
            '  • queue the others.',
            '3. Repeat until the queue is empty.',
          ].join('\n'),
          [
            'def bfs(graph, start):',
            '    seen = {start}',
            '    queue = [start]',
            '    while queue:',
            '        vertex = queue.pop(0)',
            '        for neighbour in graph[vertex]:',
            '            if neighbour not in seen:',
            '                seen.add(neighbour)',
            '                queue.append(neighbour)',
          ].join('\n'),
        ].join('\n\n'),
        pages: [],
      },
      {
        headingPath: ['Graph Search', 'Breadth-first search', 'Cost'],
        text: 'Cost\n\nRunning time by representation\nRepresentation | Time\nAdjacency list | O(V + E)\nAdjacency matrix | O(V²)',
        pages: [],
      },
      {
        headingPath: ['Graph Search', 'Depth-first search'],
        text: 'Depth-first search\n\nDepth-first search follows one path as far as it goes\nand then backs up.',
        pages: [],
      },
    ]);
  });

  it('drops scripts, styles, navigation, site header and footer, sidebars, forms and hidden parts', () => {
    const text = extractHtml({ html: page })
      .blocks.map((block) => block.text)
      .join('\n');
    for (const chrome of [
      'tracking code',
      'font-family',
      'Syllabus',
      'Course Home',
      'Related courses',
      'registrar',
      'Your answer',
      'Answers to the quiz',
    ]) {
      expect(text).not.toContain(chrome);
    }
  });

  it('reads only the main element when the page marks one', () => {
    const { blocks } = extractHtml({
      html: '<body><div class="banner">Welcome back!</div><main><h2>Heaps</h2><p>A heap keeps its smallest key on top.</p></main><div>Cookie settings</div></body>',
    });
    expect(blocks).toEqual([
      { headingPath: ['Heaps'], text: 'Heaps\n\nA heap keeps its smallest key on top.', pages: [] },
    ]);
  });

  it('falls back to the first h1 for the title and drops permalink signs from headings', () => {
    const document = extractHtml({
      html: '<h1>Tries<a class="headerlink" href="#tries">¶</a></h1><p>A trie stores strings by their prefixes.</p>',
    });
    expect(document.title).toBe('Tries');
    expect(document.outline.map((entry) => entry.title)).toEqual(['Tries']);
  });

  it('keeps text before the first heading in a block without a heading path', () => {
    const { blocks } = extractHtml({
      html: '<p>Read this first.</p><h2>Setup</h2><p>Install the tools.</p>',
    });
    expect(blocks.map((block) => block.headingPath)).toEqual([[], ['Setup']]);
    expect(blocks[0]!.text).toBe('Read this first.');
  });

  it('keeps the content of a form that wraps the whole page', () => {
    const { blocks } = extractHtml({
      html: '<form id="page"><h1>Sorting</h1><p>Merge sort splits, sorts and merges.</p></form>',
    });
    expect(blocks.map((block) => block.text)).toEqual([
      'Sorting\n\nMerge sort splits, sorts and merges.',
    ]);
  });
});
