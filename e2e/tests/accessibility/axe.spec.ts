import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AccountName } from '../../fixtures/auth';
import { expect, test } from '../../fixtures/sessions';

// axe-core over the main pages as the people who use them: no serious or critical violation.

async function expectNoSeriousViolations(page: Page, path: string) {
  const response = await page.goto(path);
  // The page itself, not a not-found or error page in its place.
  expect(response?.status() ?? 0, path).toBeLessThan(400);
  await expect(page.locator('main')).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(serious, `${path}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** A ticket with a comment, so its page shows the change history too. */
async function makeTicket(page: Page): Promise<string> {
  await page.goto('/newticket');
  await page.getByLabel('Summary:').fill(`Accessible ${Date.now().toString(36)}`);
  await page.getByLabel('Description:').fill("A ticket with '''bold''' text.");
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/\/ticket\/\d+$/);
  await page.getByLabel(/^Comment/).fill('A first comment.');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.locator('[id="comment:1"]')).toBeVisible();
  return new URL(page.url()).pathname;
}

const pages: { name: string; role: AccountName | undefined; path: string }[] = [
  { name: 'the sign-in page', role: undefined, path: '/login' },
  { name: 'the wiki start page', role: 'admin', path: '/wiki/WikiStart' },
  { name: 'the wiki editor', role: 'admin', path: '/wiki/WikiStart?action=edit' },
  { name: 'the new ticket form', role: 'admin', path: '/newticket' },
  { name: 'the custom query', role: 'admin', path: '/query?status=!closed' },
  { name: 'the report list', role: 'admin', path: '/report' },
  { name: 'the roadmap', role: 'admin', path: '/roadmap' },
  { name: 'the timeline', role: 'admin', path: '/timeline' },
  { name: 'search results', role: 'admin', path: '/search?q=graph' },
  { name: 'the admin permissions', role: 'admin', path: '/admin/general/perm' },
  { name: 'the admin components', role: 'admin', path: '/admin/ticket/components' },
  { name: 'the learner dashboard', role: 'learner', path: '/learning' },
  { name: "the learner's progress", role: 'learner', path: '/learning/progress' },
  { name: "the instructor's learning page", role: 'instructor', path: '/learning' },
];

for (const { name, role, path } of pages) {
  test.describe(() => {
    test.use({ role });
    test(`${name} has no serious accessibility violation`, async ({ page }) => {
      await expectNoSeriousViolations(page, path);
    });
  });
}

test.describe(() => {
  test.use({ role: 'instructor' });

  test('a ticket page with its history has no serious accessibility violation', async ({
    page,
  }) => {
    await expectNoSeriousViolations(page, await makeTicket(page));
  });

  test('a report with results has no serious accessibility violation', async ({ page }) => {
    await page.goto('/report');
    const report = await page
      .getByRole('link', { name: 'Active Tickets', exact: true })
      .getAttribute('href');
    await makeTicket(page);
    await expectNoSeriousViolations(page, report ?? '/report');
    await expect(page.getByRole('main').getByRole('table')).toBeVisible();
  });
});
