import { z } from 'zod';
import type { AuthUser } from '../../auth/user.js';
import { findVisiblePath, type PathGraphDeps } from '../paths/path-graph.js';

export const ProgressHistoryInputSchema = z.object({
  days: z.number().int().min(1).max(365).default(30),
  pathId: z.uuid().optional(),
});

export interface ProgressHistoryDay {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  /** Concepts mastered by the end of the day. */
  mastered: number;
  answers: number;
  /** Average score of the day's answers; null on a day without answers. */
  averageScore: number | null;
}

export interface ProgressHistory {
  pathId: string | null;
  days: ProgressHistoryDay[];
}

const DAY = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The viewer's learning day by day over the last `days` days up to today (UTC): how many
 * concepts they had mastered by each day's end, and how many answers they gave and how well.
 * With `pathId`, only that path's concepts count.
 */
export async function getProgressHistory({
  deps,
  viewer,
  input: raw,
  now = new Date(),
}: {
  deps: PathGraphDeps;
  viewer: AuthUser;
  input: z.input<typeof ProgressHistoryInputSchema>;
  now?: Date;
}): Promise<ProgressHistory> {
  const input = ProgressHistoryInputSchema.parse(raw);
  const ticketIds = input.pathId
    ? (await findVisiblePath(deps, { viewer, pathId: input.pathId })).concepts.map(
        (concept) => concept.ticketId,
      )
    : undefined;
  const ticketFilter = ticketIds ? { ticketId: { in: ticketIds } } : {};
  const today = Date.parse(dayOf(now));
  const start = new Date(today - (input.days - 1) * DAY);
  const [masteries, attempts] = await Promise.all([
    deps.db.progress.findMany({
      where: { cognitoUserId: viewer.sub, masteredAt: { not: null }, ...ticketFilter },
      select: { masteredAt: true },
    }),
    deps.db.answerAttempt.findMany({
      where: { cognitoUserId: viewer.sub, createdAt: { gte: start }, ...ticketFilter },
      select: { createdAt: true, score: true },
    }),
  ]);
  const masteredDays = masteries.map((row) => dayOf(row.masteredAt!));
  const scoresByDay = new Map<string, number[]>();
  for (const attempt of attempts) {
    const day = dayOf(attempt.createdAt);
    scoresByDay.set(day, [...(scoresByDay.get(day) ?? []), attempt.score]);
  }
  const days: ProgressHistoryDay[] = [];
  for (let time = start.getTime(); time <= today; time += DAY) {
    const date = dayOf(new Date(time));
    const scores = scoresByDay.get(date) ?? [];
    days.push({
      date,
      mastered: masteredDays.filter((day) => day <= date).length,
      answers: scores.length,
      averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    });
  }
  return { pathId: input.pathId ?? null, days };
}
