import { z } from '@hono/zod-openapi';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { findVisibleDocument } from './material-access.js';

export const DocumentSectionSchema = z
  .object({
    headingPath: z.array(z.string()).openapi({ description: 'Chapter, section, subsection...' }),
    pageStart: z.number().int().nullable(),
    pageEnd: z.number().int().nullable(),
    chunkIds: z.array(z.uuid()).openapi({ description: 'The section’s chunks, in reading order' }),
    excerpt: z.string().openapi({ description: 'The start of the section’s text' }),
  })
  .openapi('DocumentSection');
export type DocumentSectionView = z.infer<typeof DocumentSectionSchema>;

const excerptLength = 200;

/**
 * A document's sections in reading order, each with the chunks it was cut into, so a path can
 * be built from chosen sections. Chunks never span two sections, so consecutive chunks with the
 * same heading path are one section.
 */
export async function listDocumentSections({
  db,
  user,
  documentId,
}: {
  db: Database;
  user: AuthUser;
  documentId: string;
}): Promise<DocumentSectionView[]> {
  await findVisibleDocument({ db, user, id: documentId });
  const chunks = await db.chunk.findMany({
    where: { documentId },
    orderBy: { ordinal: 'asc' },
    select: { id: true, headingPath: true, pageStart: true, pageEnd: true, text: true },
  });
  const sections: DocumentSectionView[] = [];
  for (const chunk of chunks) {
    const last = sections.at(-1);
    if (last && sameHeadings(last.headingPath, chunk.headingPath)) {
      last.chunkIds.push(chunk.id);
      last.pageEnd = chunk.pageEnd ?? last.pageEnd;
      continue;
    }
    sections.push({
      headingPath: chunk.headingPath,
      pageStart: chunk.pageStart,
      pageEnd: chunk.pageEnd,
      chunkIds: [chunk.id],
      excerpt: chunk.text.slice(0, excerptLength),
    });
  }
  return sections;
}

function sameHeadings(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((heading, index) => heading === b[index]);
}
