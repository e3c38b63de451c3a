import { z } from '@hono/zod-openapi';

export const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');

const CheckStatus = z.enum(['ok', 'failed']);

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ database: CheckStatus, cache: CheckStatus }),
    failed: z.array(z.enum(['database', 'cache'])).openapi({ example: ['database'] }),
  })
  .openapi('Readiness');
