import type { FieldErrors } from '../ticket-form';

/** What the /newticket form shows after a preview or a refused submit: everything as typed. */
export interface NewTicketFormState {
  values: Record<string, string>;
  action: string;
  errors: FieldErrors;
  previewHtml?: string;
}

/** A change someone else saved while the form was open, shown on a mid-air collision. */
export interface CollidingChange {
  author: string;
  time: string;
  fields: { field: string; oldvalue: string; newvalue: string }[];
  comment: string;
}

/** What the Modify Ticket form shows after a preview or a refused save. */
export interface ModifyTicketFormState {
  values: Record<string, string>;
  comment: string;
  replyTo: string;
  action: string;
  actionOwner: string;
  actionResolution: string;
  /** The "Add to Cc" / "Remove from Cc" box was ticked. */
  ccUpdate?: boolean;
  /** The ticket's changetime (microseconds, as text) the form's edits are based on. */
  expectedChangetime: string;
  errors: FieldErrors;
  /** Set when the save was refused for a permission the user lacks. */
  message?: string;
  previewHtml?: string;
  collision?: CollidingChange[];
}

export interface CommentEditState {
  text: string;
  error?: string;
}
