import { DEMO_INSTRUCTOR } from '@learntrac/db/seed';
import type { Logger } from 'pino';
import type { Cache } from '../../adapters/cache/cache.js';
import type { Database } from '../../adapters/database/database.js';
import type { Embedder } from '../../adapters/embedder/embedder.js';
import type { Llm } from '../../adapters/llm/llm.js';
import type { VectorStore } from '../../adapters/vector-store/vector-store.js';
import { loadAuthUser } from '../../auth/load-auth-user.js';
import { ingestDocument } from '../documents/ingest-document.js';
import { updateDocument } from '../documents/update-document.js';
import { uploadDocument } from '../documents/upload-document.js';
import { invalidateScopes, pathGraphScope } from '../paths/path-cache.js';
import { generateQuestions } from '../questions/generate-questions.js';
import { updateQuestion } from '../questions/update-question.js';
import { demoCourseKey } from './demo-course-state.js';

export interface SeedDemoCourseDeps {
  db: Database;
  embedder: Embedder;
  vectorStore: VectorStore;
  cache: Cache;
  llm: Llm;
  logger: Logger;
}

export type SeedDemoCourseResult =
  | { ready: true; pathId: string; documentId: string; questions: number }
  | { ready: false; reason: string };

const questionsPerConcept = 4;
/**
 * Gives the demo path (written by the database seed) its material: the course text is
 * uploaded as the demo instructor, ingested through the same pipeline as any upload and
 * published; each concept is tied to the section named like its ticket, and gets questions
 * from the question writer, approved. Every step is skipped when already done, so running it
 * again changes nothing.
 */
export async function seedDemoCourse({
  deps,
  course,
}: {
  deps: SeedDemoCourseDeps;
  course: { markdown: string; fileName: string };
}): Promise<SeedDemoCourseResult> {
  const { db, logger } = deps;
  const path = await db.path.findFirst({
    where: {
      kind: 'shared',
      cognitoUserId: DEMO_INSTRUCTOR,
      metadata: { path: ['demo'], equals: true },
    },
    include: {
      concepts: {
        include: { ticket: { select: { summary: true } } },
        orderBy: { sequenceOrder: 'asc' },
      },
    },
  });
  if (!path) return { ready: false, reason: 'the database holds no demo path' };

  const instructor = await loadAuthUser({
    db,
    identity: {
      sub: DEMO_INSTRUCTOR,
      username: 'instructor',
      email: null,
      groups: ['instructors'],
      clientId: 'demo-course-seed',
    },
  });

  // The same content is held once, so a second run finds the first run's document.
  const { document } = await uploadDocument({
    db,
    uploader: instructor,
    file: {
      bytes: new TextEncoder().encode(course.markdown),
      fileName: course.fileName,
      contentType: 'text/markdown',
    },
    // Ingested here, at once, rather than by a worker: the caller waits for the whole course.
    ingestQueue: {
      enqueue: (documentId) => ingestDocument({ ...deps, documentId, lastAttempt: true }),
    },
  });
  let indexed = await db.document.findUniqueOrThrow({ where: { id: document.id } });
  if (indexed.status !== 'indexed') {
    await ingestDocument({ ...deps, documentId: document.id, lastAttempt: true });
    indexed = await db.document.findUniqueOrThrow({ where: { id: document.id } });
  }
  if (indexed.status !== 'indexed') {
    throw new Error(`the demo course could not be indexed: ${indexed.error ?? indexed.status}`);
  }
  if (!indexed.published) {
    await updateDocument({ ...deps, id: indexed.id, input: { published: true } });
  }

  const chunks = await db.chunk.findMany({
    where: { documentId: indexed.id },
    orderBy: { ordinal: 'asc' },
  });
  let questions = 0;
  for (const concept of path.concepts) {
    const title = concept.ticket.summary ?? concept.concept;
    const chunk = chunks.find(
      (row) => row.headingPath.at(-1)?.toLowerCase() === title.toLowerCase(),
    );
    if (!chunk) throw new Error(`the demo course has no section named "${title}"`);
    if (concept.chunkId !== chunk.id) {
      const context = typeof concept.context === 'object' ? concept.context : {};
      await db.conceptMetadata.update({
        where: { id: concept.id },
        data: {
          chunkId: chunk.id,
          context: {
            ...(context as Record<string, unknown>),
            documentId: indexed.id,
            documentTitle: indexed.title,
            headingPath: chunk.headingPath,
            pageStart: chunk.pageStart,
            pageEnd: chunk.pageEnd,
          },
        },
      });
    }
    const approved = await db.question.count({
      where: { ticketId: concept.ticketId, reviewStatus: 'approved' },
    });
    if (approved > 0) {
      questions += approved;
      continue;
    }
    const written = await generateQuestions({
      db,
      llm: deps.llm,
      logger,
      author: instructor,
      ticketId: concept.ticketId,
      input: { count: questionsPerConcept },
    });
    for (const question of written) {
      await updateQuestion({
        db,
        reviewer: instructor,
        questionId: question.id,
        input: { reviewStatus: 'approved' },
      });
    }
    questions += written.length;
  }
  // Learn-api may already hold the path's graph without its material.
  await invalidateScopes(deps, [pathGraphScope(path.id)]);
  await db.system.upsert({
    where: { name: demoCourseKey },
    create: { name: demoCourseKey, value: indexed.id },
    update: { value: indexed.id },
  });
  logger.info({ pathId: path.id, documentId: indexed.id, questions }, 'demo course ready');
  return { ready: true, pathId: path.id, documentId: indexed.id, questions };
}
