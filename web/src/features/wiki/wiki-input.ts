import type { z } from 'zod';
import { AppError } from '@/core/errors/app-error';

/** Trac's default `[wiki] max_size`: the largest page text accepted, in characters. */
export const MAX_WIKI_TEXT = 262_144;

/** Validates a verb's input; the first problem becomes the message the form shows. */
export function parseWikiInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('INVALID_INPUT', result.error.issues[0]?.message ?? 'Invalid input.');
}
