import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import { parseWorkflow, TICKET_WORKFLOW_KEY, type Workflow } from './workflow-config';

/** The site's ticket workflow as stored in the `system` table. */
export async function loadWorkflow(options: { db: Queryable }): Promise<Workflow> {
  const rows = await options.db.query<{ value: string | null }>(sql`
    SELECT value FROM system WHERE name = ${TICKET_WORKFLOW_KEY}`);
  const value = rows[0]?.value;
  if (!value) {
    throw new Error('the ticket workflow is not configured: run the site seed (db:setup)');
  }
  return parseWorkflow(value);
}
