'use server';

import { features } from '@/composition/registry';
import { submitNewTicket } from '@/features/ticket/ui/submit-new-ticket';
import type { NewTicketFormState } from '@/features/ticket/ui/ticket-form-state';

/** Previews or files a new ticket; a refused submit keeps everything typed. */
export async function createTicketAction(
  _previous: NewTicketFormState,
  form: FormData,
): Promise<NewTicketFormState> {
  return submitNewTicket({ form, features });
}
