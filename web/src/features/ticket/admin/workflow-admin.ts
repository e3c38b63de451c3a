import { type Database, sql } from '@/core/db';
import { assertAdmin } from '@/core/forms/admin-error';
import { TICKET_WORKFLOW_KEY } from '@/features/ticket/workflow';
import { parseWorkflowText } from './workflow-text';

/** Validates the workflow text and stores it as the site's workflow (an INVALID_INPUT AppError listing its problems if not). */
export async function saveWorkflow(options: {
  db: Database;
  permissions: ReadonlySet<string>;
  text: string;
}): Promise<{ actions: number }> {
  assertAdmin(options.permissions);
  const workflow = parseWorkflowText(options.text);
  const value = JSON.stringify(workflow);
  await options.db.transaction((tx) =>
    tx.execute(sql`
      INSERT INTO system (name, value) VALUES (${TICKET_WORKFLOW_KEY}, ${value})
      ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`),
  );
  return { actions: workflow.length };
}
