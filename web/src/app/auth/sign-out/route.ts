import type { NextRequest } from 'next/server';
import { respondWithSignOut } from '@/core/auth/sign-out-response';

export function POST(request: NextRequest) {
  return respondWithSignOut(request);
}
