import { loadPermissions } from '@learntrac/db/permissions';
import { testServerUrl } from '@learntrac/db/testing';
import { describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import { refusal } from '@/test/refusal';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { grantPermission, revokePermissions } from './permission-admin';

const serverUrl = testServerUrl();
const admin = listPermissions(['admin']);

describe.skipIf(!serverUrl)('permission administration against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_perm_admin', seed: true });

  it('refuses grants and revocations to anonymous visitors, learners and instructors', async () => {
    for (const permissions of [
      listPermissions(null),
      listPermissions(['learner']),
      listPermissions(['instructor']),
    ]) {
      const writes = [
        grantPermission({ db: t.db, permissions, subject: 'eve', action: 'TRAC_ADMIN' }),
        revokePermissions({
          db: t.db,
          permissions,
          grants: [{ username: 'admins', action: 'TRAC_ADMIN' }],
        }),
      ];
      for (const write of writes) expect((await refusal(write)).code).toBe('FORBIDDEN');
    }
    expect(await t.prisma.permission.count({ where: { username: 'eve' } })).toBe(0);
  });

  it('applies grants and group memberships from the permission table', async () => {
    const ana = { username: 'ana', groups: ['learners'] };
    expect((await loadPermissions({ db: t.prisma, subject: ana })).has('TICKET_BATCH_MODIFY')).toBe(
      false,
    );
    await grantPermission({
      db: t.db,
      permissions: admin,
      subject: 'graders',
      action: 'TICKET_ADMIN',
    });
    await grantPermission({ db: t.db, permissions: admin, subject: 'ana', action: 'graders' });
    const granted = await loadPermissions({ db: t.prisma, subject: ana });
    expect(granted.has('TICKET_BATCH_MODIFY')).toBe(true);
    expect(granted.has('TRAC_ADMIN')).toBe(false);

    const again = await refusal(
      grantPermission({ db: t.db, permissions: admin, subject: 'ana', action: 'graders' }),
    );
    expect(again.fieldErrors.action).toMatch(/already a member/);
    const unknown = await refusal(
      grantPermission({ db: t.db, permissions: admin, subject: 'ana', action: 'FLY_HIGH' }),
    );
    expect(unknown.fieldErrors.action).toMatch(/not a permission/);

    await revokePermissions({
      db: t.db,
      permissions: admin,
      grants: [{ username: 'ana', action: 'graders' }],
    });
    expect((await loadPermissions({ db: t.prisma, subject: ana })).has('TICKET_BATCH_MODIFY')).toBe(
      false,
    );
    const lockout = await refusal(
      revokePermissions({
        db: t.db,
        permissions: admin,
        grants: [{ username: 'admins', action: 'TRAC_ADMIN' }],
      }),
    );
    expect(lockout.message).toMatch(/no one with TRAC_ADMIN/);
  });

  it('reproduces the default roles from the seeded table', async () => {
    for (const [subject, roles] of [
      [{ username: null, groups: [] }, null],
      [{ username: 'learner-user', groups: ['learners'] }, ['learner']],
      [{ username: 'instructor-user', groups: ['instructors'] }, ['instructor']],
    ] as const) {
      const fromTable = await loadPermissions({ db: t.prisma, subject });
      expect([...fromTable].sort()).toEqual([...listPermissions(roles)].sort());
    }
  });
});
