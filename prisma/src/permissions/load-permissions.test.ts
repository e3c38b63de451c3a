import { describe, expect, it } from 'vitest';
import { testServerUrl, useTestDatabase } from '../testing/index.js';
import { loadPermissions } from './load-permissions.js';
import {
  PERMISSION_ACTIONS,
  type PermissionGrant,
  type PermissionSubject,
  resolvePermissions,
} from './permission-policy.js';

const LEARNING_ACTIONS = PERMISSION_ACTIONS.filter((action) => action.startsWith('LEARNING_'));

describe.skipIf(!testServerUrl())('loadPermissions against the permission table', () => {
  const t = useTestDatabase({ prefix: 'permissions', seed: true });
  const load = (subject: PermissionSubject) => loadPermissions({ db: t.db, subject });

  it('gives the seeded groups the learning actions of their roles', async () => {
    const learning = async (subject: PermissionSubject) => {
      const held = await load(subject);
      return LEARNING_ACTIONS.filter((action) => held.has(action)).sort();
    };
    expect(await learning({ username: null, groups: [] })).toEqual([]);
    expect(await learning({ username: 'lena', groups: ['learners'] })).toEqual([
      'LEARNING_ANSWER',
      'LEARNING_PROGRESS_OWN',
      'LEARNING_VIEW',
    ]);
    expect(await learning({ username: 'ian', groups: ['instructors'] })).toEqual([
      'LEARNING_ANSWER',
      'LEARNING_INGEST',
      'LEARNING_MANAGE',
      'LEARNING_PROGRESS_ALL',
      'LEARNING_PROGRESS_OWN',
      'LEARNING_REVIEW',
      'LEARNING_VIEW',
    ]);
    const instructor = await load({ username: 'ian', groups: ['instructors'] });
    for (const action of ['TICKET_MODIFY', 'WIKI_MODIFY', 'MILESTONE_ADMIN'] as const) {
      expect(instructor.has(action)).toBe(true);
    }
    expect(instructor.has('TRAC_ADMIN')).toBe(false);
    const admin = await load({ username: 'root', groups: ['admins'] });
    expect([...admin].sort()).toEqual([...PERMISSION_ACTIONS].sort());
  });

  it('sees a grant to a group on the very next read, and its revoke likewise', async () => {
    const lena = { username: 'lena', groups: ['learners'] };
    expect((await load(lena)).has('LEARNING_INGEST')).toBe(false);
    await t.db.permission.create({ data: { username: 'learners', action: 'LEARNING_INGEST' } });
    expect((await load(lena)).has('LEARNING_INGEST')).toBe(true);
    await t.db.permission.delete({
      where: { username_action: { username: 'learners', action: 'LEARNING_INGEST' } },
    });
    expect((await load(lena)).has('LEARNING_INGEST')).toBe(false);
  });

  it('grants nothing for a sign-in group the table does not name', async () => {
    const plain = await load({ username: 'zoe', groups: [] });
    const stranger = await load({ username: 'zoe', groups: ['us-east-1_pool_Google', 'staff'] });
    expect([...stranger].sort()).toEqual([...plain].sort());
    expect(stranger.has('LEARNING_ANSWER')).toBe(false);
  });

  it('follows memberships stored in the table, through a cycle, and expands meta-permissions', async () => {
    await t.db.permission.createMany({
      data: [
        { username: 'ana', action: 'graders' },
        { username: 'graders', action: 'tutors' },
        { username: 'tutors', action: 'graders' },
        { username: 'tutors', action: 'TICKET_ADMIN' },
        { username: 'tutors', action: 'LEARNING_MANAGE' },
      ],
    });
    const ana = await load({ username: 'ana', groups: [] });
    for (const action of ['TICKET_BATCH_MODIFY', 'TICKET_APPEND', 'LEARNING_VIEW'] as const) {
      expect(ana.has(action)).toBe(true);
    }
    expect(ana.has('TRAC_ADMIN')).toBe(false);
    expect((await load({ username: 'bea', groups: [] })).has('TICKET_BATCH_MODIFY')).toBe(false);
  });

  it('ignores actions LearnTrac does not know, such as a Trac plugin left behind', async () => {
    await t.db.permission.create({ data: { username: 'authenticated', action: 'BLOG_VIEW' } });
    expect([...(await load({ username: 'zoe', groups: [] }))]).not.toContain('BLOG_VIEW');
  });

  it('resolves exactly as the policy does over the whole table', async () => {
    const everything = await t.db.permission.findMany({
      select: { username: true, action: true },
    });
    const subjects: PermissionSubject[] = [
      { username: null, groups: [] },
      { username: 'zoe', groups: [] },
      { username: 'ana', groups: ['learners'] },
      { username: 'ian', groups: ['instructors', 'unknown'] },
      { username: 'root', groups: ['admins'] },
      { username: 'graders', groups: [] },
    ];
    for (const subject of subjects) {
      const fromTable = resolvePermissions({ grants: everything as PermissionGrant[], subject });
      expect([...(await load(subject))].sort()).toEqual([...fromTable].sort());
    }
  });
});
