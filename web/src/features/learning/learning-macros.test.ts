import { testServerUrl } from '@learntrac/db/testing';
import { describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import type { Feature } from '@/core/feature';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { createLearningWikiSupport, type MacroPath, readPathArgument } from './learning-macros';

const pathId = '0b7e3a52-4f0c-4c1e-9b7a-6f3c2d1e0a99';
const recursion: MacroPath = {
  id: pathId,
  title: 'Recursion <basics>',
  concepts: [
    {
      ticketId: 12,
      concept: 'Recursive case',
      sequence: 2,
      prerequisites: [11],
      href: '/learning/c/12',
      status: 'not_started',
      score: 0,
      locked: true,
    },
    {
      ticketId: 11,
      concept: 'Base case',
      sequence: 1,
      prerequisites: [],
      href: '/learning/c/11',
      status: 'mastered',
      score: 0.9,
      locked: false,
    },
  ],
};

describe('readPathArgument', () => {
  it('reads the path from either macro’s arguments', () => {
    expect(readPathArgument(pathId)).toBe(pathId);
    expect(readPathArgument(` path=${pathId} `)).toBe(pathId);
    expect(readPathArgument('height=3')).toBe('');
  });
});

describe.skipIf(!testServerUrl())('the learning macros in wiki text', () => {
  const t = useWebTestDatabase({ prefix: 'web_learning_macros' });
  const asked: string[] = [];
  const feature = (canRead: boolean): Feature => ({
    id: 'learning',
    wiki: createLearningWikiSupport({
      loaderFor: () =>
        canRead
          ? async (id) => {
              asked.push(id);
              return id === pathId ? recursion : null;
            }
          : null,
    }),
  });
  const learner = { name: 'ada', permissions: listPermissions(['learner']) };
  const render = (text: string, canRead = true) =>
    renderWikiText({
      db: t.db,
      viewer: learner,
      text,
      context: { realm: 'wiki', id: 'Course' },
      features: [feature(canRead)],
    });

  it('lists the path’s concepts in order with the reader’s standing, as plain links', async () => {
    const html = await render(`[[LearningPath(${pathId})]]`);
    expect(html).toContain(`<a href="/learning/paths/${pathId}">Recursion &lt;basics&gt;</a>`);
    expect(html).toContain('1 of 2 concepts mastered');
    expect(html.indexOf('Base case')).toBeLessThan(html.indexOf('Recursive case'));
    expect(html).toContain('(locked, 0%)');
    expect(html).not.toContain('data-knowledge-graph');
  });

  it('leaves a placeholder holding the list and the concepts for the graph to draw', async () => {
    const html = await render(`[[KnowledgeGraph(path=${pathId})]]`);
    const data = /data-knowledge-graph="([^"]*)"/.exec(html)?.[1];
    const concepts = JSON.parse(
      data!.replaceAll('&quot;', '"').replaceAll('&#34;', '"').replaceAll('&amp;', '&'),
    );
    expect(concepts.map((c: { ticketId: number }) => c.ticketId).sort()).toEqual([11, 12]);
    expect(html).toContain('<ol><li><a href="/learning/c/11">Base case</a>');
  });

  it('loads each path once however often the text names it', async () => {
    asked.length = 0;
    await render(`[[LearningPath(${pathId})]] [[KnowledgeGraph(path=${pathId})]]`);
    expect(asked).toEqual([pathId]);
  });

  it('says so for a path the reader cannot see, a missing id, or a reader without learning', async () => {
    expect(await render('[[LearningPath(6f1d9a7e-0000-4000-8000-000000000000)]]')).toContain(
      'No learning path 6f1d9a7e-0000-4000-8000-000000000000',
    );
    expect(await render('[[KnowledgeGraph()]]')).toContain('KnowledgeGraph needs a path id');
    expect(await render(`[[LearningPath(${pathId})]]`, false)).toContain(
      'Learning paths are not available here.',
    );
  });
});
