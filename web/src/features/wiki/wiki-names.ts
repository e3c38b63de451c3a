import { z } from 'zod';
import { hasControlCharacters } from '@/core/text/control-characters';

/** A wiki page name: `/`-separated parts, none empty, `.` or `..`, no control characters. */
export const WikiPageNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'A page name is required.' })
  .max(255, { message: 'A page name may have at most 255 characters.' })
  .refine((name) => !hasControlCharacters(name), {
    message: 'A page name may not contain control characters.',
  })
  .refine((name) => name.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), {
    message: 'A page name may not start or end with "/", contain "//", "." or ".." parts.',
  });

/** The page's address: `/wiki/Parent/Child`, each part encoded. */
export function wikiPageHref(name: string, query?: Record<string, string | number>): string {
  const path = `/wiki/${name.split('/').map(encodeURIComponent).join('/')}`;
  if (!query) return path;
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]) => [key, String(value)]),
  );
  return `${path}?${search.toString()}`;
}

/** The ancestors of a hierarchical name, for breadcrumbs: `A/B/C` -> `A`, `A/B`, `A/B/C`. */
export function listBreadcrumbs(name: string): { name: string; label: string }[] {
  const parts = name.split('/');
  return parts.map((label, index) => ({ name: parts.slice(0, index + 1).join('/'), label }));
}
