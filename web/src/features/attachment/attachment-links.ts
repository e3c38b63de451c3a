import { sql } from '@/core/db';
import type { WikiSupport } from '@/core/feature';
import { element, makeHref } from '@/wiki-engine';

/** `attachment:file`, `attachment:file:wiki:Page`, `attachment:file:ticket:12`. */
function parseAttachmentTarget(target: string, context: { realm: string; id: string }) {
  const m = /^(.+?):(wiki|ticket):(.+)$/.exec(target);
  if (m) return { filename: m[1]!, realm: m[2]!, id: m[3]! };
  return { filename: target, realm: context.realm, id: context.id };
}

const attachmentKey = (realm: string, id: string, filename: string) =>
  `${realm}\u0000${id}\u0000${filename}`;

/** `attachment:` links to the files of a wiki page or ticket, with a download link beside. */
export const attachmentWikiSupport: WikiSupport = {
  namespaces: ['attachment'],
  async prepare({ db, context, references }) {
    const attachmentTargets = (references.targets.get('attachment') ?? []).map((t) =>
      parseAttachmentTarget(t.replace(/[?#].*$/, ''), context),
    );
    const attachments = attachmentTargets.length
      ? await db.query<{ type: string; id: string; filename: string }>(sql`
          SELECT type, id, filename FROM attachment
          WHERE (type, id, filename) IN (SELECT * FROM unnest(
            ${attachmentTargets.map((a) => a.realm)}::text[],
            ${attachmentTargets.map((a) => a.id)}::text[],
            ${attachmentTargets.map((a) => a.filename)}::text[]))`)
      : [];
    const existingAttachments = new Set(
      attachments.map((a) => attachmentKey(a.type, a.id, a.filename)),
    );
    return {
      resolvers: {
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
    };
  },
};
