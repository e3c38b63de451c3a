/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/// <reference lib="es2024.string" />
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import fc from 'fast-check';
import { signIn } from '../../fixtures/auth';

// Throws every kind of bad input at every route and every form of a running LearnTrac and
// demands an answer below 500 each time. It runs after the other browser tests (see
// playwright.config.ts), because the forms it posts may change or delete anything.

const SECONDS_PER_PROPERTY = 40;

/** Text a careless user or an attacker might send, raw (not yet encoded for a URL). */
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '\u202Eevil',
    '-1',
    '0',
    '9007199254740993',
    '99999999999999999999999999',
    '1e400',
    'NaN',
    '3.5',
    '..',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '{"a":[1,2]}',
    '[[x]]',
    'wiki:WikiStart',
    '\r\n\t',
  ),
  fc.integer({ min: 256, max: 300_000 }).map((length) => 'x'.repeat(length)),
);

/** Percent-encoding that is broken, or decodes to something no page can look up. */
const brokenEncoding = fc.constantFrom(
  '%',
  '%Z',
  '%ZZ',
  '%FF',
  '%C0%AF',
  '%ED%A0%80',
  '%E2%82',
  '%00',
  '%2500',
  '%252F',
  '%u0041',
);

// Servers refuse request lines over 16 KB outright (431); long values stay below that here.
const urlText = (text: string, length = 2000) =>
  encodeURIComponent(text.toWellFormed().slice(0, length));

/** One path segment or query value as it travels in a URL: encoded text or broken encoding. */
const urlPart = fc.oneof(
  { weight: 3, arbitrary: nastyText.map((text) => urlText(text)) },
  { weight: 1, arbitrary: brokenEncoding },
  {
    weight: 1,
    arbitrary: fc
      .tuple(nastyText, brokenEncoding)
      .map(([text, broken]) => `${urlText(text, 20)}${broken}`),
  },
);

/** Every route of the web app, with a hole for each parameter. */
const ROUTES: ((parts: string[]) => string)[] = [
  ([a]) => `/wiki/${a}`,
  ([a, b]) => `/wiki/${a}/${b}`,
  ([a, b]) => `/wiki/WikiStart?action=${a}&version=${b}`,
  ([a, b]) => `/wiki/WikiStart?action=diff&version=${a}&old_version=${b}`,
  ([a]) => `/ticket/${a}`,
  ([a, b]) => `/ticket/1?${a}=${b}`,
  ([a]) => `/newticket?clone=${a}`,
  ([a, b]) => `/newticket?field_${a}=${b}`,
  ([a]) => `/report/${a}`,
  ([a, b]) => `/report/1?max=${a}&page=${b}`,
  ([a, b]) => `/report/${a}?format=${b}`,
  ([a]) => `/report/${a}/edit`,
  ([a]) => `/report/${a}/delete`,
  ([a, b]) => `/report/1/export?format=${a}&${b}=1`,
  ([a]) => `/milestone/${a}`,
  ([a, b]) => `/milestone/${a}?action=${b}`,
  ([a]) => `/milestone/milestone1?by=${a}`,
  ([a, b, c]) => `/attachment/${a}/${b}/${c}`,
  ([a, b]) => `/attachment/wiki/${a}?action=${b}`,
  ([a, b, c]) => `/raw-attachment/${a}/${b}/${c}`,
  ([a, b]) => `/admin/ticket/${a}/${b}`,
  ([a]) => `/admin/general/perm?${a}`,
  ([a, b]) => `/query?${a}=${b}`,
  ([a, b, c]) => `/query?status=${a}&order=${b}&max=${c}&page=${c}`,
  ([a, b]) => `/query?col=${a}&group=${b}&desc=1`,
  ([a, b]) => `/query/export?format=${a}&${b}=x`,
  ([a, b]) => `/timeline?from=${a}&daysback=${b}`,
  ([a, b]) => `/timeline?${a}=on&authors=${b}`,
  ([a]) => `/timeline/rss?from=${a}`,
  ([a, b]) => `/search?q=${a}&${b}=on`,
  ([a]) => `/roadmap?show=${a}`,
  ([a, b]) => `/login?callbackUrl=${a}&error=${b}`,
  ([a]) => `/api/auth/${a}`,
  ([a]) => `/learning?${a}`,
  ([a]) => `/${a}`,
];

async function expectNoServerErrors(
  who: string,
  property: (
    check: (path: string, status: number) => void,
  ) => fc.IAsyncProperty<[number, string[]]>,
) {
  const failures: string[] = [];
  await fc.assert(
    property((path, status) => {
      if (status >= 500) failures.push(`${status} ${path}`);
    }),
    {
      numRuns: 400,
      interruptAfterTimeLimit: SECONDS_PER_PROPERTY * 1000,
      markInterruptAsFailure: false,
    },
  );
  expect(failures, `server errors for ${who}`).toEqual([]);
}

