import { randomUUID } from 'node:crypto';
import { expandPermissions } from '@learntrac/db/permissions';
import { describe, expect, it } from 'vitest';
import { assertSessionLive } from '@/core/auth/session-lifetime';
import { createMemoryRevocations, createRedisRevocations } from '@/core/auth/session-revocations';
import { revokeUserSessions } from './revoke-user-sessions';

const admin = expandPermissions(['TRAC_ADMIN']);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const sessionOf = (username: string) => ({
  sessionId: randomUUID(),
  signedInAt: nowSeconds() - 60,
  username,
});
const check = (token: object, revocations: ReturnType<typeof createMemoryRevocations>) =>
  assertSessionLive({ token, revocations, onListUnavailable: () => {} });

describe('an admin signing a user out everywhere', () => {
  it("ends that user's sessions on their next request and leaves everyone else signed in", async () => {
    const revocations = createMemoryRevocations();
    const learner = sessionOf('learner');
    const instructor = sessionOf('instructor');
    await expect(
      revokeUserSessions({ permissions: admin, username: ' learner ', revocations }),
    ).resolves.toEqual({ username: 'learner' });
    await expect(check(learner, revocations)).rejects.toThrow('administrator ended');
    await expect(check(instructor, revocations)).resolves.toBeUndefined();
  });

  it('needs TRAC_ADMIN', async () => {
    const revocations = createMemoryRevocations();
    const learner = sessionOf('learner');
    await expect(
      revokeUserSessions({
        permissions: expandPermissions(['LEARNING_MANAGE', 'PERMISSION_GRANT']),
        username: 'learner',
        revocations,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('TRAC_ADMIN') });
    await expect(check(learner, revocations)).resolves.toBeUndefined();
  });

  it('says next to the field when no user is named', async () => {
    await expect(
      revokeUserSessions({
        permissions: admin,
        username: '  ',
        revocations: createMemoryRevocations(),
      }),
    ).rejects.toMatchObject({ fieldErrors: { username: expect.stringMatching(/name/) } });
  });

  it('says so, rather than claiming success, when the session store is down', async () => {
    const broken = createRedisRevocations({ url: 'redis://127.0.0.1:1' });
    try {
      await expect(
        revokeUserSessions({ permissions: admin, username: 'learner', revocations: broken }),
      ).rejects.toThrow('could not be ended');
    } finally {
      await broken.close();
    }
  });
});
