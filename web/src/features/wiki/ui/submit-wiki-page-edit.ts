import { isAppError } from '@/core/errors/app-error';
import { readText } from '@/core/forms/form-fields';
import 'server-only';
import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { diffWikiText, type WikiTextDiff } from '../diff-wiki-text';
import { saveWikiPage } from '../save-wiki-page';
import { WikiConflictError } from '../wiki-errors';
import { wikiPageHref } from '../wiki-names';

export interface EditWikiState {
  name: string;
  text: string;
  comment: string;
  baseVersion: number;
  readonly: boolean;
  error?: string;
  previewHtml?: string;
  conflict?: { currentVersion: number; currentAuthor: string | null; diff: WikiTextDiff };
}

/** Previews or saves the edit form; a refused save keeps what was typed. */
export async function submitWikiPageEdit({
  previous,
  form,
  features,
}: {
  previous: EditWikiState;
  form: FormData;
  /** The features whose links and macros the preview renders. */
  features: readonly Feature[];
}): Promise<EditWikiState> {
  const state: EditWikiState = {
    name: previous.name,
    text: readText(form, 'text').replace(/\r\n?/g, '\n'),
    comment: readText(form, 'comment'),
    baseVersion: Number(readText(form, 'baseVersion')) || 0,
    readonly: form.get('readonly') === 'on',
  };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ...state, error: unsafe.message };
  const viewer = await getViewer();
  const author = viewer.user?.username ?? 'anonymous';
  if (form.get('intent') === 'preview') {
    const previewHtml = await renderWikiText({
      db: getDb(),
      viewer,
      text: state.text,
      context: { realm: 'wiki', id: state.name },
      features,
    });
    return { ...state, previewHtml };
  }
  try {
    await saveWikiPage({
      db: getDb(),
      viewer,
      author,
      input: {
        name: state.name,
        text: state.text,
        comment: state.comment,
        baseVersion: state.baseVersion,
        readonly: viewer.permissions.has('WIKI_ADMIN') ? state.readonly : undefined,
      },
    });
  } catch (error) {
    if (error instanceof WikiConflictError) {
      return {
        ...state,
        error: error.message,
        // The next save is taken as the editor's merge of both versions.
        baseVersion: error.currentVersion,
        conflict: {
          currentVersion: error.currentVersion,
          currentAuthor: error.currentAuthor,
          diff: diffWikiText({ oldText: error.currentText, newText: state.text }),
        },
      };
    }
    if (isAppError(error)) return { ...state, error: error.message };
    throw error;
  }
  redirect(wikiPageHref(state.name));
}
