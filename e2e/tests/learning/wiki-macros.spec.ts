import { expect, test } from '@playwright/test';
import { signIn } from '../../fixtures/auth';
import {
  addPublishedMaterial,
  callLearnApi,
  courseAbout,
  learnApiToken,
  uniqueWord,
} from '../../fixtures/learning';

const subject = uniqueWord('loom');
const page = `LearningNotes${subject}`;
let pathId = '';
let concepts: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(150_000);
  await addPublishedMaterial({ title: `The ${subject} notes`, markdown: courseAbout(subject) });
  const path = await callLearnApi<{ id: string; concepts: { concept: string }[] }>(
    await learnApiToken('instructor'),
    'POST',
    '/paths',
    {
      kind: 'shared',
      title: `Class on ${subject}`,
      query: `the ${subject} method`,
      maxConcepts: 4,
    },
  );
  pathId = path.id;
  concepts = path.concepts.map((concept) => concept.concept);
});

test('a wiki page shows a path’s knowledge graph, and its list without JavaScript', async ({
  page: browser,
  browser: chromium,
}) => {
  await signIn(browser, 'instructor', `/wiki/${page}?action=edit`);
  await browser
    .getByLabel('Page source')
    .fill(`= Our path =\n[[KnowledgeGraph(path=${pathId})]]\n\n[[LearningPath(${pathId})]]\n`);
  await browser.getByRole('button', { name: 'Submit changes' }).click();
  const wiki = browser.getByTestId('wiki-page');
  await expect(wiki.getByRole('link', { name: `Class on ${subject}` })).toHaveCount(2);
  // The graph component filled the placeholder: one node per concept, each a link.
  await expect(wiki.locator('a.kg-node')).toHaveCount(concepts.length);
  await expect(wiki.locator('ol').first()).toContainText(concepts[0]!);

  const context = await chromium.newContext({
    javaScriptEnabled: false,
    storageState: await browser.context().storageState(),
  });
  const plain = await context.newPage();
  await plain.goto(`/wiki/${page}`);
  const plainWiki = plain.getByTestId('wiki-page');
  await expect(plainWiki.locator('a.kg-node')).toHaveCount(0);
  for (const concept of concepts) await expect(plainWiki).toContainText(concept);
  await context.close();
});
