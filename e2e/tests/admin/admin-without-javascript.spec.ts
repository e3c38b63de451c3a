import { expect, test } from '../../fixtures/sessions';

// Every admin form must work as a plain HTML form, as Trac's do.
test.use({ role: 'admin', javaScriptEnabled: false });

test('without JavaScript an admin adds, renames and removes a component, and a taken name is refused', async ({
  page,
}) => {
  const component = `NoScript component ${Date.now().toString(36)}`;
  await page.goto('/admin/ticket/components');
  const addForm = page.getByRole('form', { name: 'Add Component' });

  await addForm.getByLabel('Name').fill(component);
  await addForm.getByLabel('Owner').fill('admin');
  await addForm.getByRole('button', { name: 'Add' }).click();
  await expect(addForm.getByRole('status')).toContainText(`Component “${component}” added.`);
  await expect(page.getByRole('link', { name: component, exact: true })).toBeVisible();
  await expect(addForm.getByLabel('Name')).toHaveValue('');

  // The refused page is drawn anew by the server, and still holds what was typed.
  await addForm.getByLabel('Name').fill(component);
  await addForm.getByLabel('Owner').fill('someone');
  await addForm.getByRole('button', { name: 'Add' }).click();
  await expect(addForm.getByRole('alert')).toContainText('already exists');
  await expect(addForm.getByLabel('Name')).toHaveValue(component);
  await expect(addForm.getByLabel('Owner')).toHaveValue('someone');

  // Saving on the component's own page goes back to the list.
  await page.getByRole('link', { name: component, exact: true }).click();
  const renamed = `${component} renamed`;
  const modify = page.getByRole('form', { name: 'Modify Component' });
  await modify.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await modify.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/admin\/ticket\/components$/);
  await expect(page.getByRole('link', { name: renamed, exact: true })).toBeVisible();

  const list = page.getByRole('form', { name: 'Components list' });
  await list.getByRole('checkbox', { name: `Select ${renamed}` }).check();
  await list.getByRole('button', { name: 'Remove selected items' }).click();
  await expect(list.getByRole('status')).toContainText('Removed 1.');
  await expect(page.getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
});

test('without JavaScript an admin grants a permission and revokes it', async ({ page }) => {
  const subject = `noscript_${Date.now().toString(36)}`;
  await page.goto('/admin/general/perm');

  const grant = page.getByRole('form', { name: 'Grant Permission' });
  await grant.getByLabel('Subject').fill(subject);
  await grant.getByLabel('Action').selectOption('WIKI_VIEW');
  await grant.getByRole('button', { name: 'Add' }).click();
  await expect(grant.getByRole('status')).toContainText(`Granted WIKI_VIEW to ${subject}.`);
  const revokeBox = page.getByRole('checkbox', { name: `Revoke WIKI_VIEW from ${subject}` });
  await expect(revokeBox).toBeVisible();

  const grants = page.getByRole('form', { name: 'Permission grants' });
  await revokeBox.check();
  await grants.getByRole('button', { name: 'Remove selected items' }).click();
  await expect(grants.getByRole('status')).toContainText('Revoked 1.');
  await expect(revokeBox).toHaveCount(0);
});

test('without JavaScript a refused workflow keeps the edited text and saves nothing', async ({
  page,
}) => {
  await page.goto('/admin/ticket/workflow');
  const form = page.getByRole('form', { name: 'Edit workflow' });
  const saved = await form.getByLabel('Workflow').inputValue();
  const broken = `${saved}\nbroken_action = nowhere`;

  await form.getByLabel('Workflow').fill(broken);
  await form.getByRole('button', { name: 'Save workflow' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel('Workflow')).toHaveValue(broken);

  await page.goto('/admin/ticket/workflow');
  await expect(form.getByLabel('Workflow')).toHaveValue(saved);
});

test('without JavaScript a refused custom field keeps every choice, and a good one is added and removed', async ({
  page,
}) => {
  const field = `noscript_${Date.now().toString(36)}`;
  await page.goto('/admin/ticket/customfields');
  const add = page.getByRole('form', { name: 'Add Custom Field' });

  await add.getByLabel('Field name').fill('Not A Name');
  await add.getByLabel('Type').selectOption('select');
  await add.getByLabel('Label').fill('Effort');
  await add.getByLabel('Options').fill('small\nlarge');
  await add.getByLabel('Select may be left empty').check();
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(add.getByRole('alert')).toContainText('The custom field is not valid.');
  await expect(add.getByLabel('Field name')).toHaveValue('Not A Name');
  await expect(add.getByLabel('Type')).toHaveValue('select');
  await expect(add.getByLabel('Options')).toHaveValue('small\nlarge');
  await expect(add.getByLabel('Select may be left empty')).toBeChecked();

  await add.getByLabel('Field name').fill(field);
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(add.getByRole('status')).toContainText(`Custom field “${field}” added.`);
  await expect(page.getByRole('link', { name: field, exact: true })).toBeVisible();
  await expect(add.getByLabel('Type')).toHaveValue('text');
  await expect(add.getByLabel('Select may be left empty')).not.toBeChecked();

  const list = page.getByRole('form', { name: 'Custom fields list' });
  await list.getByRole('checkbox', { name: `Select ${field}` }).check();
  await list.getByRole('button', { name: 'Remove selected items' }).click();
  await expect(list.getByRole('status')).toContainText('Removed 1');
  await expect(page.getByRole('link', { name: field, exact: true })).toHaveCount(0);
});
