import { sql } from '@/core/db';
import { readSiteConfig } from '@/core/db/site-config';
import type { WikiSupport } from '@/core/feature';
import {
  createWikiLinkResolver,
  createWikiPageNameSyntax,
  escapeText,
  type LinkRequest,
  parseInterMapTxt,
  type SyntaxRule,
} from '@/wiki-engine';
import { listWikiPages } from './list-wiki-pages';

/**
 * CamelCase page names, bare or as `[WikiPageName label]`. The formatter's rules give the
 * patterns; rendering goes through the `wiki` resolver so a first pass can note the names.
 */
function pageNameSyntax(): SyntaxRule[] {
  const [bare, labelled] = createWikiPageNameSyntax({ pageExists: () => false });
  const viaWikiResolver = (
    env: Parameters<SyntaxRule['render']>[1],
    context: Parameters<SyntaxRule['render']>[2],
    match: string,
    target: string,
    label: string,
  ) => {
    const resolve = env.resolvers.get('wiki');
    const request: LinkRequest = {
      ns: 'wiki',
      target,
      labelHtml: escapeText(label),
      match,
      env,
      context,
    };
    return resolve ? resolve(request) : escapeText(match);
  };
  return [
    {
      pattern: bare!.pattern,
      needs: bare!.needs,
      render: (match, env, context) => viaWikiResolver(env, context, match, match, match),
    },
    {
      pattern: labelled!.pattern,
      needs: labelled!.needs,
      render: (match, env, context) => {
        const [, target = '', rawLabel = ''] = /^\[(\S+)\s+([\s\S]*)\]$/.exec(match) ?? [];
        let label = rawLabel.trim();
        if (/^(['"]).*\1$/.test(label)) label = label.slice(1, -1);
        return viaWikiResolver(env, context, match, target, label);
      },
    },
  ];
}

/** Wiki links, InterWiki prefixes and the page-listing macros. */
export const wikiSupport: WikiSupport = {
  namespaces: ['wiki'],
  syntax: pageNameSyntax(),
  async prepare({ db, viewer, references }) {
    const canView = viewer.permissions.has('WIKI_VIEW');
    // Trac keeps every page name in memory to mark missing pages; one query gives the same,
    // made only when the text links a page or lists them (most ticket texts do neither).
    const needsPages =
      references.listsPages ||
      references.listsRecentChanges ||
      (references.targets.get('wiki') ?? []).length > 0;
    const [pages, interMap] = await Promise.all([
      canView && needsPages ? listWikiPages({ db }) : Promise.resolve([]),
      readSiteConfig({
        db,
        name: 'intermap',
        load: async () => {
          const rows = await db.query<{ text: string | null }>(sql`
            SELECT text FROM wiki WHERE name = 'InterMapTxt' ORDER BY version DESC LIMIT 1`);
          return parseInterMapTxt(rows[0]?.text ?? '');
        },
      }),
    ]);
    const names = new Set(pages.map((page) => page.name));
    return {
      interWiki: interMap,
      resolvers: {
        wiki: createWikiLinkResolver({ pageExists: (name) => names.has(name) }),
      },
      data: {
        listPages: () => pages,
        recentChanges: () => pages,
      },
    };
  },
};
