import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import type { LearnApiResult } from './learn-api/learn-api-client';

/**
 * What a screen does with learn-api's answer: the data, or a sentence to show in its place.
 * Unknown ids are the 404 page and refusals the 403 page, as for the rest of the site.
 */
export function readAnswer<T>(result: LearnApiResult<T>): { data: T } | { problem: string } {
  if (result.ok) return { data: result.data };
  if (result.kind === 'unavailable') return { problem: result.message };
  if (result.status === 404) notFound();
  if (result.status === 403) forbidden();
  return { problem: result.error.message };
}
