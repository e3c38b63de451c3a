import { expect, test } from '@playwright/test';

test('a search lists ranked hits with the matched words highlighted', async ({ page }) => {
  await page.goto('/search');
  await page.getByLabel('Search for').fill('search');
  await page.getByRole('button', { name: 'Search' }).click();
  const hits = page.getByTestId('search-hit');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark').first()).toHaveText(/search/i);
});

test('typing #N jumps to ticket N, and a leading ! searches instead', async ({ page }) => {
  await page.goto('/search?q=%231');
  await expect(page).toHaveURL(/\/ticket\/1$/);
  await page.goto('/search?q=!%231');
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
