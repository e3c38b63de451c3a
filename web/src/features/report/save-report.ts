import { z } from 'zod';
import type { Database } from '@/core/db';
import { AppError, formError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { assertReportPermission } from './report-errors';

export const ReportInputSchema = z.object({
  title: z.string().trim().min(1, 'A report needs a title.').max(255, 'The title is too long.'),
  description: z.string().max(100_000, 'The description is too long.'),
  query: z
    .string()
    .trim()
    .min(1, 'A report needs an SQL query.')
    .max(100_000, 'The query is too long.'),
});
export type ReportInput = z.input<typeof ReportInputSchema>;

function parseInput(input: ReportInput) {
  const parsed = ReportInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  throw formError(errors);
}

/** Saves a new report (REPORT_CREATE) and returns its number. */
export async function createReport(options: {
  db: Database;
  actor: Viewer;
  input: ReportInput;
}): Promise<{ id: number }> {
  assertReportPermission(options.actor, 'REPORT_CREATE');
  const data = parseInput(options.input);
  const report = await options.db.transaction((tx) =>
    tx.prisma.report.create({
      data: { ...data, author: options.actor.name },
      select: { id: true },
    }),
  );
  return { id: report.id };
}

/** Changes a report's title, description and SQL (REPORT_MODIFY). */
export async function updateReport(options: {
  db: Database;
  actor: Viewer;
  id: number;
  input: ReportInput;
}): Promise<void> {
  assertReportPermission(options.actor, 'REPORT_MODIFY');
  const data = parseInput(options.input);
  const result = await options.db.transaction((tx) =>
    tx.prisma.report.updateMany({ where: { id: options.id }, data }),
  );
  if (result.count === 0) throw new AppError('NOT_FOUND', `Report {${options.id}} does not exist.`);
}

/** Deletes a report (REPORT_DELETE). */
export async function deleteReport(options: {
  db: Database;
  actor: Viewer;
  id: number;
}): Promise<void> {
  assertReportPermission(options.actor, 'REPORT_DELETE');
  const result = await options.db.transaction((tx) =>
    tx.prisma.report.deleteMany({ where: { id: options.id } }),
  );
  if (result.count === 0) throw new AppError('NOT_FOUND', `Report {${options.id}} does not exist.`);
}
