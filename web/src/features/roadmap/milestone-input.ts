import { z } from 'zod';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A date typed into the form: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, read as UTC; '' for none. */
const FormDate = z
  .string()
  .optional()
  .transform((value) => (value ?? '').trim())
  .refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(value), {
    message: 'Use a date like 2025-06-30 or 2025-06-30T17:00.',
  })
  .transform((value, ctx) => {
    if (value === '') return null;
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: `${value} is not a date.` });
      return z.NEVER;
    }
    return date;
  });

export const MilestoneInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'A milestone needs a name.' })
    .max(255, { message: 'A milestone name may have at most 255 characters.' })
    .refine((name) => !CONTROL.test(name), {
      message: 'A milestone name may not contain control characters.',
    }),
  due: FormDate,
  completed: FormDate,
  description: z
    .string()
    .max(100_000, { message: 'The description may have at most 100,000 characters.' })
    .default(''),
});
export type MilestoneInput = z.input<typeof MilestoneInput>;
export type ParsedMilestone = z.output<typeof MilestoneInput>;

/** The form's values, or a map of field name to message. */
export function parseMilestoneInput(
  input: MilestoneInput,
  now: Date,
): { ok: true; value: ParsedMilestone } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = MilestoneInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  if (parsed.data.completed && parsed.data.completed.getTime() > now.getTime()) {
    return {
      ok: false,
      fieldErrors: { completed: 'The completion date may not be in the future.' },
    };
  }
  return { ok: true, value: parsed.data };
}
