import {
  parseQueryString,
  parseQueryUrl,
  type Query,
  type QueryField,
  type QueryFormat,
} from './language';

/** Trac's default query: every ticket not closed, by priority. */
export const DEFAULT_QUERY = 'status!=closed&order=priority';

// Parameters that shape the output but ask for no tickets: alone, they mean the default query.
const presentationParams = new Set(['format', 'max', 'page', 'verbose', 'col', 'report']);

/**
 * The query a `/query` URL asks for. With no filter, order or grouping in the URL the page shows
 * Trac's default query, keeping the URL's presentation options (format, max, page, columns).
 * Throws QuerySyntaxError for a URL that is not a valid query.
 */
export function queryFromParams(params: URLSearchParams, fields: readonly QueryField[]): Query {
  const asksForTickets = [...params.keys()].some((key) => !presentationParams.has(key));
  const parsed = parseQueryUrl(params, { fields });
  if (asksForTickets) return parsed;
  const fallback = parseQueryString(DEFAULT_QUERY, { fields });
  return { ...parsed, groups: fallback.groups, order: fallback.order };
}

/** The `format` of an export URL, or undefined when the URL asks for the page itself. */
export function exportFormatOf(params: URLSearchParams): QueryFormat | undefined {
  const format = params.get('format');
  return format === 'csv' || format === 'tab' || format === 'rss' ? format : undefined;
}

/** URLSearchParams from a Next.js `searchParams` record, keeping repeated keys in order. */
export function paramsFromRecord(
  record: Readonly<Record<string, string | readonly string[] | undefined>>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') params.append(key, value);
    else if (value) for (const v of value) params.append(key, v);
  }
  return params;
}
