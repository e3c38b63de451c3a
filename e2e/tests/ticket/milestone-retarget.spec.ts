import { expect, test } from '../../fixtures/sessions';

test.use({ role: 'instructor' });

test('deleting a milestone moves its tickets to the milestone chosen, none by default', async ({
  page,
}) => {
  const doomed = `Doomed ${Date.now()}`;
  const target = `Target ${Date.now()}`;
  for (const name of [doomed, target]) {
    await page.goto('/milestone?action=new');
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Milestone ${name}` })).toBeVisible();
  }

  await page.goto('/newticket');
  await page.getByLabel('Summary:').fill(`On ${doomed}`);
  await page.getByLabel('Milestone:').selectOption(doomed);
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/\/ticket\/\d+$/);
  const ticketPath = new URL(page.url()).pathname;

  await page.goto(`/milestone/${encodeURIComponent(doomed)}?action=delete`);
  const retarget = page.getByLabel(/Retarget its 1 associated tickets? to milestone/);
  await expect(retarget.locator('option:checked')).toHaveText('(no milestone)');
  await expect(retarget.locator('option', { hasText: doomed })).toHaveCount(0);
  await retarget.selectOption(target);
  await page.getByRole('button', { name: 'Delete milestone' }).click();
  await expect(page).toHaveURL(/\/roadmap$/);

  await page.goto(ticketPath);
  await expect(page.locator('.ticket-properties tr', { hasText: 'Milestone:' })).toContainText(
    target,
  );
  await expect(page.locator('.ticket-changelog')).toContainText(
    'Ticket retargeted after milestone deleted',
  );
});
