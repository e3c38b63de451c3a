import { expect, test } from '@playwright/test';
import { signIn } from '../../fixtures/auth';
import {
  addPublishedMaterial,
  callLearnApi,
  courseAbout,
  learnApiToken,
  uniqueWord,
} from '../../fixtures/learning';

const subject = uniqueWord('wick');
let concept = '';

test.beforeAll(async () => {
  // A card answered wrongly comes back after a minute (the first learning step), so wait for it.
  test.setTimeout(240_000);
  await addPublishedMaterial({ title: `The ${subject} primer`, markdown: courseAbout(subject) });
  const token = await learnApiToken('learner');
  const path = await callLearnApi<{ concepts: { ticketId: number; concept: string }[] }>(
    token,
    'POST',
    '/paths',
    {
      kind: 'personal',
      title: `Reviewing ${subject}`,
      query: `the ${subject} method`,
      maxConcepts: 3,
    },
  );
  const first = path.concepts[0]!;
  concept = first.concept;
  const { questions } = await callLearnApi<{ questions: { id: string }[] }>(
    token,
    'POST',
    `/concepts/${first.ticketId}/questions/generate`,
    {},
  );
  await callLearnApi(token, 'POST', `/questions/${questions[0]!.id}/answers`, {
    answer: 'I do not know',
  });
  await expect
    .poll(
      async () =>
        (
          await callLearnApi<{ cards: { ticketId: number }[] }>(token, 'GET', '/review/due')
        ).cards.some((card) => card.ticketId === first.ticketId),
      { timeout: 120_000, intervals: [5_000] },
    )
    .toBe(true);
});

test('a review session asks one question per due concept and says when each is due next', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'learner', '/learning');
  await expect(page.locator('main')).toContainText(concept);
  await page.getByRole('link', { name: 'Start a review session' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review session');

  const counter = page.getByText(/^Concept \d+ of \d+$/);
  const total = Number((await counter.textContent())!.split(' of ')[1]);
  const seen: string[] = [];
  for (let index = 1; index <= total; index += 1) {
    await expect(counter).toHaveText(`Concept ${index} of ${total}`);
    const card = page.locator('section.lt-question');
    seen.push((await card.getByRole('heading', { level: 2 }).textContent()) ?? '');
    const radios = card.getByRole('radio');
    if ((await radios.count()) > 0) await radios.first().check();
    else await card.getByRole('textbox', { name: 'Your answer' }).fill('a base case');
    await card.getByRole('button', { name: 'Submit answer' }).click();
    await expect(card.getByTestId('next-due')).toContainText(/Next review of .+: in \d+/);
    const next = card.getByRole('button', { name: index === total ? 'Finish' : 'Next concept' });
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
  }
  expect(seen).toContain(concept);
  await expect(page.getByRole('status')).toContainText(`you reviewed ${total}`);
});
