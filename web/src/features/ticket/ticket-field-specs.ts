import type { Viewer } from '@/core/feature';
import { type CustomField, customFieldLabel, timeInputValue } from './custom-fields';
import { ccToggleOf } from './ticket-cc';
import { EDITABLE_FIELDS, FIELD_LABELS } from './ticket-form';
import type { TicketOptions } from './ticket-options';
import { hasTicketPermission, mayChangeField, mayToggleOwnCc } from './ticket-permissions';

/** How the ticket forms draw one field (plain data, so it can reach client components). */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'select' | 'radio' | 'checkbox' | 'textarea' | 'time';
  options?: string[];
  /** A select offers an empty choice. */
  optional?: boolean;
  rows?: number;
  timeFormat?: 'date' | 'datetime';
  /** Shown but not editable by this user (not submitted). */
  disabled?: boolean;
  /** Spans both columns of the property grid (textareas). */
  wide?: boolean;
  hint?: string;
  /**
   * Cc for someone who may not edit it but may add or remove themselves: the list is shown and
   * a checkbox (`cc_update`) toggles their own name.
   */
  ccToggle?: 'add' | 'remove';
}

// The editable fields but the ones that head the form (summary, description) and the reporter.
const PROPERTY_ORDER = EDITABLE_FIELDS.filter(
  (name) => name !== 'summary' && name !== 'reporter' && name !== 'description',
);

function withCurrent(options: readonly string[], current: string | null | undefined): string[] {
  return current && !options.includes(current) ? [...options, current] : [...options];
}

/**
 * The property fields of the new-ticket form (no `current`) or of Change Properties (the
 * ticket's values as `current`), in Trac's order, custom fields last.
 */
export function buildFieldSpecs(options: {
  ticketOptions: TicketOptions;
  customFields: readonly CustomField[];
  actor: Viewer;
  current?: { values: Record<string, string>; reporter: string | null };
}): FieldSpec[] {
  const { ticketOptions: o, customFields, actor, current } = options;
  const lists: Record<string, { list: string[]; optional: boolean }> = {
    type: { list: o.types, optional: false },
    priority: { list: o.priorities, optional: false },
    milestone: { list: o.milestones, optional: true },
    component: { list: o.components, optional: o.components.length === 0 },
    version: { list: o.versions, optional: true },
    severity: { list: o.severities, optional: true },
  };
  const disabled = (name: string) =>
    current ? !mayChangeField({ actor, field: name, reporter: current.reporter }) : false;
  const specs: FieldSpec[] = [];
  for (const name of PROPERTY_ORDER) {
    // On an existing ticket the owner changes through the workflow's actions.
    if (name === 'owner' && current) continue;
    const list = lists[name];
    const label = FIELD_LABELS[name] ?? name;
    if (list) {
      if (list.list.length === 0 && !current?.values[name]) continue;
      specs.push({
        name,
        label,
        kind: 'select',
        options: withCurrent(list.list, current?.values[name]),
        optional: list.optional,
        disabled: disabled(name),
      });
    } else if (name === 'cc' && current && disabled(name) && mayToggleOwnCc(actor)) {
      specs.push({
        name,
        label,
        kind: 'text',
        ccToggle: ccToggleOf(current.values.cc, actor.name!),
      });
    } else {
      specs.push({
        name,
        label,
        kind: 'text',
        disabled: disabled(name),
        hint: name === 'cc' || name === 'keywords' ? 'separate with spaces or commas' : undefined,
      });
    }
  }
  if (current) {
    // Summary and description head Change Properties, as in Trac.
    specs.unshift(
      {
        name: 'summary',
        label: 'Summary',
        kind: 'text',
        wide: true,
        disabled: disabled('summary'),
      },
      {
        name: 'description',
        label: 'Description',
        kind: 'textarea',
        rows: 10,
        wide: true,
        disabled: disabled('description'),
      },
    );
  } else if (hasTicketPermission(actor, 'TICKET_ADMIN')) {
    specs.unshift({ name: 'reporter', label: 'Reporter', kind: 'text' });
  }
  for (const field of customFields) {
    specs.push({
      name: field.name,
      label: customFieldLabel(field),
      kind: field.type,
      options:
        field.type === 'select' || field.type === 'radio'
          ? withCurrent(field.options, current?.values[field.name])
          : undefined,
      optional: field.optional,
      rows: field.rows,
      timeFormat: field.format,
      wide: field.type === 'textarea',
      disabled: disabled(field.name),
    });
  }
  return specs;
}

/** Values as the form inputs show them (time fields as dates rather than microseconds). */
export function formValuesFor(
  customFields: readonly CustomField[],
  values: Record<string, string>,
): Record<string, string> {
  const shown = { ...values };
  for (const field of customFields) {
    if (field.type === 'time' && shown[field.name]) {
      shown[field.name] = timeInputValue(field, shown[field.name]!);
    }
  }
  return shown;
}
