'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { addAttachment } from './attachments/add-attachment';
import { deleteAttachment } from './attachments/delete-attachment';
import { deleteWikiPage } from './delete-wiki-page';
import { diffWikiText, type WikiTextDiff } from './diff-wiki-text';
import { renameWikiPage } from './rename-wiki-page';
import { revertWikiPage } from './revert-wiki-page';
import { saveWikiPage } from './save-wiki-page';
import { WikiConflictError, WikiError } from './wiki-errors';
import { wikiPageHref } from './wiki-names';
import { getAttachmentMaxSize, getAttachmentStorage } from './wiki-services';

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

export interface FormState {
  error?: string;
}

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
};

async function currentAuthor() {
  const viewer = await getViewer();
  return { viewer, author: viewer.user?.username ?? 'anonymous' };
}

/** Previews or saves the edit form; a refused save keeps what was typed. */
export async function editWikiPageAction(
  previous: EditWikiState,
  form: FormData,
): Promise<EditWikiState> {
  const state: EditWikiState = {
    name: previous.name,
    text: text(form, 'text').replace(/\r\n?/g, '\n'),
    comment: text(form, 'comment'),
    baseVersion: Number(text(form, 'baseVersion')) || 0,
    readonly: form.get('readonly') === 'on',
  };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ...state, error: unsafe.message };
  const { viewer, author } = await currentAuthor();
  if (form.get('intent') === 'preview') {
    const previewHtml = await renderWikiText({
      db: getDb(),
      viewer,
      text: state.text,
      context: { realm: 'wiki', id: state.name },
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
    if (error instanceof WikiError) return { ...state, error: error.message };
    throw error;
  }
  redirect(wikiPageHref(state.name));
}

async function runOrExplain(run: () => Promise<void>): Promise<FormState | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof WikiError) return { error: error.message };
    throw error;
  }
}

export async function renameWikiPageAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer, author } = await currentAuthor();
  const newName = text(form, 'newName').trim();
  const failed = await runOrExplain(async () => {
    await renameWikiPage({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      author,
      input: { name: text(form, 'name'), newName, redirect: form.get('redirect') === 'on' },
    });
  });
  if (failed) return failed;
  redirect(wikiPageHref(newName));
}

export async function deleteWikiPageAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer } = await currentAuthor();
  const name = text(form, 'name');
  const version = text(form, 'version');
  let remains = false;
  const failed = await runOrExplain(async () => {
    const result = await deleteWikiPage({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      input: { name, version: version ? Number(version) : undefined },
    });
    remains = result.pageRemains;
  });
  if (failed) return failed;
  redirect(remains ? wikiPageHref(name) : '/wiki');
}

export async function revertWikiPageAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer, author } = await currentAuthor();
  const name = text(form, 'name');
  const failed = await runOrExplain(async () => {
    await revertWikiPage({
      db: getDb(),
      viewer,
      author,
      input: { name, version: text(form, 'version'), baseVersion: text(form, 'baseVersion') },
    });
  });
  if (failed) return failed;
  redirect(wikiPageHref(name));
}

export async function uploadAttachmentAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer, author } = await currentAuthor();
  const realm = text(form, 'realm');
  const id = text(form, 'id');
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choose a file to attach.' };
  const maxSize = getAttachmentMaxSize();
  if (file.size > maxSize) {
    return {
      error: `The file is ${file.size} bytes; attachments may have at most ${maxSize} bytes.`,
    };
  }
  const failed = await runOrExplain(async () => {
    await addAttachment({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      author,
      maxSize,
      input: {
        realm: realm as 'wiki',
        id,
        filename: file.name,
        description: text(form, 'description'),
        replace: form.get('replace') === 'on',
      },
      data: new Uint8Array(await file.arrayBuffer()),
    });
  });
  if (failed) return failed;
  redirect(realm === 'ticket' ? `/ticket/${encodeURIComponent(id)}` : wikiPageHref(id));
}

export async function deleteAttachmentAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer } = await currentAuthor();
  const realm = text(form, 'realm');
  const id = text(form, 'id');
  const failed = await runOrExplain(async () => {
    await deleteAttachment({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      input: { realm: realm as 'wiki', id, filename: text(form, 'filename') },
    });
  });
  if (failed) return failed;
  redirect(realm === 'ticket' ? `/ticket/${encodeURIComponent(id)}` : wikiPageHref(id));
}
