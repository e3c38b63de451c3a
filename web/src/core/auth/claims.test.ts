import { describe, expect, it } from 'vitest';
import { readGroups, readUsername } from './claims';

const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

describe('readGroups', () => {
  it('reads cognito:groups from id_token claims', () => {
    expect(readGroups({ sub: 'u1', 'cognito:groups': ['admins', 'learners'] })).toEqual([
      'admins',
      'learners',
    ]);
  });

  it('reads cognito:groups from a raw token', () => {
    expect(readGroups(jwt({ 'cognito:groups': ['instructors'] }))).toEqual(['instructors']);
  });

  it('reports a missing claim as undefined so another source can be tried', () => {
    expect(readGroups({ sub: 'u1' })).toBeUndefined();
    expect(readGroups(undefined)).toBeUndefined();
    expect(readGroups('not-a-jwt')).toBeUndefined();
  });

  it('accepts a single group sent as a string', () => {
    expect(readGroups({ 'cognito:groups': 'learners' })).toEqual(['learners']);
  });
});

describe('readUsername', () => {
  it('takes cognito:username from id token claims', () => {
    expect(readUsername({ sub: 'u1', 'cognito:username': 'instructor' })).toBe('instructor');
  });

  it('takes username from a raw access token', () => {
    expect(readUsername(jwt({ username: 'learner', token_use: 'access' }))).toBe('learner');
  });

  it('reports a missing or empty name as undefined', () => {
    expect(readUsername({ sub: 'u1' })).toBeUndefined();
    expect(readUsername({ 'cognito:username': '' })).toBeUndefined();
  });
});
