'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/core/db';
import { getActingViewer } from '@/core/forms/acting-viewer';
import type { FormState } from '@/core/forms/action-form';
import { readText } from '@/core/forms/form-fields';
import { runOrExplain } from '@/core/forms/run-or-explain';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { getAttachmentStorage } from '@/features/attachment/attachment-services';
import { deleteWikiPage } from '../delete-wiki-page';
import { renameWikiPage } from '../rename-wiki-page';
import { revertWikiPage } from '../revert-wiki-page';
import { wikiPageHref } from '../wiki-names';

export async function renameWikiPageAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer, author } = await getActingViewer();
  const newName = readText(form, 'newName').trim();
  const failed = await runOrExplain(async () => {
    await renameWikiPage({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      author,
      input: { name: readText(form, 'name'), newName, redirect: form.get('redirect') === 'on' },
    });
  });
  if (failed) return failed;
  redirect(wikiPageHref(newName));
}

export async function deleteWikiPageAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer } = await getActingViewer();
  const name = readText(form, 'name');
  const version = readText(form, 'version');
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
  const { viewer, author } = await getActingViewer();
  const name = readText(form, 'name');
  const failed = await runOrExplain(async () => {
    await revertWikiPage({
      db: getDb(),
      viewer,
      author,
      input: {
        name,
        version: readText(form, 'version'),
        baseVersion: readText(form, 'baseVersion'),
      },
    });
  });
  if (failed) return failed;
  redirect(wikiPageHref(name));
}
