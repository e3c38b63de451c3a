/**
 * The one rule for text people send: PostgreSQL's text cannot hold U+0000, and a UTF-16 code unit
 * left from a broken surrogate pair is no character at all (it would be stored as U+FFFD, changing
 * what was typed without saying so). Such text is refused with a message instead.
 */
export function describeUnsafeText(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (!value.isWellFormed())
    return 'contains an unpaired surrogate (text that is not valid Unicode)';
  return null;
}

/** A refused form field: its name as submitted and the message to show. */
export interface UnsafeFormField {
  field: string;
  message: string;
}

// Trac names ticket inputs `field_<name>` and batch inputs `batch_<name>`; people know the name.
const label = (key: string) => key.replace(/^(field|batch)_/, '');

/**
 * The first field of a submitted form (text or file name) that breaks the rule, with a message
 * naming it. Every server action asks this before it does anything else.
 */
export function findUnsafeFormField(form: FormData): UnsafeFormField | null {
  for (const [key, value] of form.entries()) {
    const problem =
      describeUnsafeText(key) ?? describeUnsafeText(typeof value === 'string' ? value : value.name);
    if (problem) {
      const name = label(key);
      const shown = name.toWellFormed().replaceAll('\u0000', '');
      return {
        field: name,
        message: `“${shown}” ${problem}, which cannot be saved. Remove it and try again.`,
      };
    }
  }
  return null;
}
