import { testServerUrl } from '@learntrac/db/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { createPool } from './database';
import { reportsBusyRefusal } from './database-gate';

describe.skipIf(!testServerUrl())('turning report views away while reports are jammed', () => {
  const t = useWebTestDatabase({ prefix: 'web_database_gate' });
  let pool: pg.Pool;
  const held: pg.PoolClient[] = [];
  const waiting: Promise<void>[] = [];

  beforeAll(() => {
    pool = createPool({ url: t.url, maxConnections: 2, connectionWaitMs: 5_000 });
  });
  afterAll(async () => {
    for (const client of held) client.release();
    await Promise.allSettled(waiting);
    await pool.end();
  });

  const ask = (pathname: string) => reportsBusyRefusal({ pathname, pool });

  it('lets report views through while a connection is free or few viewers wait', async () => {
    held.push(await pool.connect());
    expect(ask('/report/3')).toBeNull();
    held.push(await pool.connect());
    // Every connection taken, one viewer waiting: the next may still get one soon.
    waiting.push(pool.connect().then((client) => client.release()));
    expect(pool.waitingCount).toBe(1);
    expect(ask('/report/3')).toBeNull();
  });

  it('turns a report view away with 503 at once, with Retry-After, once as many viewers wait as there are connections', async () => {
    waiting.push(pool.connect().then((client) => client.release()));
    expect(pool.waitingCount).toBe(2);
    const refusal = ask('/report/3');
    expect(refusal?.status).toBe(503);
    expect(refusal?.headers?.['Retry-After']).toBe('5');
    expect(refusal?.message).toContain('Every report connection is busy');
    expect(ask('/report/3/export')?.status).toBe(503);
  });

  it('never turns away a page that does not run a report, however jammed reports are', () => {
    for (const pathname of ['/report', '/report/new', '/ticket/3', '/query', '/wiki/WikiStart']) {
      expect(ask(pathname)).toBeNull();
    }
  });
});
