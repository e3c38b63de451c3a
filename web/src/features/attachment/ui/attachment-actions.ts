'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { formMessageOf } from '@/core/errors/show-error';
import type { FormState } from '@/core/forms/action-form';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { addAttachment } from '../add-attachment';
import { attachmentParentHref } from '../attachment-href';
import type { AttachmentRealm } from '../attachment-permissions';
import { getAttachmentMaxSize, getAttachmentStorage } from '../attachment-services';
import { deleteAttachment } from '../delete-attachment';

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
  redirect(attachmentParentHref(realm as AttachmentRealm, id));
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
  redirect(attachmentParentHref(realm as AttachmentRealm, id));
}
