import 'server-only';
import { createPrismaClient } from '@learntrac/db';
import { getConfig } from '@/config';
import type { Database } from './database';

export type { Database } from './database';

// One client per process; in development the module reloads on edits, so the client lives on
// globalThis to survive reloads instead of opening a new pool each time.
const holder = globalThis as typeof globalThis & { learntracDb?: Database };

export function getDb(): Database {
  holder.learntracDb ??= createPrismaClient(getConfig().DATABASE_URL);
  return holder.learntracDb;
}
