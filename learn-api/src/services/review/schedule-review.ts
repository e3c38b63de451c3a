import { z } from '@hono/zod-openapi';
import type { Prisma, ReviewCard } from '@learntrac/db';
import { type Card, createEmptyCard, type FSRS, fsrs, type Grade, Rating, State } from 'ts-fsrs';

/** The share of reviews a learner should still recall when a card falls due. */
export const defaultTargetRetention = 0.9;

const schedulers = new Map<number, FSRS>();
function schedulerFor(targetRetention: number): FSRS {
  let scheduler = schedulers.get(targetRetention);
  if (!scheduler) {
    scheduler = fsrs({ request_retention: targetRetention });
    schedulers.set(targetRetention, scheduler);
  }
  return scheduler;
}

export const ratingNames = {
  [Rating.Again]: 'again',
  [Rating.Hard]: 'hard',
  [Rating.Good]: 'good',
  [Rating.Easy]: 'easy',
} as const satisfies Record<Grade, string>;
export const RatingSchema = z.enum(['again', 'hard', 'good', 'easy']).openapi('ReviewRating');

/**
 * The FSRS rating a graded answer earns. A full answer counts as easy only for questions
 * beyond recall (difficulty 3 and up); recalling a term is a good review, not an easy one.
 */
export function ratingOfScore({ score, difficulty }: { score: number; difficulty: number }): Grade {
  if (score < 0.5) return Rating.Again;
  if (score < 0.75) return Rating.Hard;
  if (score >= 0.95 && difficulty >= 3) return Rating.Easy;
  return Rating.Good;
}

const stateNames = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
} as const;
export const CardStateSchema = z
  .enum(['new', 'learning', 'review', 'relearning'])
  .openapi('ReviewCardState');

export function cardStateName(state: number): z.infer<typeof CardStateSchema> {
  return stateNames[state as State] ?? 'new';
}

function toFsrsCard(row: ReviewCard): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    ...(row.lastReview ? { last_review: row.lastReview } : {}),
  };
}

function cardColumns(card: Card) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The card after a review at `now` and the log of that review, as ts-fsrs computes them. */
export function scheduleReview({
  card,
  rating,
  now,
  targetRetention = defaultTargetRetention,
}: {
  /** The stored card; absent for a learner's first review of the concept. */
  card: ReviewCard | null;
  rating: Grade;
  now: Date;
  targetRetention?: number;
}) {
  const before = card ? toFsrsCard(card) : createEmptyCard(now);
  const next = schedulerFor(targetRetention).next(before, now, rating);
  const log = next.log;
  return {
    card: cardColumns(next.card),
    log: {
      rating: log.rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      review: log.review,
    } satisfies Omit<Prisma.ReviewLogUncheckedCreateInput, 'cardId'>,
  };
}
