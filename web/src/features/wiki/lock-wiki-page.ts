import { raw, sql, type Transaction } from '@/core/db';
import { AppError } from '@/core/errors/app-error';

/**
 * How long a save, rename or delete waits for the page's lock. Another save holds it for
 * milliseconds; a longer wait means something is stuck, and the editor is better told to try
 * again (keeping their text) than left waiting until the transaction itself times out.
 */
export const WIKI_LOCK_WAIT_MS = 3_000;

/** PostgreSQL's lock_not_available, raised when lock_timeout runs out. */
const LOCK_NOT_AVAILABLE = '55P03';

function isLockTimeout(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, meta } = cause as { code?: unknown; meta?: { code?: unknown } };
    if (code === LOCK_NOT_AVAILABLE || meta?.code === LOCK_NOT_AVAILABLE) return true;
    if (/lock timeout/i.test(cause.message)) return true;
  }
  return false;
}

/**
 * Takes the page's lock for the rest of the transaction. Saving, renaming and deleting a page
 * all take the same lock, so their writes to one page queue up instead of interleaving. Throws
 * a WikiError (`busy`) when the lock is not free within WIKI_LOCK_WAIT_MS.
 */
export async function lockWikiPage(options: { tx: Transaction; name: string }) {
  await options.tx.execute(raw(`SET LOCAL lock_timeout = ${WIKI_LOCK_WAIT_MS}`));
  try {
    await options.tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext(${`wiki:${options.name}`}))`,
    );
  } catch (error) {
    if (!isLockTimeout(error)) throw error;
    throw new AppError(
      'BUSY',
      `The page ${options.name} is being changed by someone else right now, so nothing was saved. Your text is kept: try saving again in a moment.`,
    );
  }
}
