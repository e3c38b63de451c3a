import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'ok' | 'failed'; message?: string }>;
}

const TIMEOUT_MS = 3000;

/** Whether the services this process needs answer; each failure names its service. */
export async function checkReadiness(options: { getDb: () => Queryable }): Promise<Readiness> {
  const database = await probe(async () => {
    await options.getDb().query(sql`SELECT 1`);
  });
  return {
    status: database.status === 'ok' ? 'ok' : 'unavailable',
    checks: { database },
  };
}

async function probe(check: () => Promise<void>): Promise<Readiness['checks'][string]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'ok' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Prisma's messages span several lines; one line reads better in JSON logs and probes.
    return { status: 'failed', message: message.replace(/\s+/g, ' ').trim() };
  } finally {
    clearTimeout(timer);
  }
}
