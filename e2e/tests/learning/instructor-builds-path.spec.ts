import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from '../../fixtures/auth';
import { writeCourseNotesPdf } from './course-notes-pdf';

/** axe finds nothing serious or critical on the page as it stands. */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
  expect(serious, page.url()).toEqual([]);
}

/** Nothing on the page is wider than a phone's screen (tables scroll inside their box). */
async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function ticketIdOf(section: Locator): Promise<number> {
  const id = await section.getAttribute('id');
  return Number(id?.replace('concept-', ''));
}

test('an instructor uploads a PDF, builds, reviews and publishes a shared path, then sees a learner’s answer in the heatmap', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const tag = randomBytes(4).toString('hex');
  const pathTitle = `Recursion for class ${tag}`;

  await test.step('upload a PDF and watch it become indexed', async () => {
    await signIn(page, 'instructor', '/learning/library');
    await expect(page.getByRole('heading', { name: 'Material library' })).toBeVisible();
    // A file LearnTrac cannot read is refused next to the file field, the title kept.
    await page.getByLabel('Title (optional)').fill(`Thinking recursively ${tag}`);
    await page.getByLabel('File').setInputFiles({
      name: `notes-${tag}.bin`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254]),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByLabel('File')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: /./ }).first()).toBeVisible();
    await expect(page.getByLabel('Title (optional)')).toHaveValue(`Thinking recursively ${tag}`);

    await page.getByLabel('File').setInputFiles({
      name: `recursion-${tag}.pdf`,
      mimeType: 'application/pdf',
      buffer: await writeCourseNotesPdf(tag),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page).toHaveURL(/\/learning\/library\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByText(/^Indexed: \d+ passages$/)).toBeVisible({ timeout: 90_000 });
    await expect(page.getByRole('listitem').filter({ hasText: 'Base case (p. 4)' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Publish to learners' }).click();
    await expect(page.getByText('Published: learners can search it').first()).toBeVisible();
    await page.getByRole('link', { name: 'Material library' }).first().click();
    await expect(page.getByRole('link', { name: `Thinking recursively ${tag}` })).toBeVisible();
    await expectAccessible(page);
    await expectFitsPhone(page);
  });

  await test.step('find the material in the search playground', async () => {
    await page.getByRole('link', { name: 'Search the material' }).click();
    await page.getByLabel('Query').fill('what stops a recursion');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: /\d+ passages/ })).toBeVisible();
    await expect(page.locator('.hit').first()).toContainText(`Thinking recursively ${tag}`);
    await expectAccessible(page);
    await expectFitsPhone(page);
  });

  await test.step('build a shared path from chosen sections', async () => {
    await page.getByRole('link', { name: 'Build a path' }).click();
    await page.getByRole('button', { name: 'Preview the concepts' }).click();
    // Refused: the form says what is missing next to the field, keeping the rest.
    await expect(page.getByText('Give the path a title')).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await page.getByLabel('Title', { exact: true }).fill(pathTitle);
    await page.getByLabel('the sections chosen below').check();
    const material = page.getByRole('group', { name: `Thinking recursively ${tag}` });
    for (const section of ['Functions', 'The call stack', 'Recursion', 'Base case']) {
      await material.getByLabel(new RegExp(`^${section}`)).check();
    }
    await page.getByLabel('At most this many concepts').fill('5');
    await page.getByRole('button', { name: 'Preview the concepts' }).click();
    await expect(page).toHaveURL(/\/learning\/paths\/[0-9a-f-]{36}\/build$/, { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toContainText(pathTitle);
    await expect(
      page.getByRole('figure', { name: `Prerequisite graph of ${pathTitle}` }),
    ).toBeVisible();
  });

  const pathId = page.url().split('/').at(-2)!;
  const concepts = page.locator('section.concept-review');
  const first = concepts.nth(0);
  const second = concepts.nth(1);
  const firstName = (await first.getAttribute('data-concept'))!;
  const secondName = (await second.getAttribute('data-concept'))!;
  const firstId = await ticketIdOf(first);
  const secondId = await ticketIdOf(second);

  await test.step('write the questions, showing progress', async () => {
    await page.getByRole('button', { name: 'Write the questions' }).click();
    await expect(page.getByText('All questions written.')).toBeVisible({ timeout: 120_000 });
    await expect(first.locator('.question').first()).toBeVisible();
    await expectAccessible(page);
    await expectFitsPhone(page);
  });

  await test.step('edit the prerequisites: a cycle is refused by name', async () => {
    const addToSecond = second.getByLabel(`Add a prerequisite to “${secondName}”`);
    if ((await addToSecond.locator(`option[value="${firstId}"]`).count()) > 0) {
      await addToSecond.selectOption(String(firstId));
      await second.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await expect(
      second.getByRole('button', { name: `Remove prerequisite ${firstName} from ${secondName}` }),
    ).toBeVisible();
    await first.getByLabel(`Add a prerequisite to “${firstName}”`).selectOption(String(secondId));
    await first.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(first.getByRole('alert')).toContainText(
      `#${firstId} -> #${secondId} -> #${firstId}`,
    );
    await second
      .getByRole('button', { name: `Remove prerequisite ${firstName} from ${secondName}` })
      .click();
    await expect(
      second.getByRole('button', { name: `Remove prerequisite ${firstName} from ${secondName}` }),
    ).toHaveCount(0);
  });

  await test.step('review the questions: edit one, rewrite one, approve the first concept’s', async () => {
    const edit = first.locator('.question').first();
    await edit.getByText(/^Edit question 1$/).click();
    const prompt = edit.getByLabel('Question', { exact: true });
    await prompt.fill(`${await prompt.inputValue()} (checked)`);
    await edit.getByRole('button', { name: 'Save and approve' }).click();
    await expect(edit.locator('.prompt')).toContainText('(checked)');
    await expect(edit.locator('.status-badge')).toHaveText('approved');

    const rewritten = second.locator('.question').first();
    await rewritten.getByRole('button', { name: 'Rewrite' }).click();
    await expect(rewritten.getByRole('status')).toContainText('Rewritten from the source.');

    const approve = first.getByRole('button', { name: 'Approve', exact: true });
    for (let left = await approve.count(); left > 0; left--) {
      await approve.first().click();
      await expect(approve).toHaveCount(left - 1, { timeout: 20_000 });
    }
  });

  await test.step('publish the path', async () => {
    await page.getByRole('button', { name: 'Publish to learners' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('published');
  });

  await test.step('a learner answers a question of the first concept', async () => {
    const learnerContext = await browser.newContext();
    const learner = await learnerContext.newPage();
    await signIn(learner, 'learner', `/learning/paths/${pathId}/concepts/${firstId}`);
    const question = learner.locator('section.lt-question').first();
    const choices = question.getByRole('radio');
    if ((await choices.count()) > 0) await choices.first().check();
    else
      await question.getByLabel('Your answer').fill('a named piece of code that takes arguments');
    await question.getByRole('button', { name: 'Submit answer' }).click();
    await expect(question.getByText(/^Score: /)).toBeVisible({ timeout: 30_000 });
    await learnerContext.close();
  });

  await test.step('the instructor sees the answer in the heatmap and drills down', async () => {
    await page.goto(`/learning/paths/${pathId}/class`);
    const heatmap = page.getByRole('table', { name: 'Learners by concept' });
    const row = heatmap.getByRole('row', { name: /^learner\b/ });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText(/%\s\(1 try\)$/);
    await row.getByRole('link', { name: 'learner' }).click();
    await expect(page.getByRole('heading', { name: 'Answers of learner' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Answers of learner' })).toContainText(firstName);
    const stats = page.getByRole('table', { name: 'Questions' });
    await expect(stats).toContainText('(checked)');
    await expectAccessible(page);
    await expectFitsPhone(page);
  });
});
