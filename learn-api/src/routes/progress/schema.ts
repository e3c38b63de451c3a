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
