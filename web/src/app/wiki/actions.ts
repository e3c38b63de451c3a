'use server';

import { features } from '@/composition/registry';
import { type EditWikiState, submitWikiPageEdit } from '@/features/wiki/ui/submit-wiki-page-edit';

/** Previews or saves the edit form; a refused save keeps what was typed. */
export async function editWikiPageAction(
  previous: EditWikiState,
  form: FormData,
): Promise<EditWikiState> {
  return submitWikiPageEdit({ previous, form, features });
}
