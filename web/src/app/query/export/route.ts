import type { NextRequest } from 'next/server';
import { respondWithQueryExport } from '@/features/query/ui/query-export-response';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return respondWithQueryExport(request);
}
