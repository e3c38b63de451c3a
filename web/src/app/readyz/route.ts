import { getDb } from '@/core/db';
import { checkReadiness } from '@/core/health/check-readiness';
import { requestLogger } from '@/core/log';

export const dynamic = 'force-dynamic';

/** 200 when the database answers; 503 naming what failed, so the load balancer waits. */
export async function GET(request: Request) {
  const readiness = await checkReadiness({ getDb });
  if (readiness.status !== 'ok') {
    requestLogger(request.headers).warn({ readiness }, 'not ready');
  }
  return Response.json(readiness, { status: readiness.status === 'ok' ? 200 : 503 });
}
