import { z } from 'zod';
import { hasControlCharacters } from '@/features/wiki/wiki-input';

export const AttachmentRealmSchema = z.enum(['wiki', 'ticket'], {
  message: 'Attachments belong to a wiki page or a ticket.',
});

/** A file name as stored: the last path part of what the browser sent, without control characters. */
export const AttachmentFilenameSchema = z
  .string()
  .transform((name) => name.replace(/^.*[\\/]/, '').trim())
  .pipe(
    z
      .string()
      .min(1, { message: 'Choose a file to attach.' })
      .max(255, { message: 'The file name may have at most 255 characters.' })
      .refine((name) => !hasControlCharacters(name) && name !== '.' && name !== '..', {
        message: 'The file name is not allowed.',
      }),
  );

export const AttachmentKeyInput = z.object({
  realm: AttachmentRealmSchema,
  id: z.string().min(1, { message: 'The attachment has no parent.' }).max(255),
  filename: AttachmentFilenameSchema,
});
