import { beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl, useTestDatabase } from '../testing/index.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('database rules beyond schema.prisma', () => {
  const t = useTestDatabase();
  let ticketId: number;
  let pathId: string;
  beforeAll(async () => {
    ticketId = (await t.db.ticket.create({ data: { summary: 'c', type: 'concept' } })).id;
    pathId = (await t.db.path.create({ data: { cognitoUserId: 'u', title: 'p' } })).id;
  });

  it('accepts only the four progress states', async () => {
    await expect(
      t.db.progress.create({ data: { cognitoUserId: 'u', ticketId, status: 'finished' } }),
    ).rejects.toThrow(/progress_status_check/);
    await t.db.progress.create({ data: { cognitoUserId: 'u', ticketId, status: 'mastered' } });
  });

  it('keeps concept difficulty in 1-5 and the mastery threshold in 0..1', async () => {
    const base = { ticketId, pathId, concept: 'graphs' };
    await expect(t.db.conceptMetadata.create({ data: { ...base, difficulty: 6 } })).rejects.toThrow(
      /concept_metadata_difficulty_check/,
    );
    await expect(
      t.db.conceptMetadata.create({ data: { ...base, masteryThreshold: 1.5 } }),
    ).rejects.toThrow(/concept_metadata_mastery_threshold_check/);
    await t.db.conceptMetadata.create({ data: { ...base, difficulty: 5, masteryThreshold: 1 } });
  });

  it('keeps question difficulty in 1-5 and review status known', async () => {
    const base = { ticketId, prompt: 'q', expectedAnswer: 'a' };
    await expect(t.db.question.create({ data: { ...base, difficulty: 0 } })).rejects.toThrow(
      /questions_difficulty_check/,
    );
    await expect(
      t.db.question.create({ data: { ...base, reviewStatus: 'maybe' } }),
    ).rejects.toThrow(/questions_review_status_check/);
  });

  it('refuses a chunk whose embedding length differs from its recorded dimension', async () => {
    const doc = await t.db.document.create({
      data: { title: 'd', contentHash: 'h1', cognitoUserId: 'u' },
    });
    await expect(
      t.db.chunk.create({
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
    const chunk = await t.db.chunk.create({
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