function routeProperty(request: APIRequestContext) {
  return (check: (path: string, status: number) => void) =>
    fc.asyncProperty(
      fc.integer({ min: 0, max: ROUTES.length - 1 }),
      fc.array(urlPart, { minLength: 3, maxLength: 3 }),
      async (route, parts) => {
        const path = ROUTES[route]!(parts);
        const response = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
        check(path, response.status());
      },
    );
}

test.describe.configure({ mode: 'serial' });

test('no address, however malformed, gets a server error', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout((2 * SECONDS_PER_PROPERTY + 30) * 1000);
  const anonymous = await playwright.request.newContext({ baseURL });
  await expectNoServerErrors('an anonymous visitor', routeProperty(anonymous));
  await anonymous.dispose();
  await signIn(page, 'admin');
  await expectNoServerErrors('an admin', routeProperty(page.request));
});

/** A form of a page, as a browser without JavaScript would post it. */
interface PageForm {
  page: string;
  action: string;
  /** `unchecked`: a box the page drew unticked, sent only with a fuzzed value. */
  fields: { name: string; value: string; file: boolean; unchecked?: boolean }[];
}

async function formsOf(page: Page, path: string): Promise<PageForm[]> {
  await page.goto(path);
  const forms = await page
    .locator('form[method="post" i], form[method="POST"]')
    .evaluateAll((nodes) =>
      nodes.map((node) => {
        const form = node as HTMLFormElement;
        const fields = [...form.elements].flatMap((element) => {
          const input = element as HTMLInputElement;
          if (!input.name || input.disabled) return [];
          if ((input.type === 'checkbox' || input.type === 'radio') && !input.checked) {
            return [{ name: input.name, value: input.value, file: false, unchecked: true }];
          }
          return [{ name: input.name, value: input.value, file: input.type === 'file' }];
        });
        return { action: form.getAttribute('action') ?? '', fields };
      }),
    );
  // Signing out would end the fuzzing; it is a plain route, not a form of the page.
  return forms
    .filter((form) => form.action !== '/auth/sign-out')
    .map((form) => ({ page: path, ...form }));
}

/** The field values to send: some as the page drew them, some replaced by bad input. */
const mutation = fc.record({
  replace: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  values: fc.array(nastyText, { minLength: 40, maxLength: 40 }),
  asFile: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  repeat: fc.boolean(),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function fuzzedBody(form: PageForm, m: Mutation): FormData {
  const body = new FormData();
  form.fields.forEach((field, index) => {
    const slot = index % 40;
    // React's own fields name the action to run; the rest are the form's.
    const mutable = !field.name.startsWith('$ACTION');
    if (field.unchecked && !(mutable && m.replace[slot])) return;
    const value = mutable && m.replace[slot] ? m.values[slot]! : field.value;
    if (field.file || (mutable && m.asFile[slot] && m.replace[slot])) {
      body.append(field.name, new Blob([value]), value.slice(0, 300) || 'file.txt');
    } else {
      body.append(field.name, value);
    }
    if (mutable && m.repeat) body.append(field.name, value);
  });
  return body;
}

test('no form, whatever its fields hold, gets a server error', async ({ page }) => {
  test.setTimeout((SECONDS_PER_PROPERTY + 60) * 1000);
  await signIn(page, 'admin');
  // Things of its own to change, so every form of a ticket and a page is there.
  await page.goto('/newticket');
  await page.getByLabel('Summary:').fill('Fuzzed ticket');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/\/ticket\/\d+$/);
  const ticket = new URL(page.url()).pathname;
  const wiki = `/wiki/Fuzzed${Date.now()}`;
  await page.goto(`${wiki}?action=edit`);
  await page.getByLabel('Page source').fill('= Fuzzed =\n');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page).toHaveURL(new RegExp(`${wiki}$`));

  const pages = [
    '/newticket',
    ticket,
    `${wiki}?action=edit`,
    `${wiki}?action=rename`,
    `${wiki}?action=delete`,
    `/attachment${wiki}?action=new`,
    '/milestone?action=new',
    '/milestone/milestone1?action=edit',
    '/milestone/milestone2?action=delete',
    '/report/new',
    '/report/1/edit',
    '/query?status=!closed',
    '/admin/ticket/components',
    '/admin/ticket/milestones',
    '/admin/ticket/priority',
    '/admin/ticket/versions',
    '/admin/ticket/customfields',
    '/admin/ticket/workflow',
    // Last: its forms can take the admin's own rights away.
    '/admin/general/perm',
  ];
  const forms: PageForm[] = [];
  for (const path of pages) forms.push(...(await formsOf(page, path)));
  expect(forms.length).toBeGreaterThan(pages.length);

  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: forms.length - 1 }), mutation, async (index, m) => {
      const form = forms[index]!;
      const target = new URL(form.action || form.page, page.url());
      const response = await page.request.post(target.pathname + target.search, {
        multipart: fuzzedBody(form, m),
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      if (response.status() >= 500) failures.push(`${response.status()} ${form.page}`);
    }),
    {
      numRuns: 300,
      interruptAfterTimeLimit: SECONDS_PER_PROPERTY * 1000,
      markInterruptAsFailure: false,
    },
  );
  expect(failures).toEqual([]);
});
