import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/sessions';

test.use({ role: 'instructor' });

async function fileTicket(page: Page, summary: string): Promise<number> {
  await page.goto('/newticket');
  await page.getByLabel('Summary:').fill(summary);
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/\/ticket\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

async function createPage(page: Page, name: string) {
  await page.goto(`/wiki/${name}?action=edit`);
  await page.getByLabel('Page source').fill(`= ${name} =\n`);
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${name}$`));
}

test('a comment over the length limit is refused with a message and kept as typed', async ({
  page,
}) => {
  const id = await fileTicket(page, `Long comment ${Date.now()}`);
  const comment = `${'x'.repeat(100_000)}y`;
  await page.locator('#comment').fill(comment);
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.getByText('The comment may have at most 100,000 characters.')).toBeVisible();
  expect(await page.locator('#comment').inputValue()).toBe(comment);
  await expect(page).toHaveURL(new RegExp(`/ticket/${id}$`));
});

test('text with a NUL character is refused with a message and kept as typed', async ({ page }) => {
  const name = `Nul${Date.now()}`;
  await page.goto(`/wiki/${name}?action=edit`);
  await page.getByLabel('Page source').fill('before\u0000after');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.getByText('“text” contains a NUL character (U+0000)')).toBeVisible();
  expect(await page.getByLabel('Page source').inputValue()).toBe('before\u0000after');
});

test('attachments whose names hold %, #, ?, spaces or non-ASCII letters download from their own links', async ({
  page,
}) => {
  const name = `Files${Date.now()}`;
  await createPage(page, name);
  const files = ['50% off.txt', 'c#d.txt', 'why?.txt', 'a%20b.txt', 'naïve 数学.txt'];
  for (const filename of files) {
    await page.goto(`/attachment/wiki/${name}?action=new`);
    const form = page.getByTestId('upload-form');
    await form.getByLabel(/File/).setInputFiles({
      name: filename,
      mimeType: 'text/plain',
      buffer: Buffer.from(`contents of ${filename}`),
    });
    await form.getByRole('button', { name: 'Add attachment' }).click();
    await expect(page).toHaveURL(new RegExp(`/wiki/${name}$`));
  }
  const list = page.getByRole('region', { name: /Attachments/ });
  for (const filename of files) {
    const download = list.getByTitle(`Download ${filename}`, { exact: true });
    const response = await page.request.get((await download.getAttribute('href'))!);
    expect(response.status(), filename).toBe(200);
    expect(await response.text(), filename).toBe(`contents of ${filename}`);
    expect(response.headers()['content-disposition'], filename).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );

    await page.goto(`/wiki/${name}`);
    await list.getByRole('link', { name: filename, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name}: ${filename}`);
    await expect(page.locator('pre')).toHaveText(`contents of ${filename}`);
    await page.goto(`/wiki/${name}`);
  }
});

test('active files are downloads that can run nothing', async ({ page }) => {
  const name = `Active${Date.now()}`;
  await createPage(page, name);
  for (const filename of ['page.html', 'drawing.svg', 'data.xml', 'slides.pdf']) {
    await page.goto(`/attachment/wiki/${name}?action=new`);
    await page
      .getByTestId('upload-form')
      .getByLabel(/File/)
      .setInputFiles({
        name: filename,
        mimeType: 'text/html',
        buffer: Buffer.from('<script>parent.document.title = "owned"</script>'),
      });
    await page.getByRole('button', { name: 'Add attachment' }).click();
    await expect(page).toHaveURL(new RegExp(`/wiki/${name}$`));
    const response = await page.request.get(`/raw-attachment/wiki/${name}/${filename}`);
    const headers = response.headers();
    expect(headers['content-disposition'], filename).toMatch(/^attachment;/);
    expect(headers['content-type'], filename).toBe('application/octet-stream');
    expect(headers['x-content-type-options'], filename).toBe('nosniff');
    expect(headers['content-security-policy'], filename).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
  }
});

test('a form post larger than any form may send is refused with 413 and a message', async ({
  page,
}) => {
  const response = await page.request.post('/wiki/WikiStart', {
    headers: { 'next-action': '0'.repeat(40), 'content-type': 'text/plain;charset=UTF-8' },
    data: 'x'.repeat(3 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).message).toMatch(/a form may send at most \d+ bytes/);
  expect(response.headers()['x-frame-options']).toBe('DENY');
});
