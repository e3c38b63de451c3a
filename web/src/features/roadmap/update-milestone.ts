import { toTracTime } from '@learntrac/db/time';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';

import { assertMilestonePermission } from './milestone-errors';
import { type MilestoneInput, parseMilestoneInput } from './milestone-input';
import { retargetTickets } from './retarget-tickets';

export interface UpdateMilestoneResult {
  name: string;
  /** Tickets whose milestone changed: renamed along, or retargeted on completion. */
  retargeted: number;
}

/**
 * Edits a milestone in one transaction. Renaming moves its tickets along; completing it with
 * `retargetTo` (a milestone name, or '' for none) moves its open tickets there. Either way
 * each ticket's history records the move.
 */
export async function updateMilestone(options: {
  db: Database;
  permissions: ReadonlySet<string>;
  author: string;
  name: string;
  input: MilestoneInput;
  /** Only when completing: where the open tickets go; undefined leaves them. */
  retargetTo?: string;
  now?: Date;
}): Promise<UpdateMilestoneResult> {
  assertMilestonePermission(options.permissions, 'MILESTONE_MODIFY', 'edit a milestone');
  const now = options.now ?? new Date();
  const parsed = parseMilestoneInput(options.input, now);
  if (!parsed.ok)
    throw new AppError('INVALID_INPUT', 'The milestone is not valid.', {
      fieldErrors: parsed.fieldErrors,
    });
  const next = parsed.value;
  return options.db.transaction(async (tx) => {
    const [current] = await tx.query<{ name: string; completed: bigint | null }>(sql`
      SELECT name, completed FROM milestone WHERE name = ${options.name} FOR UPDATE`);
    if (!current) throw new AppError('NOT_FOUND', `Milestone ${options.name} does not exist.`);
    const renamed = next.name !== current.name;
    if (renamed) {
      const [taken] = await tx.query<{ name: string }>(sql`
        SELECT name FROM milestone WHERE name = ${next.name}`);
      if (taken) {
        throw new AppError('INVALID_INPUT', 'The milestone is not valid.', {
          fieldErrors: {
            name: `Milestone "${next.name}" already exists; choose another name.`,
          },
        });
      }
    }
    const completing = Boolean(next.completed) && !current.completed;
    const retargetTo = completing ? options.retargetTo : undefined;
    if (retargetTo !== undefined && retargetTo !== '') {
      const [target] = await tx.query<{ completed: bigint | null }>(sql`
        SELECT completed FROM milestone WHERE name = ${retargetTo}`);
      if (!target || retargetTo === current.name || retargetTo === next.name) {
        throw new AppError('INVALID_INPUT', 'The milestone is not valid.', {
          fieldErrors: {
            retarget: `Choose another milestone to move the open tickets to.`,
          },
        });
      }
    }

    await tx.execute(sql`
      UPDATE milestone SET name = ${next.name},
        due = ${next.due ? toTracTime(next.due) : 0n},
        completed = ${next.completed ? toTracTime(next.completed) : 0n},
        description = ${next.description}
      WHERE name = ${current.name}`);
    let retargeted = 0;
    if (renamed) {
      retargeted += await retargetTickets({
        tx,
        from: current.name,
        to: next.name,
        author: options.author,
        comment: 'Milestone renamed',
        onlyOpen: false,
        now,
      });
    }
    if (retargetTo !== undefined) {
      retargeted += await retargetTickets({
        tx,
        from: next.name,
        to: retargetTo,
        author: options.author,
        comment: 'Ticket retargeted after milestone closed',
        onlyOpen: true,
        now,
      });
    }
    return { name: next.name, retargeted };
  });
}
