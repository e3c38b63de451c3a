'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { formMessageOf } from '@/core/errors/show-error';
import type { FormState } from '@/core/forms/action-form';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { getAttachmentStorage } from '@/features/attachment/attachment-services';
import { deleteWikiPage } from '../delete-wiki-page';
import { renameWikiPage } from '../rename-wiki-page';
import { revertWikiPage } from '../revert-wiki-page';
import { wikiPageHref } from '../wiki-names';

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
};

async function currentAuthor() {
  const viewer = await getViewer();
  return { viewer, author: viewer.user?.username ?? 'anonymous' };
}

async function runOrExplain(run: () => Promise<void>): Promise<FormState | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const shown = formMessageOf(error);
    if (shown) return { error: shown.message };
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
