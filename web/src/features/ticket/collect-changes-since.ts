import { formatDateTime } from '@/core/format';
import { buildTicketHistory } from './build-ticket-history';
import type { TicketChange } from './get-ticket';
import { FIELD_LABELS } from './ticket-form';
import type { CollidingChange } from './ui/ticket-form-state';

/** The changes saved after `since` (microseconds), for the mid-air collision message. */
export function collectChangesSince(
  changes: readonly TicketChange[],
  since: bigint,
): CollidingChange[] {
  return buildTicketHistory(changes)
    .filter((entry) => entry.timeMicros > since)
    .map((entry) => ({
      author: entry.author ?? 'anonymous',
      time: formatDateTime(entry.time),
      fields: entry.fields.map((field) => ({
        ...field,
        field: FIELD_LABELS[field.field] ?? field.field,
      })),
      comment: entry.comment,
    }));
}
