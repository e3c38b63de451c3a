import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import { assertMilestonePermission } from './milestone-errors';
import { retargetTickets } from './retarget-tickets';

/**
 * Deletes a milestone in one transaction, first moving every ticket on it (open or closed) to
 * `retargetTo` ('' for none), with the move recorded in each ticket's history.
 */
export async function deleteMilestone(options: {
  db: Database;
  permissions: ReadonlySet<string>;
  author: string;
  name: string;
  retargetTo: string;
  now?: Date;
}): Promise<{ retargeted: number }> {
  assertMilestonePermission(options.permissions, 'MILESTONE_DELETE', 'delete a milestone');
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const [current] = await tx.query<{ name: string }>(sql`
      SELECT name FROM milestone WHERE name = ${options.name} FOR UPDATE`);
    if (!current) throw new AppError('NOT_FOUND', `Milestone ${options.name} does not exist.`);
    if (options.retargetTo !== '') {
      const [target] = await tx.query<{ name: string }>(sql`
        SELECT name FROM milestone WHERE name = ${options.retargetTo}`);
      if (!target || options.retargetTo === options.name) {
        throw new AppError('INVALID_INPUT', 'Choose where the tickets go.', {
          fieldErrors: {
            retarget: 'Choose another milestone, or none.',
          },
        });
      }
    }
    const retargeted = await retargetTickets({
      tx,
      from: options.name,
      to: options.retargetTo,
      author: options.author,
      comment: 'Ticket retargeted after milestone deleted',
      onlyOpen: false,
      now,
    });
    await tx.execute(sql`DELETE FROM milestone WHERE name = ${options.name}`);
    return { retargeted };
  });
}
