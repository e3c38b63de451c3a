import type { Permission } from '@/core/auth/roles';

export type AttachmentErrorCode = 'invalid_input' | 'not_found' | 'forbidden' | 'too_large';

/** An expected failure of an attachment verb; the pages show its message next to the form. */
export class AttachmentError extends Error {
  override name = 'AttachmentError';
  constructor(
    readonly code: AttachmentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class AttachmentPermissionError extends AttachmentError {
  override name = 'AttachmentPermissionError';
  constructor(
    readonly permission: Permission,
    what: string,
  ) {
    super('forbidden', `${permission} privileges are required to ${what}.`);
  }
}
