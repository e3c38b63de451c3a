import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from '../../fixtures/auth';
import { addPublishedMaterial, courseAbout, uniqueWord } from '../../fixtures/learning';

const subject = uniqueWord('quill');

test.beforeAll(async () => {
  test.setTimeout(150_000);
  await addPublishedMaterial({ title: `The ${subject} handbook`, markdown: courseAbout(subject) });
});

/** Answers a choice or fill-the-gap question and waits for the grade to be listed. */
async function answer(page: Page, question: Locator, value: string | null) {
  const attempts = page.getByRole('table', { name: 'My attempts' }).getByRole('row');
  const before = await attempts.count();
  const radios = question.getByRole('radio');
  if ((await radios.count()) > 0) {
    if (value === null) await radios.first().check();
    else await question.getByRole('radio', { name: value, exact: true }).check();
  } else {
    await question.getByRole('textbox', { name: 'Your answer' }).fill(value ?? 'no idea');
  }
  await question.getByRole('button', { name: /Submit answer|Answer again/ }).click();
  await expect(attempts).toHaveCount(before === 0 ? 2 : before + 1, { timeout: 20_000 });
}

test('a learner asks for a path, masters a concept, and its node and ticket show it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'learner', '/learning');
  await page.getByRole('link', { name: 'Learn something new' }).click();

  await page.getByLabel('What do you want to learn?').fill(`the ${subject} method`);
  await page.getByRole('button', { name: 'Find material' }).click();
  const found = page.getByRole('list', { name: 'Material found' });
  await expect(found).toContainText(`The ${subject} handbook`);
  await page.getByLabel('Name your path').fill(`Learning ${subject}`);
  await page.getByRole('button', { name: 'Build my path' }).click();
  await expect(page).toHaveURL(/\/learning\/paths\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Learning ${subject}`);

  // A concept the learner can start now, from the graph.
  const startable = page.locator('a.kg-node[data-status="not_started"]').first();
  const ticketId = await startable.getAttribute('data-ticket-id');
  const node = page.locator(`a.kg-node[data-ticket-id="${ticketId}"]`);
  const colourBefore = await node.locator('rect').first().getAttribute('fill');
  await startable.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/concepts/${ticketId}$`));

  const question = page
    .locator('section.lt-question')
    .filter({ has: page.locator('input[type="radio"], input[type="text"]') })
    .first();
  await answer(page, question, null);
  const expected = (await question.locator('q').textContent()) ?? '';
  const status = question.getByTestId('concept-status');
  for (let tries = 0; tries < 4 && (await status.textContent()) !== 'mastered'; tries += 1) {
    await answer(page, question, expected);
  }
  await expect(status).toHaveText('mastered');
  await page.reload();
  await expect(page.getByRole('link', { name: new RegExp(`Ticket #${ticketId}`) })).toContainText(
    'closed: mastered',
  );

  await page.getByRole('link', { name: `Learning ${subject}` }).click();
  await expect(node).toHaveAttribute('data-status', 'mastered');
  expect(await node.locator('rect').first().getAttribute('fill')).not.toBe(colourBefore);

  await page.goto(`/ticket/${ticketId}`);
  await expect(page.locator('main')).toContainText('mastered');
});
