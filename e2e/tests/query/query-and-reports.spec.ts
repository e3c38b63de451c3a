import { expect, test } from '../../fixtures/sessions';

test.describe(() => {
  test.use({ role: 'instructor' });

  test('a query built with the filter builder has a Trac URL and exports as CSV', async ({
    page,
  }) => {
    await page.goto('/query');
    await expect(page.getByRole('heading', { name: /Custom Query/ })).toBeVisible();

    // Trac's default query: open tickets, ordered by priority.
    const status = page.getByRole('combobox', { name: 'Status operator' });
    await expect(status).toHaveValue('!is');

    await page.getByRole('combobox', { name: 'Add filter', exact: true }).selectOption('owner');
    await page.getByRole('combobox', { name: 'Owner operator' }).selectOption('is');
    await page.getByRole('textbox', { name: 'Owner', exact: true }).fill('instructor');
    await page.getByRole('combobox', { name: 'Group results by' }).selectOption('type');
    await page.getByRole('button', { name: 'Update' }).click();

    await expect(page).toHaveURL(/[?&]status=!closed/);
    await expect(page).toHaveURL(/[?&]owner=instructor/);
    await expect(page).toHaveURL(/[?&]group=type/);
    await expect(page.getByRole('heading', { level: 2, name: /^Type: / }).first()).toBeVisible();

    // Sorting by a column header keeps the filters and changes `order`.
    await page
      .getByRole('columnheader', { name: 'Ticket', exact: true })
      .first()
      .getByRole('link')
      .click();
    await expect(page).toHaveURL(/[?&]order=id/);
    await expect(page).toHaveURL(/[?&]owner=instructor/);

    const csvHref = await page
      .getByRole('link', { name: 'Comma-delimited Text' })
      .getAttribute('href');
    expect(csvHref).toMatch(/format=csv/);
    const csv = await page.request.get(csvHref ?? '');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['content-disposition']).toContain('attachment');
    expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^id,/);
  });

  test('an instructor writes a report with a URL variable and runs it', async ({ page }) => {
    await page.goto('/report');
    await expect(page.getByRole('link', { name: 'Active Tickets', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Create new report' }).click();
    const title = `Tickets of a status ${Date.now()}`;
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('SQL query for report')
      .fill(
        'SELECT id AS ticket, summary, status, time AS created FROM ticket WHERE status = $STATUS ORDER BY id',
      );
    await page.getByRole('button', { name: 'Save report' }).click();

    // Without the variable the report says what it needs; with it, the rows link to tickets.
    await expect(page.getByRole('main').getByRole('alert')).toContainText('$STATUS');
    await page.goto(`${new URL(page.url()).pathname}?STATUS=new`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await expect(page.getByRole('link', { name: /^#\d+$/ }).first()).toBeVisible();

    const csvHref = await page
      .getByRole('link', { name: 'Comma-delimited Text' })
      .getAttribute('href');
    const csv = await page.request.get(csvHref ?? '');
    expect(csv.status()).toBe(200);
    expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'ticket,summary,status,created',
    );
  });
});

test.describe(() => {
  test.use({ role: 'learner' });

  test('a bad query shows its error on the page', async ({ page }) => {
    await page.goto('/query?nosuchfield=1');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('nosuchfield');
  });
});
