import { z } from 'zod';

/** What learn-api's path builder needs from the instructor's form: a shared draft path. */
export interface NewSharedPath {
  kind: 'shared';
  title: string;
  subject?: string;
  query?: string;
  chunkIds?: string[];
  maxConcepts: number;
}

const NewPathFormSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the path a title').max(200, 'At most 200 characters'),
    subject: z.string().trim().max(200, 'At most 200 characters'),
    source: z.enum(['query', 'sections'], { message: 'Choose how to find the material' }),
    query: z.string().trim().max(1_000, 'At most 1,000 characters'),
    sections: z.array(z.string()),
    maxConcepts: z.coerce
      .number({ message: 'A number from 1 to 50' })
      .int('A whole number from 1 to 50')
      .min(1, 'At least 1 concept')
      .max(50, 'At most 50 concepts'),
  })
  .superRefine((form, ctx) => {
    if (form.source === 'query' && form.query.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'Say what the path should teach' });
    }
    if (form.source === 'sections' && form.sections.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'Choose at least one section' });
    }
  });

const uuid = z.uuid();

/** A section's checkbox carries its chunk ids, comma-separated. */
export function sectionValue(chunkIds: string[]): string {
  return chunkIds.join(',');
}

/**
 * Reads the new-path form. The material comes from a search (`query`) or from chosen sections
 * of documents' outlines (their chunks), never both.
 */
export function parseNewPathForm(
  form: FormData,
): { ok: true; input: NewSharedPath } | { ok: false; fieldErrors: Record<string, string> } {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value : '';
  };
  const parsed = NewPathFormSchema.safeParse({
    title: text('title'),
    subject: text('subject'),
    source: text('source'),
    query: text('query'),
    sections: form.getAll('sections').filter((value) => typeof value === 'string'),
    maxConcepts: text('maxConcepts') || '12',
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const { title, subject, source, query, sections, maxConcepts } = parsed.data;
  const chunkIds = [...new Set(sections.flatMap((value) => value.split(',')))];
  if (source === 'sections' && !chunkIds.every((id) => uuid.safeParse(id).success)) {
    return { ok: false, fieldErrors: { sections: 'Choose sections from the lists shown' } };
  }
  if (source === 'sections' && chunkIds.length > 200) {
    return {
      ok: false,
      fieldErrors: { sections: 'Choose fewer sections: at most 200 passages in all' },
    };
  }
  return {
    ok: true,
    input: {
      kind: 'shared',
      title,
      ...(subject ? { subject } : {}),
      ...(source === 'query' ? { query } : { chunkIds }),
      maxConcepts,
    },
  };
}

/** learn-api's field names on the form: chosen chunks are the form's sections. */
export function newPathFieldOf(apiField: string): string {
  if (apiField === 'chunkIds') return 'sections';
  return ['title', 'subject', 'query', 'maxConcepts'].includes(apiField) ? apiField : 'query';
}
