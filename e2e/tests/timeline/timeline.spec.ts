import { expect, test } from '@playwright/test';

test('the timeline lists recent events by day with a filter per kind', async ({ page }) => {
  await page.goto('/timeline');
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  for (const label of [
    'Tickets opened and closed',
    'Ticket updates',
    'Wiki changes',
    'Milestones reached',
  ]) {
    await expect(page.getByRole('checkbox', { name: label })).toBeChecked();
  }
  await expect(page.getByTestId('timeline-event').first()).toBeVisible();
});

test('unticking all but wiki changes shows only wiki events', async ({ page }) => {
  await page.goto('/timeline?wiki=on');
  const kinds = await page
    .getByTestId('timeline-event')
    .evaluateAll((events) => events.map((event) => event.getAttribute('data-kind')));
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['wiki']));
});

test('format=rss gives the timeline as an RSS feed', async ({ request }) => {
  const response = await request.get('/timeline?format=rss&daysback=90');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/rss+xml');
  expect(await response.text()).toContain('<rss version="2.0"');
});
