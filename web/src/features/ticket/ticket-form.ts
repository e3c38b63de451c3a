import type { TicketFields } from '@learntrac/db/tickets';
import type { z } from 'zod';
import { formError } from '@/core/errors/app-error';
import { type CustomField, normalizeCustomValue } from './custom-fields';
import type { TicketOptions } from './ticket-options';

/** Built-in fields the ticket forms edit directly (status, resolution and owner go through the workflow on /ticket). */
export const EDITABLE_FIELDS = [
  'summary',
  'reporter',
  'description',
  'type',
  'priority',
  'milestone',
  'component',
  'version',
  'severity',
  'keywords',
  'cc',
  'owner',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const FIELD_LABELS: Record<string, string> = {
  summary: 'Summary',
  reporter: 'Reporter',
  description: 'Description',
  type: 'Type',
  priority: 'Priority',
  milestone: 'Milestone',
  component: 'Component',
  version: 'Version',
  severity: 'Severity',
  keywords: 'Keywords',
  cc: 'Cc',
  owner: 'Owner',
  status: 'Status',
  resolution: 'Resolution',
};

/** Trac's limit on a comment's length, in characters. */
export const MAX_COMMENT = 100_000;

/** Per-field messages; the key is the field name (or `action`, `comment`, `form`). */
export type FieldErrors = Record<string, string>;

/**
 * Parses a ticket verb's input; what the schema refuses becomes a TicketFormError naming the
 * field (a property by its own name), so the form shows it beside what was typed.
 */
export function parseTicketInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw formError(fieldErrorsOf(result.error));
}

/** Schema problems by form field: `values.<name>` is the property `<name>`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path.map(String);
    errors[first === 'values' && second ? second : (first ?? 'form')] ??= issue.message;
  }
  return errors;
}

const SELECTS: Partial<
  Record<
    EditableField,
    {
      list: 'types' | 'priorities' | 'severities' | 'components' | 'milestones' | 'versions';
      required: boolean;
    }
  >
> = {
  type: { list: 'types', required: true },
  priority: { list: 'priorities', required: true },
  severity: { list: 'severities', required: false },
  component: { list: 'components', required: false },
  milestone: { list: 'milestones', required: false },
  version: { list: 'versions', required: false },
};

/**
 * Checks the submitted values of built-in and custom fields. `current` is the ticket being
 * changed: a value it already has stays acceptable even if the option was since removed
 * (e.g. a completed milestone). Only fields present in `values` are checked and returned.
 */
export function validateTicketFields(options: {
  values: Readonly<Record<string, string>>;
  ticketOptions: TicketOptions;
  customFields: readonly CustomField[];
  current?: Readonly<Record<string, string | null>>;
}): { fields: TicketFields; custom: Record<string, string>; errors: FieldErrors } {
  const { values, ticketOptions, customFields, current } = options;
  const fields: TicketFields = {};
  const custom: Record<string, string> = {};
  const errors: FieldErrors = {};

  for (const name of EDITABLE_FIELDS) {
    const raw = values[name];
    if (raw === undefined) continue;
    const value = name === 'description' ? raw.replace(/\r\n/g, '\n') : raw.trim();
    const label = FIELD_LABELS[name] ?? name;
    const unchanged = current !== undefined && value === (current[name] ?? '');
    const select = SELECTS[name];
    if (name === 'summary') {
      if (value === '')
        errors.summary = 'Summary is required: say in a line what the ticket is about.';
      else if (value.length > 255)
        errors.summary = `Summary is ${value.length} characters long; the limit is 255.`;
    } else if (name === 'description') {
      if (value.length > 100_000)
        errors.description = 'Description is longer than 100,000 characters.';
    } else if (select && !unchanged) {
      const allowed = ticketOptions[select.list];
      if (value === '' ? select.required && allowed.length > 0 : !allowed.includes(value)) {
        errors[name] =
          value === ''
            ? `${label} is required.`
            : `“${value}” is not a ${label.toLowerCase()}; choose one of ${allowed.join(', ') || '(none configured)'}.`;
      }
    } else if (name === 'owner' || name === 'reporter') {
      if (/[\s,]/.test(value))
        errors[name] = `${label} is a single user name, without spaces or commas.`;
      else if (value.length > 255) errors[name] = `${label} is longer than 255 characters.`;
    } else if (value.length > 255) {
      errors[name] = `${label} is longer than 255 characters.`;
    }
    fields[name] = value;
  }

  for (const field of customFields) {
    if (values[field.name] === undefined) continue;
    const result = normalizeCustomValue(field, values[field.name]);
    if ('error' in result) errors[field.name] = result.error;
    else custom[field.name] = result.value;
  }
  return { fields, custom, errors };
}

/** Form inputs are named `field_<name>` as in Trac; the last value of a name wins (checkbox over its hidden "0"). */
export function readFieldValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(form.keys())) {
    if (!key.startsWith('field_')) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    const last = all.at(-1);
    if (last !== undefined) values[key.slice('field_'.length)] = last;
  }
  return values;
}

/** The text of one form field, or '' when it is missing or a file. */
export function readFormText(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
}

/** The ticket a form names in its `ticketId` field, or null when that is not a ticket id. */
export function readTicketId(form: FormData): number | null {
  const id = Number(readFormText(form, 'ticketId'));
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}
