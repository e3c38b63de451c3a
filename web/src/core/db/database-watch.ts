import type pg from 'pg';
import { keepConnection } from './kept-connection';

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

  const mark = (value: boolean, reason: string) => {
    if (down === value) return;
    down = value;
    options.onChange?.(value, reason);
  };
  const probe = (client: pg.Client) => {
    client.query('SELECT 1').then(
      () => connection.later(() => probe(client), probeMs),
      (error: Error) => connection.lose(client, error.message),
    );
  };
  const connection = keepConnection({
    databaseUrl: options.databaseUrl,
    applicationName: 'learntrac-web-watch',
    prepare: (client) => client.query('SELECT 1'),
    onOpen(client) {
      mark(false, 'the database answers');
      connection.later(() => probe(client), probeMs);
    },
    // A server refusing one more connection is up: that is no reason to turn requests away.
    onLost: (reason, error) => {
      if (error?.code !== TOO_MANY_CONNECTIONS) mark(true, reason);
    },
    retryAfter: (error) => (error?.code === TOO_MANY_CONNECTIONS ? probeMs : retryMs),
  });

  return { isDown: () => down, stop: connection.stop };
}
