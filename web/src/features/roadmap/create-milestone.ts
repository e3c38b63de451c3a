import { toTracTime } from '@learntrac/db/time';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';

import { assertMilestonePermission } from './milestone-errors';
import { type MilestoneInput, parseMilestoneInput } from './milestone-input';

/** Adds a milestone; a name already taken or a bad date is reported against its field. */
export async function createMilestone(options: {
  db: Database;
  permissions: ReadonlySet<string>;
  input: MilestoneInput;
  now?: Date;
}): Promise<{ name: string }> {
  assertMilestonePermission(options.permissions, 'MILESTONE_CREATE', 'add a milestone');
  const now = options.now ?? new Date();
  const parsed = parseMilestoneInput(options.input, now);
  if (!parsed.ok)
    throw new AppError('INVALID_INPUT', 'The milestone is not valid.', {
      fieldErrors: parsed.fieldErrors,
    });
  const { name, due, completed, description } = parsed.value;
  const inserted = await options.db.transaction((tx) =>
    tx.execute(sql`
      INSERT INTO milestone (name, due, completed, description)
      VALUES (${name}, ${due ? toTracTime(due) : 0n}, ${completed ? toTracTime(completed) : 0n},
              ${description})
      ON CONFLICT (name) DO NOTHING`),
  );
  if (inserted === 0) {
    throw new AppError('INVALID_INPUT', 'The milestone is not valid.', {
      fieldErrors: {
        name: `Milestone "${name}" already exists; choose another name.`,
      },
    });
  }
  return { name };
}
