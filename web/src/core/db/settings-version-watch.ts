import { keepConnection } from './kept-connection';

/** The channel the settings' triggers announce each new `site_config_version` on. */
export const SETTINGS_CHANNEL = 'site_config_version';

export interface SettingsVersionWatch {
  /**
   * The settings' version as last announced, or undefined while it is not known for sure: before
   * the first answer, while the listening connection is down, and after this process wrote
   * (until `observe` is told the version read since). Undefined means: ask the database.
   */
  current(): string | undefined;
  /** A version read from the database; newer than the one kept, it is kept. */
  observe(version: string): void;
  /** This process committed a write, which may have changed a setting. */
  noteWrite(): void;
  stop(): Promise<void>;
}

const newer = (a: string | undefined, b: string) =>
  a === undefined || BigInt(b) > BigInt(a) ? b : a;

/**
 * Keeps the settings' version in memory from one connection that LISTENs for the triggers'
 * announcements, so a request reads no count at all: a change made anywhere reaches every
 * process as it commits (within milliseconds). Writes of this process are seen by its very next
 * read, which asks the database. A dropped connection is opened again after `retryMs`; until it
 * answers, reads ask the database, as they would without a watch.
 */
export function watchSettingsVersion(options: {
  databaseUrl: string;
  retryMs?: number;
}): SettingsVersionWatch {
  let version: string | undefined;
  let known = false;
  let unsureSinceWrite = false;

  const connection = keepConnection({
    databaseUrl: options.databaseUrl,
    applicationName: 'learntrac-web-settings',
    async prepare(client) {
      client.on('notification', (message) => {
        if (message.channel === SETTINGS_CHANNEL && message.payload) {
          version = newer(version, message.payload);
        }
      });
      // Listening before reading: an announcement made in between is not missed.
      await client.query(`LISTEN ${SETTINGS_CHANNEL}`);
      const { rows } = await client.query<{ version: string }>(
        'SELECT version::text AS version FROM site_config_version',
      );
      return rows[0]?.version;
    },
    onOpen(_client, read) {
      if (read !== undefined) version = newer(version, read);
      known = read !== undefined;
    },
    onLost: () => {
      known = false;
    },
    retryAfter: () => options.retryMs ?? 1_000,
  });

  return {
    current: () => (known && !unsureSinceWrite ? version : undefined),
    observe(read) {
      version = newer(version, read);
      unsureSinceWrite = false;
    },
    noteWrite() {
      unsureSinceWrite = true;
    },
    stop: connection.stop,
  };
}

/** No watch: the version is never known without asking the database. */
export function unwatchedSettingsVersion(): SettingsVersionWatch {
  return {
    current: () => undefined,
    observe() {},
    noteWrite() {},
    async stop() {},
  };
}
