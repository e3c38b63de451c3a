import type { Queryable } from '@/core/db/database';
import type { Viewer, WikiSupport } from '@/core/feature';
import { loadCustomFields } from '@/features/ticket/custom-fields';
import { element, makeHref, type TicketSummary } from '@/wiki-engine';
import {
  buildQuerySql,
  formatQueryUrl,
  parseQueryString,
  type QueryField,
  QuerySyntaxError,
  resolveQueryColumns,
  standardTicketFields,
} from './language';
import { customQueryFields } from './load-query-fields';

/** `query:status=new&owner=$USER` as the /query page's URL parameters; unparsable text is kept. */
function queryHref(base: string, target: string, fields: readonly QueryField[]): string {
  const text = target.replace(/^\?/, '');
  if (!text) return base;
  try {
    return `${base}?${formatQueryUrl(parseQueryString(text, { fields }))}`;
  } catch (error) {
    if (error instanceof QuerySyntaxError) return `${base}?${text}`;
    throw error;
  }
}

async function runTicketQuery(
  db: Queryable,
  viewer: Viewer,
  text: string,
  fields: readonly QueryField[],
): Promise<TicketSummary[]> {
  try {
    const query = parseQueryString(text, { fields });
    // A macro's table may show the times besides the query's columns.
    const columns = [
      ...resolveQueryColumns(query, fields),
      ...['time', 'changetime'].filter((name) => fields.some((field) => field.name === name)),
    ];
    const sql = buildQuerySql(
      { ...query, columns, max: 0 },
      { fields, user: viewer.name ?? 'anonymous' },
    );
    const rows = await db.query<Record<string, unknown>>(sql.select);
    return rows.map((row) => {
      const ticket: TicketSummary = {
        id: Number(row.id),
        summary: String(row.summary ?? ''),
        status: String(row.status ?? 'new'),
      };
      for (const [key, value] of Object.entries(row)) {
        if (key !== 'id' && value !== null && value !== undefined) {
          ticket[key] = typeof value === 'bigint' ? Number(value) : String(value);
        }
      }
      return ticket;
    });
  } catch (error) {
    // A bad query in a page shows as "No results" rather than breaking the whole page.
    if (error instanceof QuerySyntaxError) return [];
    throw error;
  }
}

/** `query:` links, and the tickets `[[TicketQuery]]` lists. */
export const queryWikiSupport: WikiSupport = {
  namespaces: ['query'],
  async prepare({ db, viewer, references }) {
    const canView = viewer.permissions.has('TICKET_VIEW');
    const queries = canView ? [...new Set(references.ticketQueries)] : [];
    // Custom fields are read only when the text has a query to parse.
    const fields: readonly QueryField[] =
      queries.length > 0 || references.targets.has('query')
        ? [...standardTicketFields, ...customQueryFields(await loadCustomFields({ db }))]
        : standardTicketFields;
    const results = await Promise.all(queries.map((q) => runTicketQuery(db, viewer, q, fields)));
    const byQuery = new Map(queries.map((q, i) => [q, results[i] ?? []]));
    return {
      resolvers: {
        query: ({ target, labelHtml, context }) =>
          element(
            'a',
            { class: 'query', href: queryHref(makeHref(context, 'query'), target, fields) },
            labelHtml,
          ),
      },
      data: canView ? { queryTickets: (q) => byQuery.get(q) ?? [] } : {},
    };
  },
};
