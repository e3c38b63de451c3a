import { sql } from '@/core/db';
import type { WikiSupport } from '@/core/feature';
import {
  createWikiLinkResolver,
  createWikiPageNameSyntax,
  element,
  escapeText,
  type LinkRequest,
  makeHref,
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

/** `attachment:file`, `attachment:file:wiki:Page`, `attachment:file:ticket:12`. */
function parseAttachmentTarget(target: string, context: { realm: string; id: string }) {
  const m = /^(.+?):(wiki|ticket):(.+)$/.exec(target);
  if (m) return { filename: m[1]!, realm: m[2]!, id: m[3]! };
  return { filename: target, realm: context.realm, id: context.id };
}

const attachmentKey = (realm: string, id: string, filename: string) =>
  `${realm}\u0000${id}\u0000${filename}`;

/** Wiki links, attachments, InterWiki prefixes and the page-listing macros. */
export const wikiSupport: WikiSupport = {
  namespaces: ['wiki', 'attachment'],
  syntax: pageNameSyntax(),
  async prepare({ db, viewer, context, references }) {
    const canView = viewer.permissions.has('WIKI_VIEW');
    const attachmentTargets = (references.targets.get('attachment') ?? []).map((t) =>
      parseAttachmentTarget(t.replace(/[?#].*$/, ''), context),
    );
    // Trac keeps every page name in memory to mark missing pages; one query gives the same,
    // made only when the text links a page or lists them (most ticket texts do neither).
    const needsPages =
      references.listsPages ||
      references.listsRecentChanges ||
      (references.targets.get('wiki') ?? []).length > 0;
    const [pages, interMap, attachments] = await Promise.all([
      canView && needsPages ? listWikiPages({ db }) : Promise.resolve([]),
      db.query<{ text: string | null }>(sql`SELECT text FROM wiki WHERE name = 'InterMapTxt'
        ORDER BY version DESC LIMIT 1`),
      attachmentTargets.length
        ? db.query<{ type: string; id: string; filename: string }>(sql`
            SELECT type, id, filename FROM attachment
            WHERE (type, id, filename) IN (SELECT * FROM unnest(
              ${attachmentTargets.map((a) => a.realm)}::text[],
              ${attachmentTargets.map((a) => a.id)}::text[],
              ${attachmentTargets.map((a) => a.filename)}::text[]))`)
        : Promise.resolve([]),
    ]);
    const names = new Set(pages.map((page) => page.name));
    const existingAttachments = new Set(
      attachments.map((a) => attachmentKey(a.type, a.id, a.filename)),
    );
    return {
      interWiki: parseInterMapTxt(interMap[0]?.text ?? ''),
      resolvers: {
        wiki: createWikiLinkResolver({ pageExists: (name) => names.has(name) }),
        attachment: ({ target, labelHtml, context: ctx }) => {
          const { filename, realm, id } = parseAttachmentTarget(target.replace(/[?#].*$/, ''), ctx);
          const href = makeHref(ctx, 'attachment', realm, id, filename);
          if (!existingAttachments.has(attachmentKey(realm, id, filename))) {
            return element('a', { class: 'missing attachment', href, rel: 'nofollow' }, labelHtml);
          }
          const where = realm === 'ticket' ? `ticket #${id}` : id;
          return (
            element(
              'a',
              { class: 'attachment', href, title: `Attachment '${filename}' in ${where}` },
              labelHtml,
            ) +
            element(
              'a',
              {
                class: 'trac-rawlink',
                href: makeHref(ctx, 'raw-attachment', realm, id, filename),
                title: 'Download',
              },
              '\u200b',
            )
          );
        },
      },
      data: {
        listPages: () => pages,
        recentChanges: () => pages,
      },
    };
  },
};
