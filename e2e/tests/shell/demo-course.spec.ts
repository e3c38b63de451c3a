import { expect, test } from '../../fixtures/sessions';

// A new site opens with the demo course: its path, material and questions, ready to learn.

const DEMO_PATH = 'Introduction to Graph Algorithms';

test('a learner finds the published demo path, its material and approved questions for every concept', async ({
  learnApiAs,
}) => {
  const api = await learnApiAs('learner');
  const list = await api.get('/api/learntrac/paths?kind=shared&limit=100');
  expect(list.status()).toBe(200);
  const demo = (await list.json()).paths.find(
    (path: { title: string }) => path.title === DEMO_PATH,
  );
  expect(demo, `a shared path titled ${DEMO_PATH}`).toBeDefined();
  expect(demo).toMatchObject({ status: 'published', milestone: 'Graph Algorithms' });

  const detail = await (await api.get(`/api/learntrac/paths/${demo.id}`)).json();
  expect(detail.concepts).toHaveLength(6);
  for (const concept of detail.concepts) {
    // Each concept comes from a section of the course text, and has questions to answer.
    expect(concept.source, concept.concept).toMatchObject({ documentTitle: DEMO_PATH });
    expect(concept.source.headingPath.at(-1)).toBeTruthy();
    const questions = await api.get(`/api/learntrac/concepts/${concept.ticketId}/questions`);
    expect(questions.status(), concept.concept).toBe(200);
    expect((await questions.json()).questions.length, concept.concept).toBeGreaterThan(0);
  }

  const documents = (await (await api.get('/api/learntrac/documents')).json()).documents;
  expect(documents).toContainEqual(
    expect.objectContaining({ title: DEMO_PATH, status: 'indexed', published: true }),
  );
  const search = await api.post('/api/learntrac/search', {
    data: { query: 'shortest paths with a priority queue' },
  });
  expect(search.status()).toBe(200);
  expect((await search.json()).hits).toContainEqual(
    expect.objectContaining({ documentTitle: DEMO_PATH }),
  );
});

test('the demo milestone and course page are on the roadmap and wiki', async ({ page }) => {
  await page.goto('/roadmap');
  await expect(page.getByRole('link', { name: 'Milestone: Graph Algorithms' })).toBeVisible();
  await page.goto('/wiki/GraphAlgorithms');
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PATH })).toBeVisible();
});
