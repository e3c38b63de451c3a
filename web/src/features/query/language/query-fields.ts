/** Kinds of ticket field, as Trac names them (custom fields may use any of them). */
export type QueryFieldType = 'text' | 'textarea' | 'select' | 'radio' | 'checkbox' | 'time';

/** What the query language needs to know about a ticket field. */
export interface QueryField {
  name: string;
  type: QueryFieldType;
  /** Stored in `ticket_custom` rather than as a `ticket` column. */
  custom: boolean;
  /** A space/comma separated list (cc, keywords): "contains" matches each word. */
  list?: boolean;
  label?: string;
}

/** Trac's standard ticket fields, in Trac's order (the order default columns follow). */
export const standardTicketFields: readonly QueryField[] = [
  { name: 'summary', type: 'text', custom: false, label: 'Summary' },
  { name: 'reporter', type: 'text', custom: false, label: 'Reporter' },
  { name: 'owner', type: 'text', custom: false, label: 'Owner' },
  { name: 'description', type: 'textarea', custom: false, label: 'Description' },
  { name: 'type', type: 'select', custom: false, label: 'Type' },
  { name: 'status', type: 'radio', custom: false, label: 'Status' },
  { name: 'priority', type: 'select', custom: false, label: 'Priority' },
  { name: 'milestone', type: 'select', custom: false, label: 'Milestone' },
  { name: 'component', type: 'select', custom: false, label: 'Component' },
  { name: 'version', type: 'select', custom: false, label: 'Version' },
  { name: 'severity', type: 'select', custom: false, label: 'Severity' },
  { name: 'resolution', type: 'radio', custom: false, label: 'Resolution' },
  { name: 'keywords', type: 'text', custom: false, list: true, label: 'Keywords' },
  { name: 'cc', type: 'text', custom: false, list: true, label: 'Cc' },
  { name: 'time', type: 'time', custom: false, label: 'Created' },
  { name: 'changetime', type: 'time', custom: false, label: 'Modified' },
];

/** Other names Trac accepts for fields. */
const fieldSynonyms: Readonly<Record<string, string>> = { created: 'time', modified: 'changetime' };

/** The field a name refers to, after Trac's synonyms (`created` is `time`). */
export function canonicalFieldName(name: string): string {
  return fieldSynonyms[name] ?? name;
}

const fieldNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Field names are plain identifiers; anything else is never a field. */
export function isFieldName(name: string): boolean {
  return fieldNamePattern.test(name);
}

/** Fields whose values are dates, before any field list is known. */
export const standardTimeFields: ReadonlySet<string> = new Set(['time', 'changetime']);
