import { cache } from 'react';
import { type Database, type Queryable, sql } from './database';

interface Entry {
  version: string;
  value: Promise<unknown>;
}

// Per database client, so that tests with a database each never share an entry.
const entriesByDb = new WeakMap<Queryable, Map<string, Entry>>();
// Permissions are kept per subject; a site with more subjects than this starts over.
const MAX_ENTRIES = 1000;

const isDatabase = (db: Queryable): db is Database => 'settingsVersion' in db;

// Read once per render (React's cache lasts one request), so a page sees one version throughout.
// The database's announcements usually say it without a query (see settings-version-watch).
const readVersion = cache(async (db: Queryable): Promise<string> => {
  const announced = isDatabase(db) ? db.settingsVersion.current() : undefined;
  if (announced !== undefined) return announced;
  const rows = await db.query<{ version: string }>(
    sql`SELECT version::text AS version FROM site_config_version`,
  );
  const version = rows[0]?.version ?? '';
  if (version && isDatabase(db)) db.settingsVersion.observe(version);
  return version;
});

/**
 * A site setting (permissions, ticket field choices, custom fields, workflow, InterMapTxt) as
 * `load` reads it, kept in this process while the database's `site_config_version` is the one
 * it was read under. Triggers move that count whenever a setting's table changes and announce
 * it, so every process reads the setting afresh once the change commits, and requests between
 * changes read nothing at all (this process's own writes are seen by its very next request).
 * `name` identifies the setting (and its subject); `load` must read only settings' tables.
 */
export async function readSiteConfig<T>(options: {
  db: Queryable;
  name: string;
  load: () => Promise<T>;
}): Promise<T> {
  const { db, name } = options;
  const version = await readVersion(db);
  let entries = entriesByDb.get(db);
  if (!entries) {
    entries = new Map();
    entriesByDb.set(db, entries);
  }
  const kept = entries.get(name);
  if (kept?.version === version) return kept.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  // Read after the version: what is kept is at least as new as the version it is kept under.
  const value = options.load();
  const entry = { version, value };
  entries.set(name, entry);
  value.catch(() => {
    if (entries.get(name) === entry) entries.delete(name);
  });
  return value;
}
