import { expect, test } from '../../fixtures/sessions';

test.use({ role: 'instructor' });

test('a wiki page is written with a preview, edited, compared with its history and reverted', async ({
  page,
}) => {
  const name = `SpecPage${Date.now()}`;
  await page.goto(`/wiki/${name}`);
  await expect(page.getByText(`The page ${name} does not exist.`)).toBeVisible();
  await page.getByRole('link', { name: 'Create this page' }).click();

  const source = page.getByLabel('Page source');
  await source.fill("= Graph notes =\nA ''first'' version.\n");
  await page.getByRole('button', { name: 'Preview Page' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Graph notes' })).toBeVisible();
  await expect(preview.locator('em')).toHaveText('first');
  // The preview keeps what was typed.
  await expect(source).toHaveValue("= Graph notes =\nA ''first'' version.\n");

  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${name}$`));
  await expect(page.getByTestId('wiki-page')).toContainText('A first version.');

  await page.getByRole('link', { name: 'Edit this page' }).click();
  await page.getByLabel('Page source').fill("= Graph notes =\nA ''second'' version.\n");
  await page.getByLabel('Comment about this change (optional):').fill('reworded');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.getByTestId('wiki-page')).toContainText('A second version.');

  await page.getByRole('link', { name: 'History' }).click();
  const history = page.getByRole('table');
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('reworded');
  await page.getByRole('button', { name: 'View changes' }).click();
  const inline = page.getByRole('table', { name: 'Changes inline' });
  await expect(inline.locator('tr.removed')).toContainText("A ''first'' version.");
  await expect(inline.locator('tr.added')).toContainText("A ''second'' version.");
  await page.getByRole('link', { name: 'Side by side view' }).click();
  const sideBySide = page.getByRole('table', { name: 'Changes side by side' });
  await expect(sideBySide.locator('td.removed')).toContainText('first');
  await expect(sideBySide.locator('td.added')).toContainText('second');

  // Reverting to the first version makes a third one holding the first text.
  await page.goto(`/wiki/${name}?version=1`);
  await expect(page.getByTestId('wiki-page')).toContainText('A first version.');
  await page.getByRole('button', { name: 'Revert to this version' }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${name}$`));
  await expect(page.getByTestId('wiki-page')).toContainText('A first version.');
  await page.goto(`/wiki/${name}?action=history`);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('table')).toContainText('Reverted to version 1.');
});

test('saving over a newer version is refused with a diff and the text kept', async ({
  page,
  context,
}) => {
  const name = `SpecClash${Date.now()}`;
  await page.goto(`/wiki/${name}?action=edit`);
  await page.getByLabel('Page source').fill('Original text\n');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.getByTestId('wiki-page')).toContainText('Original text');

  // Two editors open the same version.
  await page.goto(`/wiki/${name}?action=edit`);
  const other = await context.newPage();
  await other.goto(`/wiki/${name}?action=edit`);
  await other.getByLabel('Page source').fill('Their change\n');
  await other.getByRole('button', { name: 'Submit changes' }).click();
  await expect(other.getByTestId('wiki-page')).toContainText('Their change');

  await page.getByLabel('Page source').fill('My change\n');
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(page.getByRole('form', { name: `Edit ${name}` }).getByRole('alert')).toContainText(
    'modified by somebody else',
  );
  await expect(page.getByLabel('Page source')).toHaveValue('My change\n');
  const conflict = page.getByRole('region', { name: 'Conflicting changes' });
  await expect(conflict.locator('tr.removed')).toContainText('Their change');
  await expect(conflict.locator('tr.added')).toContainText('My change');

  await page.goto(`/wiki/${name}`);
  await expect(page.getByTestId('wiki-page')).toContainText('Their change');
});
