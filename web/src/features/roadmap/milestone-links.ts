import { sql } from '@/core/db';
import type { WikiSupport } from '@/core/feature';
import { element, makeHref } from '@/wiki-engine';

/** `milestone:name` links: closed milestones and missing ones are marked as Trac marks them. */
export const milestoneWikiSupport: WikiSupport = {
  namespaces: ['milestone'],
  async prepare({ db, viewer, references }) {
    const names = [
      ...new Set((references.targets.get('milestone') ?? []).map((t) => t.split('#')[0]!)),
    ];
    const canView = viewer.permissions.has('MILESTONE_VIEW');
    const rows =
      canView && names.length
        ? await db.query<{ name: string; completed: bigint | null }>(sql`
            SELECT name, completed FROM milestone WHERE name = ANY(${names}::text[])`)
        : [];
    const milestones = new Map(rows.map((row) => [row.name, row]));
    return {
      resolvers: {
        milestone: ({ target, labelHtml, context }) => {
          const [name = '', fragment] = target.split('#', 2);
          const href = makeHref(context, 'milestone', name) + (fragment ? `#${fragment}` : '');
          const milestone = milestones.get(name);
          if (!canView) return element('a', { class: 'milestone', href }, labelHtml);
          if (!milestone) {
            return element('a', { class: 'missing milestone', href, rel: 'nofollow' }, labelHtml);
          }
          const closed = milestone.completed ? 'closed ' : '';
          return element('a', { class: `${closed}milestone`, href }, labelHtml);
        },
      },
    };
  },
};
