import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/sessions';

test.use({ role: 'instructor' });

async function saveReport(page: Page, title: string, sql: string) {
  await page.goto('/report/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('SQL query for report').fill(sql);
  await page.getByRole('button', { name: 'Save report' }).click();
  await expect(page).toHaveURL(/\/report\/\d+$/);
}

test('a report without rows still shows its column headers, and its CSV its header line', async ({
  page,
}) => {
  await saveReport(
    page,
    `Nothing matches ${Date.now()}`,
    "SELECT id AS ticket, summary, owner, time AS created FROM ticket WHERE status = 'no-such-status'",
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(0 matches)');
  const headers = page.getByRole('main').getByRole('columnheader');
  await expect(headers).toHaveText(['Ticket', 'Summary', 'Owner', 'Created']);
  await expect(page.getByRole('main')).toContainText('No matches found.');

  const csvHref = await page
    .getByRole('link', { name: 'Comma-delimited Text' })
    .getAttribute('href');
  const csv = await page.request.get(csvHref ?? '');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).replace(/^\uFEFF/, '')).toBe('ticket,summary,owner,created\r\n');
});

test('a report reading the permission table is refused on the page, not with a server error', async ({
  page,
}) => {
  await saveReport(
    page,
    `Who may do what ${Date.now()}`,
    'SELECT username, action FROM permission',
  );
  const response = await page.reload();
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'permission denied for table permission',
  );
  await expect(page.getByRole('main').getByRole('columnheader')).toHaveCount(0);
});
