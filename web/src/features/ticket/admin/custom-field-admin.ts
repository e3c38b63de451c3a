import { type Database, sql, type Transaction } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import { assertAdmin } from '@/core/forms/admin-error';
import {
  type CustomField,
  CustomFieldSchema,
  CustomFieldsConfigSchema,
  TICKET_CUSTOM_FIELDS_KEY,
} from '@/features/ticket/custom-fields';

interface AdminOptions {
  db: Database;
  permissions: ReadonlySet<string>;
}

/** A custom field as the admin form sends it (options one per line, as Trac's `|` list). */
export interface CustomFieldForm {
  name: string;
  type: string;
  label?: string;
  value?: string;
  options?: string;
  optional?: boolean;
  order?: string;
  rows?: string;
  format?: string;
  wiki?: boolean;
}

/** Reads the form into a definition; what is wrong is reported against its field. */
export function parseCustomFieldForm(form: CustomFieldForm): CustomField {
  const options = (form.options ?? '')
    .split(/\r?\n|\|/)
    .map((option) => option.trim())
    .filter(Boolean);
  const order = (form.order ?? '').trim();
  const rows = (form.rows ?? '').trim();
  const candidate = {
    name: form.name.trim(),
    type: form.type,
    label: form.label?.trim() || undefined,
    value: (form.value ?? '').trim(),
    options,
    optional: form.optional ?? false,
    order: order === '' ? 0 : Number(order),
    rows: rows === '' ? 5 : Number(rows),
    format: form.format || 'datetime',
    wiki: form.wiki ?? false,
  };
  const parsed = CustomFieldSchema.safeParse(candidate);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'name');
      fieldErrors[key] ??= issue.message;
    }
  } else {
    const field = parsed.data;
    if (new Set(field.options).size !== field.options.length) {
      fieldErrors.options = 'Each option may appear only once.';
    }
    if (
      (field.type === 'select' || field.type === 'radio') &&
      field.value !== '' &&
      !field.options.includes(field.value)
    ) {
      fieldErrors.value = 'The default must be one of the options.';
    }
    if (field.type === 'checkbox' && !['', '0', '1'].includes(field.value)) {
      fieldErrors.value = 'A checkbox defaults to 0 (off) or 1 (on).';
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) {
    throw new AppError('INVALID_INPUT', 'The custom field is not valid.', {
      fieldErrors: fieldErrors,
    });
  }
  return parsed.data;
}

async function writeFields(tx: Transaction, fields: CustomField[]) {
  const value = JSON.stringify(CustomFieldsConfigSchema.parse(fields));
  await tx.execute(sql`
    INSERT INTO system (name, value) VALUES (${TICKET_CUSTOM_FIELDS_KEY}, ${value})
    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`);
}

async function lockedFields(tx: Transaction): Promise<CustomField[]> {
  // Serialises concurrent edits of the one JSON row.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${TICKET_CUSTOM_FIELDS_KEY}))`);
  const rows = await tx.query<{ value: string | null }>(sql`
    SELECT value FROM system WHERE name = ${TICKET_CUSTOM_FIELDS_KEY}`);
  const value = rows[0]?.value;
  return value ? CustomFieldsConfigSchema.parse(JSON.parse(value)) : [];
}

/**
 * Adds a custom field (no `originalName`) or saves an edit of one. A field's name is its key in
 * `ticket_custom`, so it cannot be renamed; a new field goes last unless given an order.
 */
export async function saveCustomField(
  options: AdminOptions & { form: CustomFieldForm; originalName?: string },
): Promise<{ name: string }> {
  assertAdmin(options.permissions);
  const field = parseCustomFieldForm(options.form);
  return options.db.transaction(async (tx) => {
    const fields = await lockedFields(tx);
    if (options.originalName) {
      const index = fields.findIndex((f) => f.name === options.originalName);
      if (index < 0) {
        throw new AppError('NOT_FOUND', `Custom field ${options.originalName} does not exist.`);
      }
      if (field.name !== options.originalName) {
        throw new AppError('INVALID_INPUT', 'The custom field is not valid.', {
          fieldErrors: {
            name: 'A custom field cannot be renamed; add a new field instead.',
          },
        });
      }
      fields[index] = field;
    } else {
      if (fields.some((f) => f.name === field.name)) {
        throw new AppError('INVALID_INPUT', 'The custom field is not valid.', {
          fieldErrors: {
            name: `Custom field “${field.name}” already exists.`,
          },
        });
      }
      if (!options.form.order?.trim()) {
        field.order = Math.max(0, ...fields.map((f) => f.order)) + 1;
      }
      fields.push(field);
    }
    await writeFields(tx, fields);
    return { name: field.name };
  });
}

/** Removes custom field definitions; the values tickets hold stay in `ticket_custom`, as in Trac. */
export async function removeCustomFields(
  options: AdminOptions & { names: readonly string[] },
): Promise<{ removed: number }> {
  assertAdmin(options.permissions);
  if (options.names.length === 0)
    throw new AppError('INVALID_INPUT', 'Select the fields to remove.');
  return options.db.transaction(async (tx) => {
    const fields = await lockedFields(tx);
    const kept = fields.filter((field) => !options.names.includes(field.name));
    await writeFields(tx, kept);
    return { removed: fields.length - kept.length };
  });
}

/** Applies the order column of the list: positions, 1 first; ties keep their current order. */
export async function reorderCustomFields(
  options: AdminOptions & { order: Record<string, number> },
): Promise<void> {
  assertAdmin(options.permissions);
  await options.db.transaction(async (tx) => {
    const fields = await lockedFields(tx);
    const ordered = fields
      .map((field, index) => ({
        field,
        index,
        position: options.order[field.name] ?? index + 1,
        // A position the admin typed wins a tie with one left as it was.
        given: field.name in options.order ? 0 : 1,
      }))
      .sort((a, b) => a.position - b.position || a.given - b.given || a.index - b.index)
      .map(({ field }, index) => ({ ...field, order: index + 1 }));
    await writeFields(tx, ordered);
  });
}
