import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/sessions';

/** Files a ticket through /newticket and returns its number. */
async function fileTicket(page: Page, summary: string): Promise<number> {
  await page.goto('/newticket');
  await page.getByLabel('Summary:').fill(summary);
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/\/ticket\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

test('a file attached to a ticket is listed, viewable, downloadable and deletable by an admin', async ({
  pageAs,
}) => {
  const page = await pageAs('instructor');
  const summary = `Attach ${Date.now()}`;
  const id = await fileTicket(page, summary);
  await expect(page).toHaveTitle(`#${id} (${summary}) – LearnTrac`);

  // A file over the limit is refused with the limit named, and nothing is attached.
  await page.getByText('Attach file', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Attach file' });
  await form.getByLabel('File:').setInputFiles({
    name: 'huge.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.alloc(300 * 1024, 1),
  });
  await form.getByRole('button', { name: 'Add attachment' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'The file is 300.0 KB; attachments may have at most 256.0 KB.',
  );
  await expect(page.getByRole('heading', { name: 'Attachments (0)' })).toBeVisible();

  await form.getByLabel('File:').setInputFiles({
    name: 'bfs-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Visit neighbours level by level.\n'),
  });
  await form.getByLabel('Description of the file').fill('Notes from the lecture');
  await form.getByRole('button', { name: 'Add attachment' }).click();

  const box = page.locator('#attachments');
  await expect(box.getByRole('heading', { name: 'Attachments (1)' })).toBeVisible();
  await expect(box).toContainText('bfs-notes.txt');
  await expect(box).toContainText('33 bytes');
  await expect(box).toContainText('added by instructor');
  await expect(box).toContainText('Notes from the lecture');
  // The history lists it too, as Trac does, without a comment number.
  await expect(page.locator('.ticket-changelog')).toContainText('Attachment bfs-notes.txt added');
  // Only a ticket admin may delete it.
  await expect(box.getByRole('button', { name: 'Delete bfs-notes.txt' })).toHaveCount(0);

  const download = await page.request.get(`/raw-attachment/ticket/${id}/bfs-notes.txt`);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe('Visit neighbours level by level.\n');
  await box.getByRole('link', { name: 'bfs-notes.txt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ticket #${id}: bfs-notes.txt`);
  await expect(page.locator('pre')).toContainText('Visit neighbours level by level.');

  const admin = await pageAs('admin');
  await admin.goto(`/ticket/${id}`);
  await admin.getByRole('button', { name: 'Delete bfs-notes.txt' }).click();
  await expect(admin.getByRole('heading', { name: 'Attachments (0)' })).toBeVisible();
  const gone = await admin.request.get(`/raw-attachment/ticket/${id}/bfs-notes.txt`);
  expect(gone.status()).toBe(404);
});

test('a learner adds and removes only themselves in Cc', async ({ pageAs }) => {
  const id = await fileTicket(await pageAs('instructor'), `Cc ${Date.now()}`);

  const page = await pageAs('learner');
  await page.goto(`/ticket/${id}`);
  await page.getByText('Change Properties').click();
  // The field itself is not editable for them, only their own name.
  await expect(page.locator('input[name="field_cc"]')).toHaveCount(0);
  await page.getByLabel('Add to Cc').check();
  await page.getByRole('button', { name: 'Submit changes' }).click();
  const ccRow = page.locator('.ticket-properties tr', { hasText: 'Cc:' });
  await expect(ccRow).toContainText('learner');
  await expect(page.locator('.ticket-changelog')).toContainText('learner added');

  await page.getByText('Change Properties').click();
  await page.getByLabel('Remove from Cc').check();
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.locator('.ticket-changelog')).toContainText('learner removed');
  await expect(ccRow).not.toContainText('learner');
});
