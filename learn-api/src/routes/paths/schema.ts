import { z } from '@hono/zod-openapi';

import { PathStatusSchema } from '../../services/path-view.js';

export { PathStatusSchema };

export const PathSchema = z
  .object({
    id: z.uuid(),
    title: z.string().openapi({ example: 'Graph algorithms' }),
    description: z.string(),
    query: z.string().openapi({
      description: 'Trac ticket query selecting the concepts of the path',
      example: 'milestone=graphs&type=concept',
    }),
    status: PathStatusSchema,
    ownerId: z.string().openapi({ description: 'Cognito sub of the instructor who made the path' }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Path');

export const ListPathsQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ param: { name: 'offset', in: 'query' } }),
});

export const PathListSchema = z
  .object({ paths: z.array(PathSchema), limit: z.number().int(), offset: z.number().int() })
  .openapi('PathList');

export { CreatePathInputSchema } from '../../services/create-path.js';
