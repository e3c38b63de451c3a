import { expect, test } from '../../fixtures/sessions';

test('a search lists ranked hits with the matched words highlighted', async ({ page }) => {
  await page.goto('/search');
  await page.getByLabel('Search for').fill('search');
  await page.getByRole('button', { name: 'Search' }).click();
  const hits = page.getByTestId('search-hit');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark').first()).toHaveText(/search/i);
});

test('typing #N jumps to ticket N, and a leading ! searches instead', async ({ page, pageAs }) => {
  const instructor = await pageAs('instructor');
  await instructor.goto('/newticket');
  await instructor.getByLabel('Summary:').fill(`Jump target ${Date.now().toString(36)}`);
  await instructor.getByRole('button', { name: 'Create ticket' }).click();
  await expect(instructor).toHaveURL(/\/ticket\/\d+$/);
  const id = new URL(instructor.url()).pathname.split('/').pop();

  await page.goto(`/search?q=%23${id}`);
  await expect(page).toHaveURL(new RegExp(`/ticket/${id}$`));
  await page.goto(`/search?q=!%23${id}`);
  await expect(page).toHaveURL(/\/search/);
});

test('a query that is too short gets a message, not results', async ({ page }) => {
  await page.goto('/search?q=ab');
  await expect(page.locator('main').getByRole('alert')).toContainText('too short');
  await expect(page.getByTestId('search-hit')).toHaveCount(0);
});

test('only the sources ticked are searched', async ({ page }) => {
  await page.goto('/search?q=graph&wiki=on');
  const sources = await page.locator('.sr-source').allTextContents();
  expect(sources.length).toBeGreaterThan(0);
  expect(new Set(sources.map((s) => s.toLowerCase()))).toEqual(new Set(['wiki']));
});
