import { z } from '@hono/zod-openapi';
import { pathKinds, pathStatuses, progressStatuses } from '../../services/paths/path-view.js';
import { PageQuerySchema } from '../page-query.js';

export { ChangePathInputSchema } from '../../services/paths/change-path.js';
export { CreatePathInputSchema } from '../../services/paths/create-path.js';
export { EditConceptInputSchema } from '../../services/paths/edit-concept.js';

export const PathKindSchema = z.enum(pathKinds).openapi('PathKind');
export const PathStatusSchema = z.enum(pathStatuses).openapi('PathStatus');
export const ProgressStatusSchema = z.enum(progressStatuses).openapi('ProgressStatus', {
  description: 'not_started -> in_progress -> completed (one answer at the threshold) -> mastered',
});

export const PathSchema = z
  .object({
    id: z.uuid(),
    kind: PathKindSchema,
    title: z.string().openapi({ example: 'Graph algorithms' }),
    description: z.string(),
    status: PathStatusSchema,
    ownerId: z
      .string()
      .openapi({ description: 'Cognito sub of the learner or instructor who made it' }),
    milestone: z.string().nullable().openapi({
      description: 'Shared paths: the milestone (subject) of its concept tickets',
    }),
    sourceQuery: z.string().openapi({ description: 'What the path was built from, when searched' }),
    targetRetention: z.number(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Path');

const StandingFields = {
  status: ProgressStatusSchema,
  score: z.number().openapi({ description: 'Average of the recent scores, 0-1' }),
  attempts: z.number().int(),
  lastAttemptAt: z.iso.datetime().nullable(),
};

export const ConceptSourceSchema = z
  .object({
    chunkId: z.uuid(),
    documentId: z.uuid(),
    documentTitle: z.string(),
    headingPath: z.array(z.string()),
    pageStart: z.number().int().nullable(),
    pageEnd: z.number().int().nullable(),
  })
  .openapi('ConceptSource');

export const ConceptSchema = z
  .object({
    ticketId: z.number().int().openapi({ description: 'The concept ticket' }),
    concept: z.string(),
    sequence: z.number().int().openapi({ description: 'Reading order on the path, from 1' }),
    difficulty: z.number().int().min(1).max(5),
    masteryThreshold: z.number(),
    prerequisites: z.array(z.number().int()).openapi({
      description: 'Concept tickets to master first',
    }),
    source: ConceptSourceSchema.nullable(),
    ...StandingFields,
    locked: z.boolean().openapi({ description: 'A prerequisite is not mastered yet' }),
  })
  .openapi('Concept');

export const PathDetailSchema = PathSchema.extend({ concepts: z.array(ConceptSchema) }).openapi(
  'PathDetail',
);

export const ListPathsQuerySchema = PageQuerySchema.extend({
  kind: PathKindSchema.optional().openapi({ param: { name: 'kind', in: 'query' } }),
  status: PathStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
});

export const PathListSchema = z
  .object({ paths: z.array(PathSchema), limit: z.number().int(), offset: z.number().int() })
  .openapi('PathList');

export const PathParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const ConceptParamsSchema = PathParamsSchema.extend({
  ticketId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'ticketId', in: 'path' } }),
});

export const PrerequisiteParamsSchema = ConceptParamsSchema.extend({
  prerequisiteId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'prerequisiteId', in: 'path' } }),
});

export const NextStepsSchema = z
  .object({
    pathId: z.uuid(),
    ready: z.array(ConceptSchema).openapi({
      description: 'Concepts not mastered yet whose prerequisites all are, in path order',
    }),
    reviews: z.array(
      z.object({
        cardId: z.uuid(),
        ticketId: z.number().int(),
        concept: z.string(),
        due: z.iso.datetime(),
      }),
    ),
  })
  .openapi('NextSteps');

export const PathProgressSchema = z
  .object({
    pathId: z.uuid(),
    concepts: z.array(z.object({ ticketId: z.number().int(), concept: z.string() })),
    learners: z.array(
      z.object({
        userId: z.string().openapi({ description: 'The learner’s Cognito sub' }),
        username: z.string().nullable().openapi({
          description: 'The user name the learner last answered under; null before any answer',
        }),
        mastered: z.number().int(),
        cells: z.array(z.object({ ticketId: z.number().int(), ...StandingFields })).openapi({
          description: 'One per concept, in the order of `concepts`',
        }),
      }),
    ),
  })
  .openapi('PathProgress');
