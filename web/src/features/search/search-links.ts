import type { WikiSupport } from '@/core/feature';
import { element, makeHref } from '@/wiki-engine';

/** `search:terms` links to the search page. */
export const searchWikiSupport: WikiSupport = {
  namespaces: ['search'],
  async prepare() {
    return {
      resolvers: {
        search: ({ target, labelHtml, context }) =>
          element(
            'a',
            {
              class: 'search',
              href: `${makeHref(context, 'search')}?q=${encodeURIComponent(target.replace(/^\?q=/, ''))}`,
            },
            labelHtml,
          ),
      },
    };
  },
};
