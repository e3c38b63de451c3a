import type { NextRequest } from 'next/server';
import { respondWithReportExport } from '@/features/report/ui/report-export-response';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  return respondWithReportExport({ request, rawId: (await context.params).id });
}
