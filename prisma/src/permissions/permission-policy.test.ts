import { describe, expect, it } from 'vitest';
import { expandPermissions, listSubjects, resolvePermissions } from './permission-policy.js';

const grants = [
  { username: 'anonymous', action: 'WIKI_VIEW' },
  { username: 'authenticated', action: 'TICKET_CREATE' },
  { username: 'learners', action: 'authenticated' },
  { username: 'learners', action: 'TICKET_APPEND' },
  { username: 'developers', action: 'TICKET_ADMIN' },
  { username: 'ada', action: 'developers' },
  { username: 'bob', action: 'REPORT_ADMIN' },
  { username: 'admins', action: 'TRAC_ADMIN' },
];

describe('resolvePermissions', () => {
  it('gives an anonymous visitor only what anonymous holds', () => {
    expect([...resolvePermissions({ grants, subject: { username: null, groups: [] } })]).toEqual([
      'WIKI_VIEW',
    ]);
  });

  it('adds authenticated grants for anyone signed in', () => {
    const carol = resolvePermissions({ grants, subject: { username: 'carol', groups: [] } });
    expect(carol.has('TICKET_CREATE')).toBe(true);
    expect(carol.has('TICKET_APPEND')).toBe(false);
  });

  it('applies the grants of a sign-in group', () => {
    const lena = resolvePermissions({
      grants,
      subject: { username: 'lena', groups: ['learners'] },
    });
    expect(lena.has('TICKET_APPEND')).toBe(true);
    expect(lena.has('WIKI_VIEW')).toBe(true);
  });

  it('applies group memberships stored in the table, with TICKET_ADMIN implying ticket actions', () => {
    const ada = resolvePermissions({ grants, subject: { username: 'ada', groups: [] } });
    for (const action of [
      'TICKET_BATCH_MODIFY',
      'TICKET_MODIFY',
      'TICKET_APPEND',
      'TICKET_CHGPROP',
    ] as const) {
      expect(ada.has(action)).toBe(true);
    }
    expect(ada.has('TRAC_ADMIN')).toBe(false);
  });

  it('lets REPORT_ADMIN do every report action and TRAC_ADMIN do everything', () => {
    const bob = resolvePermissions({ grants, subject: { username: 'bob', groups: [] } });
    expect(bob.has('REPORT_DELETE')).toBe(true);
    expect(bob.has('WIKI_DELETE')).toBe(false);
    const root = resolvePermissions({ grants, subject: { username: 'root', groups: ['admins'] } });
    expect(root.has('WIKI_DELETE')).toBe(true);
    expect(root.has('LEARNING_MANAGE')).toBe(true);
  });

  it('ignores a user name that only looks like a group of someone else', () => {
    expect(listSubjects({ grants, subject: { username: 'eve', groups: [] } })).toEqual(
      new Set(['anonymous', 'authenticated', 'eve']),
    );
  });

  it('survives a membership cycle', () => {
    const cyclic = [
      { username: 'a', action: 'b' },
      { username: 'b', action: 'a' },
      { username: 'b', action: 'WIKI_MODIFY' },
    ];
    expect(
      resolvePermissions({ grants: cyclic, subject: { username: 'a', groups: [] } }).has(
        'WIKI_MODIFY',
      ),
    ).toBe(true);
  });
});

describe('expandPermissions', () => {
  it('expands TICKET_MODIFY into appending and changing properties', () => {
    expect(expandPermissions(['TICKET_MODIFY'])).toEqual(
      new Set(['TICKET_MODIFY', 'TICKET_APPEND', 'TICKET_CHGPROP']),
    );
  });
});
