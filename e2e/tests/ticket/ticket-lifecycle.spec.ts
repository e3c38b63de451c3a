import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/sessions';

test.use({ role: 'instructor' });

/** Files a ticket through /newticket, previewing first; returns its page address. */
async function createTicket(page: Page, summary: string, description: string): Promise<string> {
  await page.goto('/newticket');
  await page.getByLabel('Summary:').fill(summary);
  await page.getByLabel('Description:').fill(description);
  await page.getByLabel('Type:').selectOption('task');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong', { hasText: 'bold' })).toBeVisible();
  // Previewing keeps what was typed.
  await expect(page.getByLabel('Summary:')).toHaveValue(summary);
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/\/ticket\/\d+$/);
  return new URL(page.url()).pathname;
}

test('a ticket is created, commented, accepted and closed, and a query finds it closed', async ({
  page,
}) => {
  const summary = `Lifecycle ${Date.now().toString(36)}`;

  // A refused form says which field is wrong and keeps the rest.
  await page.goto('/newticket');
  await page.getByLabel('Description:').fill('kept text');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByText('Summary is required')).toBeVisible();
  await expect(page.getByLabel(/Description:/)).toHaveValue('kept text');

  const path = await createTicket(page, summary, 'Some **bold** words.');
  const id = path.split('/').pop();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(new task)');
  await expect(page.locator('#ticket')).toContainText(summary);
  await expect(page.locator('#ticket strong', { hasText: 'bold' })).toBeVisible();

  // A comment, previewed, then saved.
  await page.getByLabel(/^Comment/).fill("First look: it's ''fine''.");
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('region', { name: 'Comment preview' }).locator('em')).toHaveText(
    'fine',
  );
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.locator('[id="comment:1"]')).toContainText('First look');

  await page.getByRole('radio', { name: 'accept' }).check();
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(accepted task)');
  await expect(page.locator('[id="comment:2"]')).toContainText(
    'Status changed from new to accepted',
  );

  await page.getByRole('radio', { name: 'resolve' }).check();
  await page.getByLabel('Resolution (resolve)').selectOption('fixed');
  await page.getByLabel(/^Comment/).fill('Done.');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(closed task: fixed)');
  const resolved = page.locator('[id="comment:3"]');
  await expect(resolved).toContainText('Resolution set to fixed');
  await expect(resolved).toContainText('Done.');
  await expect(page.getByRole('heading', { name: 'Change History (3)' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(path);

  // The default query lists open tickets only; asking for closed ones by summary finds it.
  const byName = `summary=~${encodeURIComponent(summary)}`;
  await page.goto(`/query?status=!closed&${byName}`);
  await expect(page.getByRole('link', { name: `#${id}`, exact: true })).toHaveCount(0);
  await page.goto(`/query?status=closed&${byName}&col=id&col=summary&col=status&col=resolution`);
  const row = page.getByRole('row').filter({ hasText: summary });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('closed');
  await expect(row).toContainText('fixed');
  await row.getByRole('link', { name: `#${id}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
});

test('a change to a ticket that changed meanwhile is refused, keeping what was typed', async ({
  page,
  pageAs,
}) => {
  const second = await pageAs('admin');
  const path = await createTicket(page, `Collision ${Date.now()}`, 'Two **bold** editors.');
  await second.goto(path);

  await page.getByLabel(/^Comment/).fill('I got here first.');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.locator('[id="comment:1"]')).toContainText('I got here first.');

  await second.getByLabel(/^Comment/).fill('My late thought.');
  await second.getByRole('button', { name: 'Submit changes' }).click();
  const collision = second.getByTestId('mid-air-collision');
  await expect(collision).toContainText('modified by someone else');
  await expect(collision).toContainText('I got here first.');
  await expect(second.getByLabel(/^Comment/)).toHaveValue('My late thought.');

  // Having seen the other change, submitting again saves.
  await second.getByRole('button', { name: 'Submit changes' }).click();
  await expect(second.locator('[id="comment:2"]')).toContainText('My late thought.');
});

test('an unknown ticket is a 404 page', async ({ page }) => {
  const response = await page.goto('/ticket/99999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
