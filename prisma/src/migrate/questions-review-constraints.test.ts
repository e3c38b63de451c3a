import { beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl, useTestDatabase } from '../testing/index.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('question and review rules beyond schema.prisma', () => {
  const t = useTestDatabase({ prefix: 'lt_qrev' });
  let ticketId: number;
  beforeAll(async () => {
    ticketId = (await t.db.ticket.create({ data: { summary: 'heap', type: 'concept' } })).id;
  });

  it('keeps a choice question’s expected answer among its choices, and other kinds without choices', async () => {
    const base = { ticketId, prompt: 'Which?', sourceChunkIds: [] };
    await expect(
      t.db.question.create({
        data: { ...base, kind: 'choice', expectedAnswer: 'heap', choices: ['stack', 'queue'] },
      }),
    ).rejects.toThrow(/questions_choices_check/);
    await expect(
      t.db.question.create({
        data: { ...base, kind: 'cloze', expectedAnswer: 'heap', choices: ['heap', 'stack'] },
      }),
    ).rejects.toThrow(/questions_choices_check/);
    await t.db.question.create({
      data: { ...base, kind: 'choice', expectedAnswer: 'heap', choices: ['stack', 'heap'] },
    });
  });

  it('keeps review ratings in 1-4 and card states in 0-3', async () => {
    const card = await t.db.reviewCard.create({
      data: { cognitoUserId: 'u', ticketId, due: new Date() },
    });
    const log = {
      cardId: card.id,
      state: 0,
      due: new Date(),
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      review: new Date(),
    };
    await expect(t.db.reviewLog.create({ data: { ...log, rating: 0 } })).rejects.toThrow(
      /review_logs_rating_check/,
    );
    await expect(t.db.reviewLog.create({ data: { ...log, rating: 3, state: 4 } })).rejects.toThrow(
      /review_logs_state_check/,
    );
    await expect(
      t.db.reviewCard.update({ where: { id: card.id }, data: { learningSteps: -1 } }),
    ).rejects.toThrow(/review_cards_learning_steps_check/);
    await t.db.reviewLog.create({ data: { ...log, rating: 4 } });
  });
});
