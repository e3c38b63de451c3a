import { expect, test } from '@playwright/test';
import { account, signIn } from '../../fixtures/auth';

test('an instructor signs in through the issuer and sees the Trac-style shell', async ({
  page,
}) => {
  await signIn(page, 'instructor');
  const accountNav = page.getByRole('navigation', { name: 'Account' });
  await expect(accountNav).toContainText('instructors');
  const main = page.getByRole('navigation', { name: 'Main' });
  for (const tab of [
    'Wiki',
    'Timeline',
    'Roadmap',
    'View Tickets',
    'New Ticket',
    'Search',
    'Learning',
  ]) {
    await expect(main.getByRole('link', { name: tab, exact: true })).toBeVisible();
  }
  await expect(main.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
});

test('only an admin gets the Admin tab', async ({ browser }) => {
  const adminPage = await browser.newPage();
  await signIn(adminPage, 'admin');
  await expect(
    adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toBeVisible();
  await adminPage.close();

  const learnerPage = await browser.newPage();
  await signIn(learnerPage, 'learner');
  await expect(
    learnerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toHaveCount(0);
  await learnerPage.close();
});

test('a wrong password is refused with a message and nobody is signed in', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with LearnTrac account' }).click();
  await page.getByLabel('Email').fill(account('learner').email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Sign in');
});

test('signing out ends the session at LearnTrac and at the issuer', async ({ page, baseURL }) => {
  await signIn(page, 'learner');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The issuer may ask to confirm, as a Cognito-like end-session page does.
  const confirm = page.getByRole('button', { name: 'Sign out' });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await page.waitForURL((url) => url.origin === new URL(baseURL!).origin);
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Sign in');
  // Signing in again asks for credentials: the issuer's session is gone too.
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with LearnTrac account' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
});
