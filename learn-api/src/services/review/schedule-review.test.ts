import type { ReviewCard } from '@learntrac/db';
import { Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { ratingOfScore, scheduleReview } from './schedule-review.js';

const minute = 60_000;
const day = 24 * 60 * minute;

describe('rating a graded answer', () => {
  it.each([
    [0, 3, Rating.Again],
    [0.49, 1, Rating.Again],
    [0.5, 1, Rating.Hard],
    [0.74, 4, Rating.Hard],
    [0.75, 4, Rating.Good],
    [1, 1, Rating.Good],
    [1, 2, Rating.Good],
    [0.96, 3, Rating.Easy],
    [1, 5, Rating.Easy],
  ])('scores %s on a difficulty %s question as rating %s', (score, difficulty, rating) => {
    expect(ratingOfScore({ score, difficulty })).toBe(rating);
  });
});

describe('scheduling a review card', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it('brings a first wrong answer back within minutes and a first right one later', () => {
    const wrong = scheduleReview({ card: null, rating: Rating.Again, now });
    const right = scheduleReview({ card: null, rating: Rating.Good, now });
    expect(wrong.card.state).toBe(State.Learning);
    expect(wrong.card.due.getTime() - now.getTime()).toBeLessThanOrEqual(5 * minute);
    expect(right.card.due.getTime()).toBeGreaterThan(wrong.card.due.getTime());
    expect(right.card.reps).toBe(1);
    expect(wrong.log).toMatchObject({ rating: Rating.Again, state: State.New, review: now });
  });

  it('spaces a well-known card out by days and shortens the gap after a lapse', () => {
    const stored = {
      id: 'card',
      cognitoUserId: 'ada',
      ticketId: 1,
      due: now,
      stability: 10,
      difficulty: 5,
      elapsedDays: 10,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 5,
      lapses: 0,
      state: State.Review,
      lastReview: new Date(now.getTime() - 10 * day),
      createdAt: new Date(now.getTime() - 30 * day),
    } satisfies ReviewCard;
    const good = scheduleReview({ card: stored, rating: Rating.Good, now });
    const again = scheduleReview({ card: stored, rating: Rating.Again, now });
    expect(good.card.state).toBe(State.Review);
    expect(good.card.due.getTime() - now.getTime()).toBeGreaterThan(10 * day);
    expect(again.card.state).toBe(State.Relearning);
    expect(again.card.lapses).toBe(1);
    expect(again.card.due.getTime() - now.getTime()).toBeLessThan(day);
    expect(good.log).toMatchObject({ state: State.Review, stability: 10, scheduledDays: 10 });
  });

  it('asks for reviews sooner when the path wants more retained', () => {
    const card = scheduleReview({ card: null, rating: Rating.Easy, now });
    const stored = {
      ...card.card,
      id: 'c',
      cognitoUserId: 'ada',
      ticketId: 1,
      createdAt: now,
    } as ReviewCard;
    const later = new Date(card.card.due.getTime());
    const relaxed = scheduleReview({
      card: stored,
      rating: Rating.Good,
      now: later,
      targetRetention: 0.8,
    });
    const strict = scheduleReview({
      card: stored,
      rating: Rating.Good,
      now: later,
      targetRetention: 0.95,
    });
    expect(strict.card.due.getTime()).toBeLessThan(relaxed.card.due.getTime());
  });
});
