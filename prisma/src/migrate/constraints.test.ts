import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../client/create-prisma-client.js';
import type { Db } from '../client/db.js';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../testing/test-database.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('database rules beyond schema.prisma', () => {
  let database: TestDatabase;
  let db: Db;
  let ticketId: number;
  let pathId: string;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: serverUrl!, migrate: true });
    db = createPrismaClient(database.url);
    ticketId = (await db.ticket.create({ data: { summary: 'c', type: 'concept' } })).id;
    pathId = (await db.path.create({ data: { cognitoUserId: 'u', title: 'p' } })).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('accepts only the four progress states', async () => {
    await expect(
      db.progress.create({ data: { cognitoUserId: 'u', ticketId, status: 'finished' } }),
    ).rejects.toThrow(/progress_status_check/);
    await db.progress.create({ data: { cognitoUserId: 'u', ticketId, status: 'mastered' } });
  });

  it('keeps concept difficulty in 1-5 and the mastery threshold in 0..1', async () => {
    const base = { ticketId, pathId, concept: 'graphs' };
    await expect(db.conceptMetadata.create({ data: { ...base, difficulty: 6 } })).rejects.toThrow(
      /concept_metadata_difficulty_check/,
    );
    await expect(
      db.conceptMetadata.create({ data: { ...base, masteryThreshold: 1.5 } }),
    ).rejects.toThrow(/concept_metadata_mastery_threshold_check/);
    await db.conceptMetadata.create({ data: { ...base, difficulty: 5, masteryThreshold: 1 } });
  });

  it('keeps question difficulty in 1-5 and review status known', async () => {
    const base = { ticketId, prompt: 'q', expectedAnswer: 'a' };
    await expect(db.question.create({ data: { ...base, difficulty: 0 } })).rejects.toThrow(
      /questions_difficulty_check/,
    );
    await expect(db.question.create({ data: { ...base, reviewStatus: 'maybe' } })).rejects.toThrow(
      /questions_review_status_check/,
    );
  });

  it('refuses a chunk whose embedding length differs from its recorded dimension', async () => {
    const doc = await db.document.create({
      data: { title: 'd', contentHash: 'h1', cognitoUserId: 'u' },
    });
    await expect(
      db.chunk.create({
        data: {
          documentId: doc.id,
          ordinal: 0,
          text: 't',
          tokenCount: 1,
          embedding: [0.1, 0.2],
          dimension: 3,
          embedder: 'local',
        },
      }),
    ).rejects.toThrow(/chunks_embedding_dimension_check/);
    const chunk = await db.chunk.create({
      data: {
        documentId: doc.id,
        ordinal: 0,
        text: 't',
        tokenCount: 1,
        embedding: [0.5, 0.25, 1],
        dimension: 3,
        embedder: 'local',
      },
    });
    expect(chunk.embedding).toEqual([0.5, 0.25, 1]);
  });
});
