/// <reference lib="dom" />
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signIn } from '../../fixtures/auth';

/** Collects what Chromium reports about the Content Security Policy while `run` goes on. */
async function watchPolicy(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

const MAIN_PAGES = [
  '/',
  '/wiki',
  '/wiki/WikiStart',
  '/wiki/WikiStart?action=edit',
  '/timeline',
  '/roadmap',
  '/query',
  '/report',
  '/search?q=wiki',
  '/newticket',
  '/admin',
  '/admin/ticket/components',
];

test('the main pages run under the Content Security Policy without a violation', async ({
  page,
}) => {
  const violations = await watchPolicy(page);
  await signIn(page, 'admin');
  for (const path of MAIN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scriptSources, path).not.toContain('unsafe-inline');
    // Every script Next.js rendered carries this response's nonce (the ones it loads later
    // are trusted through 'strict-dynamic').
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  // Client code still works: the wiki editor's preview is a server action called by script.
  await page.goto('/wiki/SandBox?action=edit');
  await page.getByLabel('Page source').fill("'''Bold''' words");
  await page.getByRole('button', { name: 'Preview Page' }).click();
  await expect(page.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('Bold');
  expect(violations).toEqual([]);
});

test('an inline event handler slipped into a page is refused by the policy', async ({ page }) => {
  const violations = await watchPolicy(page);
  await page.goto('/wiki/WikiStart');
  // What a stored XSS would leave in the page: markup with a handler, no nonce.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="data:," alt="" onerror="document.title = \'injected\'">',
    );
  });
  await expect.poll(() => violations.some((line) => line.includes('script-src'))).toBe(true);
  expect(await page.title()).not.toBe('injected');
});

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name.includes('session-token'));
}

test('signing out ends the session on the server, so a copied cookie stops working', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'learner');
  const copied = await sessionCookies(context);
  expect(copied.length).toBeGreaterThan(0);
  // The cookie lives as long as an idle session may: 8 hours, not 30 days.
  const hoursLeft = (copied[0]!.expires * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(7.9);
  expect(hoursLeft).toBeLessThanOrEqual(8);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.origin === new URL(baseURL!).origin);
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Sign in');

  // Someone who kept a copy of the cookie from before the sign-out.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto('/');
  await expect(stolen.getByRole('navigation', { name: 'Account' })).toContainText('Sign in');
  expect(await (await thief.request.get('/api/auth/session')).json()).toEqual({});
  await Promise.all([context.close(), thief.close()]);
});

test('sign-in returns only to pages of this site', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await signIn(page, 'learner');
  for (const callback of [
    '%2F.%2F%2Fevil.example',
    '%2F..%2F%2Fevil.example',
    '%5C%5Cevil.example',
    '%2F%5Cevil.example',
    '%2F%09%2Fevil.example',
    'https%3A%2F%2Fevil.example%2F',
  ]) {
    const response = await page.request.get(`/login?callbackUrl=${callback}`, {
      maxRedirects: 0,
    });
    expect(response.status(), callback).toBe(307);
    const target = new URL(response.headers().location!, origin);
    expect(target.origin, callback).toBe(origin);
    expect(target.pathname, callback).toBe('/');
  }
  await page.goto('/login?callbackUrl=%2Fwiki%2FWikiStart');
  await expect(page).toHaveURL(`${origin}/wiki/WikiStart`);
});

test('error answers carry the same security headers as pages', async ({ request }) => {
  const answers = {
    page: await request.get('/wiki/WikiStart'),
    'not found': await request.get('/no/such/page'),
    'bad address': await request.get('/wiki/%ZZ'),
    'too large': await request.post('/wiki/WikiStart', {
      headers: { 'content-length': String(64 * 1024 * 1024), 'next-action': 'x' },
      data: '',
      failOnStatusCode: false,
    }),
    'unknown API route': await request.get('/api/auth/no-such-thing'),
    'missing attachment': await request.get('/raw-attachment/wiki/WikiStart/none.txt'),
  };
  expect(answers['not found'].status()).toBe(404);
  expect(answers['bad address'].status()).toBe(400);
  for (const [what, response] of Object.entries(answers)) {
    const headers = response.headers();
    expect(headers['x-frame-options'], what).toBe('DENY');
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security'], what).toContain('max-age=');
    expect(headers['content-security-policy'], what).toContain("default-src '");
  }
});
