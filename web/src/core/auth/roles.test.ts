import { describe, expect, it } from 'vitest';
import { listPermissions, mapGroupsToRoles } from './roles';

describe('mapGroupsToRoles', () => {
  it('gives each LearnTrac group its role, most powerful first', () => {
    expect(mapGroupsToRoles(['learners', 'admins'])).toEqual(['admin', 'learner']);
    expect(mapGroupsToRoles(['instructors'])).toEqual(['instructor']);
  });

  it('ignores groups that are not LearnTrac roles', () => {
    expect(mapGroupsToRoles(['us-east-1_abc_Google', 'staff'])).toEqual([]);
  });

  it('gives a user in no group no role', () => {
    expect(mapGroupsToRoles([])).toEqual([]);
  });

  it('does not repeat a role named twice', () => {
    expect(mapGroupsToRoles(['learners', 'learners'])).toEqual(['learner']);
  });
});

describe('listPermissions (the seeded default grants)', () => {
  it('lets anonymous visitors read but not create tickets or see learning', () => {
    const anonymous = listPermissions(null);
    expect(anonymous.has('WIKI_VIEW')).toBe(true);
    expect(anonymous.has('TICKET_VIEW')).toBe(true);
    expect(anonymous.has('TICKET_CREATE')).toBe(false);
    expect(anonymous.has('LEARNING_VIEW')).toBe(false);
  });

  it('lets a signed-in user without a role see learning but not create tickets', () => {
    const member = listPermissions([]);
    expect(member.has('LEARNING_VIEW')).toBe(true);
    expect(member.has('TICKET_CREATE')).toBe(false);
  });

  it('lets learners create tickets but not manage learning or administer', () => {
    const learner = listPermissions(['learner']);
    expect(learner.has('TICKET_CREATE')).toBe(true);
    expect(learner.has('LEARNING_MANAGE')).toBe(false);
    expect(learner.has('TRAC_ADMIN')).toBe(false);
  });

  it('lets instructors manage learning and milestones but not batch modify', () => {
    const instructor = listPermissions(['instructor']);
    expect(instructor.has('LEARNING_MANAGE')).toBe(true);
    expect(instructor.has('MILESTONE_ADMIN')).toBe(true);
    expect(instructor.has('TICKET_BATCH_MODIFY')).toBe(false);
    expect(instructor.has('TRAC_ADMIN')).toBe(false);
  });

  it('gives admins every permission', () => {
    const admin = listPermissions(['admin']);
    expect(admin.has('TRAC_ADMIN')).toBe(true);
    expect(admin.has('LEARNING_MANAGE')).toBe(true);
    expect(admin.has('TICKET_MODIFY')).toBe(true);
    expect(admin.has('TICKET_BATCH_MODIFY')).toBe(true);
  });
});

describe('report permissions', () => {
  it('lets anyone run reports and read their SQL, as Trac grants anonymous', () => {
    const anonymous = listPermissions(null);
    expect(anonymous.has('REPORT_VIEW')).toBe(true);
    expect(anonymous.has('REPORT_SQL_VIEW')).toBe(true);
    expect(anonymous.has('REPORT_CREATE')).toBe(false);
  });

  it('lets instructors write reports but only admins delete them', () => {
    const instructor = listPermissions(['instructor']);
    expect(instructor.has('REPORT_CREATE')).toBe(true);
    expect(instructor.has('REPORT_MODIFY')).toBe(true);
    expect(instructor.has('REPORT_DELETE')).toBe(false);
    expect(listPermissions(['learner']).has('REPORT_MODIFY')).toBe(false);
    expect(listPermissions(['admin']).has('REPORT_DELETE')).toBe(true);
  });
});
