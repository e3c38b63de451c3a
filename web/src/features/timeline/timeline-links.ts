import type { WikiSupport } from '@/core/feature';
import { element, makeHref } from '@/wiki-engine';

/** `timeline:2024-05-01` (or a full ISO time) links to the timeline at that date. */
export const timelineWikiSupport: WikiSupport = {
  namespaces: ['timeline'],
  async prepare() {
    return {
      resolvers: {
        timeline: ({ target, labelHtml, match, context }) => {
          if (target && Number.isNaN(Date.parse(target))) {
            return element(
              'a',
              { class: 'missing timeline', rel: 'nofollow', title: `"${target}" is not a date` },
              labelHtml || match,
            );
          }
          const query = target ? `?from=${encodeURIComponent(target)}` : '';
          return element(
            'a',
            {
              class: 'timeline',
              href: `${makeHref(context, 'timeline')}${query}`,
              title: target ? `See timeline at ${target}` : undefined,
            },
            labelHtml,
          );
        },
      },
    };
  },
};
