'use server';

import { features } from '@/composition/registry';
import { submitTicketChange } from '@/features/ticket/ui/submit-ticket-change';
import type { ModifyTicketFormState } from '@/features/ticket/ui/ticket-form-state';

/** Previews or saves the Modify Ticket form; a refused save keeps everything typed. */
export async function modifyTicketAction(
  _previous: ModifyTicketFormState,
  form: FormData,
): Promise<ModifyTicketFormState> {
  return submitTicketChange({ form, features });
}
