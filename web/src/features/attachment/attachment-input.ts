import { z } from 'zod';
import { AppError } from '@/core/errors/app-error';
import { hasControlCharacters } from '@/core/text/control-characters';

/** Validates a verb's input; the first problem becomes the message the form shows. */
export function parseAttachmentInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('INVALID_INPUT', result.error.issues[0]?.message ?? 'Invalid input.');
}

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
