import type { DbOrTransaction } from '../client/db.js';
import { parseInput } from '../errors.js';
import { PrerequisiteInput } from './add-prerequisite.js';

/** Removes the edge; returns whether there was one. */
export async function removePrerequisite(
  options: { db: DbOrTransaction } & PrerequisiteInput,
): Promise<boolean> {
  const { db, ...rest } = options;
  const { ticketId, prerequisiteId } = parseInput(PrerequisiteInput, rest, 'prerequisite');
  const { count } = await db.prerequisite.deleteMany({ where: { ticketId, prerequisiteId } });
  return count > 0;
}
