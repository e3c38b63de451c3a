import { z } from 'zod';

export interface QuestionEdit {
  prompt: string;
  expectedAnswer: string;
  choices?: string[];
  difficulty: number;
}

const QuestionEditSchema = z.object({
  prompt: z.string().trim().min(1, 'Write the question').max(2_000, 'At most 2,000 characters'),
  expectedAnswer: z
    .string()
    .trim()
    .min(1, 'Write the expected answer')
    .max(2_000, 'At most 2,000 characters'),
  difficulty: z.coerce
    .number({ message: 'A number from 1 to 5' })
    .int('A whole number from 1 to 5')
    .min(1, 'From 1 to 5')
    .max(5, 'From 1 to 5'),
});

/**
 * Reads a question's edit form. A multiple-choice question lists its options one per line; the
 * expected answer must be one of them (learn-api checks that too, and says so by field).
 */
export function parseQuestionEdit(
  form: FormData,
  kind: 'open' | 'choice' | 'cloze',
): { ok: true; input: QuestionEdit } | { ok: false; fieldErrors: Record<string, string> } {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value : '';
  };
  const parsed = QuestionEditSchema.safeParse({
    prompt: text('prompt'),
    expectedAnswer: text('expectedAnswer'),
    difficulty: text('difficulty'),
  });
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  }
  const choices = text('choices')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (kind === 'choice' && (choices.length < 2 || choices.length > 8)) {
    fieldErrors.choices = 'List 2 to 8 options, one per line';
  }
  if (kind === 'cloze' && parsed.success && !parsed.data.prompt.includes('_____')) {
    fieldErrors.prompt = 'Mark the missing words with _____';
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, input: { ...parsed.data, ...(kind === 'choice' ? { choices } : {}) } };
}
