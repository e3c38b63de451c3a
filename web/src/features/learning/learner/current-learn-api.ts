import 'server-only';
import type { LearnApiClient } from '../learn-api/learn-api-client';

/** learn-api as the signed-in user, who must be signed in. */
export async function currentLearnApi(): Promise<LearnApiClient> {
  throw new Error('not wired yet');
}
