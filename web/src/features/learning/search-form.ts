import { z } from 'zod';

export interface MaterialSearch {
  query: string;
  limit: number;
  minScore: number;
  documentIds?: string[];
}

const SearchFormSchema = z.object({
  query: z
    .string()
    .trim()
    .min(2, 'Type at least two characters')
    .max(1_000, 'At most 1,000 characters'),
  limit: z.coerce
    .number({ message: 'A number from 1 to 100' })
    .int('A whole number from 1 to 100')
    .min(1, 'From 1 to 100')
    .max(100, 'From 1 to 100'),
  minScore: z.coerce
    .number({ message: 'A number from 0 to 1' })
    .min(0, 'From 0 to 1')
    .max(1, 'From 0 to 1'),
  documentIds: z.array(z.uuid('Choose documents from the list')).max(100),
});

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Reads the search playground's address (a GET form, so a search can be linked and repeated).
 * Nothing asked yet is `null`; otherwise the search or the problem with each field.
 */
export function parseSearchParams(
  params: Params,
):
  | null
  | { ok: true; search: MaterialSearch }
  | { ok: false; fieldErrors: Record<string, string> } {
  const query = first(params.q);
  if (query === undefined) return null;
  const documents = [params.doc ?? []].flat();
  const parsed = SearchFormSchema.safeParse({
    query,
    limit: first(params.limit) || '10',
    minScore: first(params.minScore) || '0',
    documentIds: documents,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field =
        issue.path[0] === 'query'
          ? 'q'
          : issue.path[0] === 'documentIds'
            ? 'doc'
            : String(issue.path[0]);
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const { documentIds, ...rest } = parsed.data;
  return { ok: true, search: { ...rest, ...(documentIds.length ? { documentIds } : {}) } };
}

/** "Chapter 2 › Recursion › Base case, pp. 4–5": where a passage sits in its document. */
export function describePlace(hit: {
  headingPath: string[];
  pageStart: number | null;
  pageEnd: number | null;
}): string {
  const heading = hit.headingPath.join(' › ');
  const pages =
    hit.pageStart === null
      ? ''
      : hit.pageEnd !== null && hit.pageEnd !== hit.pageStart
        ? `pp. ${hit.pageStart}–${hit.pageEnd}`
        : `p. ${hit.pageStart}`;
  return [heading, pages].filter(Boolean).join(', ') || 'Start of the document';
}
