import { z } from '@hono/zod-openapi';
import { PathKindSchema, ProgressStatusSchema } from '../paths/schema.js';

export const OwnProgressSchema = z
  .object({
    concepts: z.array(
      z.object({
        ticketId: z.number().int(),
        concept: z.string(),
        status: ProgressStatusSchema,
        score: z.number(),
        attempts: z.number().int(),
        lastAttemptAt: z.iso.datetime().nullable(),
      }),
    ),
    paths: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        kind: PathKindSchema,
        concepts: z.number().int(),
        mastered: z.number().int(),
        started: z.number().int().openapi({ description: 'In progress or completed' }),
      }),
    ),
  })
  .openapi('OwnProgress');

export const ProgressHistoryQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .openapi({
      param: { name: 'days', in: 'query' },
      description: 'How many days back, today included',
    }),
  pathId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'pathId', in: 'query' },
      description: 'Count only this path’s concepts',
    }),
});

export const ProgressHistorySchema = z
  .object({
    pathId: z.uuid().nullable(),
    days: z.array(
      z.object({
        date: z.string().openapi({ example: '2026-03-14', description: 'The UTC day' }),
        mastered: z.number().int().openapi({ description: 'Concepts mastered by the day’s end' }),
        answers: z.number().int(),
        averageScore: z
          .number()
          .nullable()
          .openapi({ description: 'Null on a day without answers' }),
      }),
    ),
  })
  .openapi('ProgressHistory');
