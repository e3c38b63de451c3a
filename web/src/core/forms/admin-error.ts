import { AppError } from '@/core/errors/app-error';
/** Admin pages and their writes need TRAC_ADMIN, as in Trac's web admin. */
export function assertAdmin(permissions: ReadonlySet<string>): void {
  if (!permissions.has('TRAC_ADMIN')) {
    throw new AppError('FORBIDDEN', 'TRAC_ADMIN is needed to administer the site.');
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A trimmed name for a component, version, enum value or subject, or a field error. */
export function readName(value: string | undefined, what: string, field = 'name'): string {
  const name = (value ?? '').trim();
  if (name === '')
    throw new AppError('INVALID_INPUT', `${what} needs a name.`, {
      fieldErrors: {
        [field]: `${what} needs a name.`,
      },
    });
  if (name.length > 255 || CONTROL.test(name)) {
    throw new AppError('INVALID_INPUT', `${what} name is not valid.`, {
      fieldErrors: {
        [field]: `${what} names are at most 255 characters, without control characters.`,
      },
    });
  }
  return name;
}
