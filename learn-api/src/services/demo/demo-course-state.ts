import type { Database } from '../../adapters/database/database.js';

/** Recorded in Trac's `system` table once the demo course is complete. */
export const demoCourseKey = 'learntrac_demo_course';

/** Whether an earlier run completed the demo course: a quick look, before loading any model. */
export async function isDemoCourseSeeded(db: Database): Promise<boolean> {
  return (await db.system.findUnique({ where: { name: demoCourseKey } })) !== null;
}
