/**
 * Why an admin or milestone write was refused; `fieldErrors` name the form fields that are wrong.
 */
export class AdminError extends Error {
  override name = 'AdminError';
  constructor(
    readonly code: 'invalid_input' | 'not_found' | 'forbidden',
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Admin pages and their writes need TRAC_ADMIN, as in Trac's web admin. */
export function assertAdmin(permissions: ReadonlySet<string>): void {
  if (!permissions.has('TRAC_ADMIN')) {
    throw new AdminError('forbidden', 'TRAC_ADMIN is needed to administer the site.');
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A trimmed name for a component, version, enum value or subject, or a field error. */
export function readName(value: string | undefined, what: string, field = 'name'): string {
  const name = (value ?? '').trim();
  if (name === '')
    throw new AdminError('invalid_input', `${what} needs a name.`, {
      [field]: `${what} needs a name.`,
    });
  if (name.length > 255 || CONTROL.test(name)) {
    throw new AdminError('invalid_input', `${what} name is not valid.`, {
      [field]: `${what} names are at most 255 characters, without control characters.`,
    });
  }
  return name;
}
