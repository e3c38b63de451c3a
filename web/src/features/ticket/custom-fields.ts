import { TICKET_CUSTOM_FIELDS_KEY } from '@learntrac/db/seed';
import { TICKET_FIELDS } from '@learntrac/db/tickets';
import { z } from 'zod';
import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

/** The `system` row holding the custom field definitions (Trac's `[ticket-custom]`) as JSON. */
export { TICKET_CUSTOM_FIELDS_KEY };

export const CUSTOM_FIELD_TYPES = [
  'text',
  'checkbox',
  'select',
  'radio',
  'textarea',
  'time',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

// Names a custom field may not take: Trac's own columns and the change-history keywords.
const RESERVED = new Set<string>([...TICKET_FIELDS, 'id', 'time', 'changetime', 'comment']);

export const CustomFieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'custom field names are lower-case letters, digits and _')
      .refine((name) => !RESERVED.has(name), 'a custom field cannot reuse a built-in name'),
    type: z.enum(CUSTOM_FIELD_TYPES),
    label: z.string().min(1).optional(),
    /** Default value; for a checkbox "0" or "1". */
    value: z.string().default(''),
    /** Choices of a select or radio field. */
    options: z.array(z.string()).default([]),
    /** A select may be left empty (Trac: an empty first option). */
    optional: z.boolean().default(false),
    order: z.number().int().default(0),
    /** Rows of a textarea. */
    rows: z.number().int().positive().max(50).default(5),
    /** How a time field is entered and shown. */
    format: z.enum(['date', 'datetime']).default('datetime'),
    /** A textarea's text is wiki text (Trac's `format = wiki`). */
    wiki: z.boolean().default(false),
  })
  .refine((field) => !['select', 'radio'].includes(field.type) || field.options.length > 0, {
    message: 'a select or radio field needs options',
    path: ['options'],
  });
export type CustomField = z.output<typeof CustomFieldSchema>;

export const CustomFieldsConfigSchema = z.array(CustomFieldSchema);

/**
 * The value a new ticket starts with. A select that may not be left empty starts on its first
 * option when its default is not one of them, as in Trac; otherwise a new ticket could not be
 * saved without touching it.
 */
export function customFieldDefault(field: CustomField): string {
  if (field.type === 'select' && !field.optional && !field.options.includes(field.value)) {
    return field.options[0] ?? '';
  }
  return field.value;
}

export function customFieldLabel(field: CustomField): string {
  return field.label ?? field.name.charAt(0).toUpperCase() + field.name.slice(1).replace(/_/g, ' ');
}

/** The configured custom fields in display order; none configured is an empty list. */
export async function loadCustomFields(options: { db: Queryable }): Promise<CustomField[]> {
  const rows = await options.db.query<{ value: string | null }>(sql`
    SELECT value FROM system WHERE name = ${TICKET_CUSTOM_FIELDS_KEY}`);
  const value = rows[0]?.value;
  if (!value) return [];
  const fields = CustomFieldsConfigSchema.parse(JSON.parse(value));
  return fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => a.field.order - b.field.order || a.index - b.index)
    .map(({ field }) => field);
}

/** Trac stores a time custom field as microseconds since the epoch, zero-padded to 18 digits. */
export function toStoredTime(date: Date): string {
  return String(BigInt(date.getTime()) * 1000n).padStart(18, '0');
}

export function fromStoredTime(value: string): Date | null {
  if (!/^\d{1,18}$/.test(value)) return null;
  return new Date(Number(BigInt(value) / 1000n));
}

/** What a time field's input shows for a stored value (UTC, as the site shows dates). */
export function timeInputValue(field: CustomField, stored: string): string {
  const date = fromStoredTime(stored);
  if (!date) return stored;
  const iso = date.toISOString();
  return field.format === 'date' ? iso.slice(0, 10) : iso.slice(0, 16);
}

/**
 * Turns what the form sent for a custom field into the value to store, or an error message.
 * Checkboxes store "1"/"0"; select and radio values must be among the options; times are
 * read as UTC dates.
 */
export function normalizeCustomValue(
  field: CustomField,
  raw: string | undefined,
): { value: string } | { error: string } {
  const label = customFieldLabel(field);
  const text = (raw ?? '').trim();
  switch (field.type) {
    case 'checkbox':
      return { value: text === '1' || text === 'on' ? '1' : '0' };
    case 'select':
    case 'radio':
      if (text === '' && (field.optional || field.type === 'radio')) return { value: '' };
      if (!field.options.includes(text)) {
        return { error: `${label} must be one of ${field.options.join(', ')}.` };
      }
      return { value: text };
    case 'time': {
      if (text === '') return { value: '' };
      const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/.exec(text);
      const date = match ? new Date(`${match[1]}T${match[2] ?? '00:00'}:00Z`) : null;
      if (!date || Number.isNaN(date.getTime())) {
        return {
          error: `${label} must be a date like 2025-03-01${field.format === 'datetime' ? ' 14:30' : ''}.`,
        };
      }
      return { value: toStoredTime(date) };
    }
    case 'text':
      if (text.length > 255) return { error: `${label} is longer than 255 characters.` };
      return { value: text };
    case 'textarea':
      if ((raw ?? '').length > 100_000) return { error: `${label} is too long.` };
      return { value: raw ?? '' };
  }
}
