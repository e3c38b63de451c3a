'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/core/db';
import { getActingViewer } from '@/core/forms/acting-viewer';
import type { FormState } from '@/core/forms/action-form';
import { readText } from '@/core/forms/form-fields';
import { runOrExplain } from '@/core/forms/run-or-explain';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { addAttachment } from '../add-attachment';
import { attachmentParentHref } from '../attachment-href';
import type { AttachmentRealm } from '../attachment-permissions';
import { getAttachmentMaxSize, getAttachmentStorage } from '../attachment-services';
import { deleteAttachment } from '../delete-attachment';

export async function uploadAttachmentAction(_: FormState, form: FormData): Promise<FormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const { viewer, author } = await getActingViewer();
  const realm = readText(form, 'realm');
  const id = readText(form, 'id');
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
        description: readText(form, 'description'),
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
  const { viewer } = await getActingViewer();
  const realm = readText(form, 'realm');
  const id = readText(form, 'id');
  const failed = await runOrExplain(async () => {
    await deleteAttachment({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      input: { realm: realm as 'wiki', id, filename: readText(form, 'filename') },
    });
  });
  if (failed) return failed;
  redirect(attachmentParentHref(realm as AttachmentRealm, id));
}
