import { expect, test } from '../../fixtures/sessions';

test("anyone sees the roadmap with each milestone's progress", async ({ page }) => {
  await page.goto('/roadmap');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add new milestone' })).toHaveCount(0);
});

test.describe(() => {
  test.use({ role: 'instructor' });

  test('an instructor adds, edits and completes a milestone; a taken name is refused in the form', async ({
    page,
  }) => {
    const name = `E2E milestone ${Date.now()}`;
    await page.goto('/roadmap');
    await page.getByRole('link', { name: 'Add new milestone' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Due').fill('2031-01-15');
    await page.getByLabel('Description').fill("Covers '''graphs'''.");
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Milestone ${name}` })).toBeVisible();
    await expect(page.locator('main strong', { hasText: 'graphs' })).toBeVisible();

    await page.goto('/milestone?action=new');
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Description').fill('kept after the refusal');
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.locator('main').getByRole('alert')).toContainText('already exists');
    await expect(page.getByLabel('Description')).toHaveValue('kept after the refusal');

    await page.goto(`/milestone/${encodeURIComponent(name)}?action=edit`);
    await page.getByLabel('Completed', { exact: true }).check();
    await page.getByRole('button', { name: 'Submit changes' }).click();
    await expect(page.locator('main')).toContainText('Completed');
  });
});

test('an unknown milestone is a 404', async ({ page }) => {
  const response = await page.goto('/milestone/no-such-milestone');
  expect(response?.status()).toBe(404);
});
