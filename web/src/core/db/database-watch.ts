import pg from 'pg';

/** PostgreSQL's too_many_connections: the server is up, only this extra connection is refused. */
const TOO_MANY_CONNECTIONS = '53300';

export interface DatabaseWatch {
  /** True from the moment the database is seen to fail until it answers again. */
  isDown(): boolean;
  stop(): Promise<void>;
}

/**
 * Keeps one connection open to the database and a close eye on it: a server that shuts down or
 * restarts ends that connection at once, which marks the database down; it is marked up again as
 * soon as a new connection answers. Between events it checks every `probeMs` that the connection
 * still answers. Knowing this, requests can be turned away with a 503 at once instead of each
 * failing on its own query.
 */
export function watchDatabase(options: {
  databaseUrl: string;
  retryMs?: number;
  probeMs?: number;
  onChange?: (down: boolean, reason: string) => void;
}): DatabaseWatch {
  const retryMs = options.retryMs ?? 250;
  const probeMs = options.probeMs ?? 2_000;
  let down = false;
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;

  const mark = (value: boolean, reason: string) => {
    if (down === value) return;
    down = value;
    options.onChange?.(value, reason);
  };
  const later = (run: () => void, ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, ms).unref();
  };
  const lost = (which: pg.Client, reason: string) => {
    if (which !== client || stopped) return;
    client = null;
    mark(true, reason);
    which.end().catch(() => {});
    later(connect, retryMs);
  };
  const probe = () => {
    const current = client;
    if (!current) return;
    current.query('SELECT 1').then(
      () => later(probe, probeMs),
      (error: Error) => lost(current, error.message),
    );
  };
  async function connect() {
    if (stopped) return;
    const next = new pg.Client({
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: 2_000,
      query_timeout: 2_000,
      application_name: 'learntrac-web-watch',
    });
    next.on('error', (error) => lost(next, error.message));
    next.on('end', () => lost(next, 'the connection was closed'));
    try {
      await next.connect();
      await next.query('SELECT 1');
      if (stopped) {
        await next.end();
        return;
      }
      client = next;
      mark(false, 'the database answers');
      later(probe, probeMs);
    } catch (error) {
      next.end().catch(() => {});
      const { code, message } = error as { code?: string; message?: string };
      if (code !== TOO_MANY_CONNECTIONS) mark(true, message ?? String(error));
      later(connect, code === TOO_MANY_CONNECTIONS ? probeMs : retryMs);
    }
  }
  void connect();

  return {
    isDown: () => down,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
