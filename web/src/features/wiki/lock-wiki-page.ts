import type { Prisma } from '@learntrac/db';

/**
 * Takes the page's lock for the rest of the transaction. Saving, renaming and deleting a page
 * all take the same lock, so their writes to one page queue up instead of interleaving.
 */
export async function lockWikiPage(options: { tx: Prisma.TransactionClient; name: string }) {
  await options.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`wiki:${options.name}`}))`;
}
