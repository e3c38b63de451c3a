import { getViewer } from '@/core/auth/current-user';

/** The viewer of a form's write, with the name the write is recorded under. */
export async function getActingViewer() {
  const viewer = await getViewer();
  return { viewer, author: viewer.user?.username ?? 'anonymous' };
}
