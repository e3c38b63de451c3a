import { testServerUrl } from '@learntrac/db/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportPool } from '@/core/db/database';
import { AppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { exportReport } from './export-report';
import { MAX_REPORT_PAGE_SIZE, runReport } from './run-report';
import { createReport } from './save-report';

const serverUrl = testServerUrl();
// The report pool's settings by default (see the web settings).
const REPORT_POOL_SIZE = 4;
const REPORT_CONNECTION_WAIT_MS = 2_000;

const viewer: Viewer = { name: null, permissions: new Set(['REPORT_VIEW']) };
const writer: Viewer = {
  name: 'ivan',
  permissions: new Set(['REPORT_VIEW', 'REPORT_CREATE']),
};

const TWO_MILLION =
  'SELECT g AS ticket, md5(g::text) AS summary FROM generate_series(1, 2000000) AS g';
const MB = 1024 * 1024;

describe.skipIf(!serverUrl)('reports hold bounded memory and connections', () => {
  const t = useWebTestDatabase({ prefix: 'web_report_limits', seed: true });
  let pool: pg.Pool;
  let bigReport: number;

  beforeAll(async () => {
    pool = createReportPool({
      url: t.url,
      maxConnections: REPORT_POOL_SIZE,
      connectionWaitMs: REPORT_CONNECTION_WAIT_MS,
    });
    ({ id: bigReport } = await createReport({
      db: t.db,
      actor: writer,
      input: { title: 'Two million rows', description: '', query: TWO_MILLION },
    }));
    // A report that takes a while without using CPU: reports themselves may not sleep, so the
    // test lends them a function that does it on its behalf.
    await t.prisma.$executeRawUnsafe(
      `CREATE FUNCTION slow_report_probe(seconds float8) RETURNS float8
       LANGUAGE sql SECURITY DEFINER AS $$ SELECT pg_sleep(seconds); SELECT seconds $$`,
    );
    await t.prisma.$executeRawUnsafe(
      'GRANT EXECUTE ON FUNCTION slow_report_probe(float8) TO learntrac_report',
    );
  });
  afterAll(async () => {
    await pool?.end();
  });

  it('shows at most a page of rows of a 2,000,000-row report, whatever max asks for', async () => {
    for (const max of [100_000, 0]) {
      const result = await runReport({ pool, sql: TWO_MILLION, variables: {}, max });
      expect(result.total).toBe(2_000_000);
      expect(result.rows).toHaveLength(MAX_REPORT_PAGE_SIZE);
      expect(result.limit).toBe(MAX_REPORT_PAGE_SIZE);
      expect(result.requestedMax).toBe(max);
    }
    const last = await runReport({ pool, sql: TWO_MILLION, variables: {}, max: 1000, page: 2000 });
    expect(last.rows.at(-1)?.ticket).toBe(2_000_000);
    expect(last.requestedMax).toBe(null);
  }, 60_000);

  it('streams all 2,000,000 rows as CSV while the heap stays bounded', async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const file = await exportReport({
      db: t.db,
      pool,
      actor: viewer,
      id: bigReport,
      params: new URLSearchParams(),
      format: 'csv',
      baseUrl: 'http://x',
    });
    if (typeof file.body === 'string') throw new Error('a table export should be streamed');
    const reader = file.body.getReader();
    let lines = 0;
    let bytes = 0;
    let last: Uint8Array = new Uint8Array();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 0x0a) lines += 1;
      last = value;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(lines).toBe(2_000_001);
    expect(new TextDecoder().decode(last)).toMatch(/\r\n2000000,[0-9a-f]{32}\r\n$/);
    expect(bytes).toBeGreaterThan(70 * MB);
    // Held whole, the rows alone would take several hundred megabytes.
    expect(peak - before).toBeLessThan(96 * MB);
    // The connection went back to the pool when the stream ended.
    expect(pool.totalCount - pool.idleCount).toBe(0);
  }, 180_000);

  it('gives the connection back when the download is abandoned half way', async () => {
    const file = await exportReport({
      db: t.db,
      pool,
      actor: viewer,
      id: bigReport,
      params: new URLSearchParams(),
      format: 'tab',
      baseUrl: 'http://x',
    });
    if (typeof file.body === 'string') throw new Error('a table export should be streamed');
    const reader = file.body.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(pool.totalCount - pool.idleCount).toBe(0);
  }, 60_000);

  it('ends a download that runs past its time limit with an error, and frees its connection', async () => {
    // Sorting two million rows takes longer than 300 ms: the limit strikes before the first row
    // or while the rows stream, and either way nothing is left holding a connection.
    const download = async () => {
      const file = await exportReport({
        db: t.db,
        pool,
        actor: viewer,
        id: bigReport,
        params: new URLSearchParams({ sort: 'summary' }),
        format: 'csv',
        baseUrl: 'http://x',
        timeoutMs: 300,
      });
      return new Response(file.body).arrayBuffer();
    };
    await expect(download()).rejects.toThrow(/statement timeout/);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  }, 60_000);

  it('turns away reports that cannot get a connection within seconds, and other queries never wait', async () => {
    const started = Date.now();
    const views = Array.from({ length: 12 }, () =>
      runReport({ pool, sql: 'SELECT slow_report_probe(4) AS slept', variables: {} }).then(
        () => ({ ok: true, error: undefined as unknown, ms: Date.now() - started }),
        (error: unknown) => ({ ok: false, error, ms: Date.now() - started }),
      ),
    );
    // Meanwhile, another page's query on the application's own connections.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const otherStarted = Date.now();
    await t.prisma.$queryRaw`SELECT count(*) FROM ticket`;
    const otherMs = Date.now() - otherStarted;

    const outcomes = await Promise.all(views);
    const served = outcomes.filter((o) => o.ok);
    const turnedAway = outcomes.filter((o) => !o.ok);
    expect(served).toHaveLength(REPORT_POOL_SIZE);
    expect(turnedAway).toHaveLength(12 - REPORT_POOL_SIZE);
    for (const outcome of turnedAway) {
      expect(outcome.error).toBeInstanceOf(AppError);
      expect((outcome.error as Error).message).toMatch(/busy.*Try again/);
      expect(outcome.ms).toBeLessThan(REPORT_CONNECTION_WAIT_MS + 1_500);
    }
    expect(otherMs).toBeLessThan(1_000);
  }, 60_000);
});
