import { z } from 'zod';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { findVisibleConcept } from '../questions/question-access.js';

const StoredFeedbackSchema = z.object({
  summary: z.string().catch(''),
  right: z.array(z.string()).catch([]),
  missing: z.array(z.string()).catch([]),
});

export interface OwnAttempt {
  id: string;
  questionId: string;
  prompt: string;
  answer: string;
  score: number;
  feedback: z.infer<typeof StoredFeedbackSchema>;
  answeredAt: string;
}

/** The viewer's own answers on a concept they may see, newest first; 404 for any other concept. */
export async function listOwnAttempts({
  db,
  viewer,
  ticketId,
  limit,
}: {
  db: Database;
  viewer: AuthUser;
  ticketId: number;
  limit: number;
}): Promise<OwnAttempt[]> {
  await findVisibleConcept({ db, viewer, ticketId });
  const rows = await db.answerAttempt.findMany({
    where: { cognitoUserId: viewer.sub, ticketId },
    include: { question: { select: { prompt: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    questionId: row.questionId,
    prompt: row.question.prompt,
    answer: row.answer,
    score: row.score,
    feedback: StoredFeedbackSchema.catch({ summary: '', right: [], missing: [] }).parse(
      row.feedback,
    ),
    answeredAt: row.createdAt.toISOString(),
  }));
}
