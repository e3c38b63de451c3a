import pg from 'pg';

export interface KeptConnection {
  /** Ends this connection as lost (a failed probe, say), and opens another after the wait. */
  lose(client: pg.Client, reason: string): void;
  /** Runs `run` after `ms`, unless stopped first; one timer at a time. */
  later(run: () => void, ms: number): void;
  stop(): Promise<void>;
}

/**
 * One connection to the database, kept open: when the server ends it or an attempt fails, another
 * is opened `retryAfter` later. `onLost` hears each loss and each failed attempt (with its
 * error).
 */
export function keepConnection<Prepared>(options: {
  databaseUrl: string;
  applicationName: string;
  /** Readies a new connection (a first query, a LISTEN); a throw is a failed attempt. */
  prepare: (client: pg.Client) => Promise<Prepared>;
  /** The connection is kept (not when stopped meanwhile). */
  onOpen: (client: pg.Client, prepared: Prepared) => void;
  onLost: (reason: string, error?: { code?: string }) => void;
  /** How long to wait before the next attempt after `error` (a loss passes none). */
  retryAfter: (error?: { code?: string }) => number;
}): KeptConnection {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;

  const later = (run: () => void, ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, ms).unref();
  };
  const lose = (which: pg.Client, reason: string) => {
    if (which !== client || stopped) return;
    client = null;
    options.onLost(reason);
    which.end().catch(() => {});
    later(connect, options.retryAfter());
  };
  async function connect() {
    if (stopped) return;
    const next = new pg.Client({
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: 2_000,
      query_timeout: 2_000,
      application_name: options.applicationName,
    });
    next.on('error', (error) => lose(next, error.message));
    next.on('end', () => lose(next, 'the connection was closed'));
    try {
      await next.connect();
      const prepared = await options.prepare(next);
      if (stopped) {
        await next.end();
        return;
      }
      // Only a readied connection is kept: until then its errors are this attempt's failure.
      client = next;
      options.onOpen(next, prepared);
    } catch (error) {
      next.end().catch(() => {});
      const failure = error as { code?: string; message?: string };
      options.onLost(failure.message ?? String(error), failure);
      later(connect, options.retryAfter(failure));
    }
  }
  void connect();

  return {
    lose,
    later,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
