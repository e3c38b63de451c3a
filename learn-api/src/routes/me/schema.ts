import { z } from '@hono/zod-openapi';
import { PERMISSION_ACTIONS } from '@learntrac/db/permissions';

export const MeSchema = z
  .object({
    sub: z.string().openapi({ example: '0b5c2f6e-1111-4e0c-9d4b-2a7c9e0c1234' }),
    username: z.string().openapi({ example: 'ada' }),
    email: z
      .string()
      .nullable()
      .openapi({ description: 'Present only when the access token carries an email claim' }),
    groups: z.array(z.string()).openapi({ example: ['learners'] }),
    permissions: z.array(z.enum(PERMISSION_ACTIONS)).openapi({
      description: "What Trac's permission table grants the caller, meta-permissions expanded",
    }),
  })
  .openapi('Me');
