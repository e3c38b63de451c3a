import { sql } from '@/core/db';
import type { WikiSupport } from '@/core/feature';
import { element, makeHref } from '@/wiki-engine';

/** `report:N` and `{N}` links, titled with the report's title; missing reports are marked. */
export const reportWikiSupport: WikiSupport = {
  namespaces: ['report'],
  async prepare({ db, viewer, references }) {
    const canView = viewer.permissions.has('TICKET_VIEW');
    const reportIds = [
      ...new Set(
        (references.targets.get('report') ?? [])
          .map((t) => Number.parseInt(t, 10))
          .filter((n) => Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647),
      ),
    ];
    const reports =
      canView && reportIds.length
        ? await db.query<{ id: number; title: string | null }>(sql`
            SELECT id, title FROM report WHERE id = ANY(${reportIds}::int[])`)
        : [];
    const titles = new Map(reports.map((r) => [r.id, r.title ?? `Report {${r.id}}`]));
    return {
      resolvers: {
        report: ({ target, labelHtml, context }) => {
          const id = Number.parseInt(target, 10);
          const href = makeHref(context, 'report', String(id || target));
          const title = titles.get(id);
          if (canView && !title) {
            return element('a', { class: 'missing report', href, rel: 'nofollow' }, labelHtml);
          }
          return element('a', { class: 'report', href, title }, labelHtml);
        },
      },
    };
  },
};
