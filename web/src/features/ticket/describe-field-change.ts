import type { FieldChange } from './build-ticket-history';

/** Fields whose values are lists of words, shown as added and removed items as Trac does. */
const LIST_FIELDS = new Set(['cc', 'keywords']);
const words = (value: string) => value.split(/[\s,]+/).filter(Boolean);

export type FieldChangeSummary =
  | { kind: 'set'; value: string }
  | { kind: 'deleted'; value: string }
  | { kind: 'changed'; from: string; to: string }
  | { kind: 'list'; added: string[]; removed: string[] }
  | { kind: 'modified' };

/** How the history tells one field change: set, deleted, changed, list edits, or modified (text). */
export function describeFieldChange(change: FieldChange): FieldChangeSummary {
  if (change.field === 'description') return { kind: 'modified' };
  if (LIST_FIELDS.has(change.field)) {
    const before = words(change.oldvalue);
    const after = words(change.newvalue);
    return {
      kind: 'list',
      added: after.filter((word) => !before.includes(word)),
      removed: before.filter((word) => !after.includes(word)),
    };
  }
  if (!change.oldvalue) return { kind: 'set', value: change.newvalue };
  if (!change.newvalue) return { kind: 'deleted', value: change.oldvalue };
  return { kind: 'changed', from: change.oldvalue, to: change.newvalue };
}
