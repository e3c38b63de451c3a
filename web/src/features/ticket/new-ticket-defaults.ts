import type { DefaultField } from '@/features/ticket/admin/ticket-defaults';
import type { TicketOptions } from './ticket-options';

/** The fields /newticket opens with the admin's defaults (Trac's `[ticket] default_*`). */
const DEFAULTED = ['type', 'priority', 'severity', 'milestone', 'version', 'component'] as const;

const LISTS = {
  type: 'types',
  priority: 'priorities',
  severity: 'severities',
  milestone: 'milestones',
  version: 'versions',
  component: 'components',
} as const;

/**
 * The values a new ticket starts with: each configured default that is still among the
 * choices (a completed milestone is not), otherwise the first type and `major` (or the middle
 * priority), as Trac does; the other fields start empty.
 */
export function newTicketDefaults(options: {
  ticketOptions: TicketOptions;
  defaults: Partial<Record<DefaultField, string>>;
}): Record<(typeof DEFAULTED)[number], string> {
  const { ticketOptions, defaults } = options;
  const { types, priorities } = ticketOptions;
  const values = {
    type: types[0] ?? '',
    priority: priorities.includes('major')
      ? 'major'
      : (priorities[Math.floor(priorities.length / 2)] ?? ''),
    severity: '',
    milestone: '',
    version: '',
    component: '',
  };
  for (const field of DEFAULTED) {
    const value = defaults[field];
    if (value && ticketOptions[LISTS[field]].includes(value)) values[field] = value;
  }
  return values;
}
