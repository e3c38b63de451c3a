import { expect, test } from '../../fixtures/sessions';

test.use({ role: 'admin' });

test('an admin adds a component and a custom field, and both appear on the new ticket form', async ({
  page,
}) => {
  const suffix = Date.now().toString(36);
  const component = `E2E component ${suffix}`;
  const field = `e2e_${suffix}`;
  await page.goto('/admin/ticket/components');
  await expect(page.getByRole('navigation', { name: 'Administration' })).toContainText(
    'Ticket System',
  );

  const addComponent = page.getByRole('form', { name: 'Add Component' });
  await addComponent.getByLabel('Name').fill(component);
  await addComponent.getByLabel('Owner').fill('admin');
  await addComponent.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('link', { name: component })).toBeVisible();
  await expect(addComponent.getByLabel('Name')).toHaveValue('');

  // A taken name is refused with a message, and what was typed stays.
  await addComponent.getByLabel('Name').fill(component);
  await addComponent.getByRole('button', { name: 'Add' }).click();
  await expect(addComponent.getByRole('alert')).toContainText('already exists');
  await expect(addComponent.getByLabel('Name')).toHaveValue(component);

  // Saving on the component's own page goes back to the list.
  await page.getByRole('link', { name: component, exact: true }).click();
  const modify = page.getByRole('form', { name: 'Modify Component' });
  await modify.getByRole('textbox', { name: 'Owner' }).fill('instructor');
  await modify.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/admin\/ticket\/components$/);
  await expect(page.getByRole('row', { name: component })).toContainText('instructor');

  await page.goto('/admin/ticket/customfields');
  const addField = page.getByRole('form', { name: 'Add Custom Field' });
  await addField.getByLabel('Field name').fill('Not A Name');
  await addField.getByLabel('Type').selectOption('select');
  await addField.getByLabel('Label').fill(`Level ${suffix}`);
  await addField.getByLabel('Options').fill('easy\nhard');
  await addField.getByLabel('Select may be left empty').check();
  await addField.getByRole('button', { name: 'Add' }).click();
  await expect(addField.getByRole('alert')).toContainText('The custom field is not valid.');
  await expect(addField.getByLabel('Type')).toHaveValue('select');

  // Corrected, it is added and the form starts afresh.
  await addField.getByLabel('Field name').fill(field);
  await addField.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('link', { name: field })).toBeVisible();
  await expect(addField.getByLabel('Field name')).toHaveValue('');
  await expect(addField.getByLabel('Type')).toHaveValue('text');
  await expect(addField.getByLabel('Select may be left empty')).not.toBeChecked();

  await page.goto('/newticket');
  await expect(page.getByLabel('Component')).toContainText(component);
  await expect(page.getByLabel(`Level ${suffix}`)).toBeVisible();
});
