import type { Permission } from '@/core/auth/roles';

export type WikiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'too_large'
  | 'busy';

/** An expected failure of a wiki verb; the pages show its message next to the form. */
export class WikiError extends Error {
  override name = 'WikiError';
  constructor(
    readonly code: WikiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class WikiPermissionError extends WikiError {
  override name = 'WikiPermissionError';
  constructor(
    readonly permission: Permission,
    what: string,
  ) {
    super('forbidden', `${permission} privileges are required to ${what}.`);
  }
}

/** Someone saved the page after the editor loaded it (Trac's "mid-air collision"). */
export class WikiConflictError extends WikiError {
  override name = 'WikiConflictError';
  constructor(
    readonly page: string,
    readonly baseVersion: number,
    readonly currentVersion: number,
    readonly currentText: string,
    readonly currentAuthor: string | null,
  ) {
    super(
      'conflict',
      `Sorry, this page has been modified by somebody else since you started editing (version ${currentVersion}, you edited version ${baseVersion}). Your changes have not been saved.`,
    );
  }
}
