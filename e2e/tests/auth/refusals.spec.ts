import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/sessions';

// What each role may not do, answered as the product answers it: anonymous visitors are sent
// to sign in, signed-in people without the right get the 403 page, and controls they may not
// use are not offered at all.

/** An instructor's fresh ticket and wiki page for the others to try their hands on. */
async function makeMaterial(instructor: Page) {
  const suffix = Date.now().toString(36);
  await instructor.goto('/newticket');
  await instructor.getByLabel('Summary:').fill(`Refusals ${suffix}`);
  await instructor.getByRole('button', { name: 'Create ticket' }).click();
  await expect(instructor).toHaveURL(/\/ticket\/\d+$/);
  const ticket = new URL(instructor.url()).pathname;

  const wiki = `/wiki/Refusals${suffix}`;
  await instructor.goto(`${wiki}?action=edit`);
  await instructor.getByLabel('Page source').fill('Only instructors edit this.\n');
  await instructor.getByRole('button', { name: 'Submit changes' }).click();
  await expect(instructor.getByTestId('wiki-page')).toContainText('Only instructors');

  await instructor.goto('/report');
  const reportLink = instructor.getByRole('link', { name: 'Active Tickets', exact: true });
  const report = (await reportLink.getAttribute('href')) ?? '';
  expect(report).toMatch(/^\/report\/\d+$/);
  return { ticket, wiki, report };
}

async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Forbidden' })).toBeVisible();
}

/** The sign-in page, set to come back to the page asked for (the admin to its front page). */
async function expectSentToSignIn(page: Page, path: string) {
  await page.goto(path);
  await expect(page, path).toHaveURL(/\/login\?callbackUrl=/);
  const returnTo = new URL(page.url()).searchParams.get('callbackUrl') ?? '';
  expect(path.startsWith(returnTo) && returnTo.length > 1, `${path} returns to ${returnTo}`).toBe(
    true,
  );
}

test.describe('an anonymous visitor', () => {
  test('reads tickets and the wiki but is sent to sign in to write, administer or learn', async ({
    page,
    pageAs,
  }) => {
    const { ticket, wiki } = await makeMaterial(await pageAs('instructor'));

    await page.goto(ticket);
    await expect(page.locator('#ticket')).toContainText('Refusals');
    await expect(page.getByLabel(/^Comment/)).toHaveCount(0);
    await page.goto(wiki);
    await expect(page.getByTestId('wiki-page')).toContainText('Only instructors');
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveCount(0);

    for (const path of ['/newticket', '/admin', '/admin/general/perm', '/learning']) {
      await expectSentToSignIn(page, path);
    }
    await page.goto(`${wiki}?action=edit`);
    await expect(page.getByLabel('Page source')).toHaveCount(0);

    // learn-api answers a call without a token with its JSON error.
    const api = await page.request.get('/api/learntrac/paths');
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ code: expect.any(String) });
  });
});

test.describe('a learner', () => {
  test.use({ role: 'learner' });

  test('comments on tickets but may not change their workflow, edit the wiki, manage reports or milestones, or administer', async ({
    page,
    pageAs,
  }) => {
    const { ticket, wiki, report } = await makeMaterial(await pageAs('instructor'));

    await page.goto(ticket);
    await expect(page.getByLabel(/^Comment/)).toBeVisible();
    await expect(page.getByRole('radio', { name: 'resolve' })).toHaveCount(0);
    await expect(page.getByRole('radio', { name: 'accept' })).toHaveCount(0);
    await expect(page.getByText('Delete ticket…')).toHaveCount(0);

    await page.goto(wiki);
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveCount(0);
    await page.goto(`${wiki}?action=edit`);
    await expect(page.getByLabel('Page source')).toHaveCount(0);

    await page.goto(report);
    await expect(page.getByRole('link', { name: 'Edit report' })).toHaveCount(0);
    for (const path of ['/report/new', `${report}/edit`, `${report}/delete`]) {
      await expectForbidden(page, path);
    }
    await expectForbidden(page, '/milestone?action=new');
    for (const path of ['/admin', '/admin/ticket/components', '/admin/general/perm']) {
      await expectForbidden(page, path);
    }
    await page.goto('/query?status=!closed');
    await expect(page.getByRole('form', { name: 'Batch Modify' })).toHaveCount(0);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
    ).toHaveCount(0);
  });
});

test.describe('an instructor', () => {
  test.use({ role: 'instructor' });

  test('runs tickets, wiki and reports but may not delete tickets or reports, batch modify, or administer', async ({
    page,
  }) => {
    const { ticket, report } = await makeMaterial(page);

    await page.goto(ticket);
    await expect(page.getByRole('radio', { name: 'resolve' })).toBeVisible();
    await expect(page.getByText('Delete ticket…')).toHaveCount(0);
    await expectForbidden(page, `${report}/delete`);
    await page.goto('/query?status=!closed');
    await expect(page.getByRole('form', { name: 'Batch Modify' })).toHaveCount(0);
    for (const path of ['/admin', '/admin/ticket/workflow', '/admin/general/perm']) {
      await expectForbidden(page, path);
    }
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
    ).toHaveCount(0);
  });
});
