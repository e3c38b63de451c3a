import { getDb } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import 'server-only';
import { notFound } from 'next/navigation';
import { getReport } from './get-report';

/** The report a page's `[id]` names, for this viewer; a malformed or unknown id is a 404. */
export async function getReportOr404(options: {
  rawId: string;
  viewer: Viewer;
}): Promise<Awaited<ReturnType<typeof getReport>>> {
  if (!/^\d{1,10}$/.test(options.rawId)) notFound();
  try {
    return await getReport({
      db: getDb(),
      actor: options.viewer,
      id: Number(options.rawId),
    });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  }
}
