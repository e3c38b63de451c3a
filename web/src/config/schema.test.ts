import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './schema';

const valid = {
  NEXTAUTH_URL: 'http://localhost:8000',
  NEXTAUTH_SECRET: 'a-secret-that-is-long-enough-for-jwe-keys',
  COGNITO_ISSUER: 'http://localhost:8002',
  COGNITO_CLIENT_ID: 'learntrac-web',
  COGNITO_CLIENT_SECRET: 'client-secret',
  DATABASE_URL: 'postgres://learntrac@localhost:5432/learntrac',
  LEARN_API_URL: 'http://localhost:8001',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('configuration was accepted');
}

describe('parseConfig', () => {
  it('accepts a complete configuration and defaults the log level', () => {
    const config = parseConfig(valid);
    expect(config.COGNITO_ISSUER).toBe('http://localhost:8002');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names a missing setting', () => {
    const { DATABASE_URL: _, ...rest } = valid;
    const problems = problemsOf(rest);
    expect(problems).toEqual(['DATABASE_URL is required']);
  });

  it('treats an empty setting as missing', () => {
    expect(problemsOf({ ...valid, COGNITO_CLIENT_ID: '' })).toEqual([
      'COGNITO_CLIENT_ID is required',
    ]);
  });

  it('names each malformed setting', () => {
    const problems = problemsOf({
      ...valid,
      COGNITO_ISSUER: 'not a url',
      DATABASE_URL: 'mysql://x',
      NEXTAUTH_SECRET: 'short',
    });
    expect(problems.join('\n')).toMatch(/COGNITO_ISSUER/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/NEXTAUTH_SECRET/);
  });

  it('takes an optional Redis address for the signed-out sessions, and names a wrong one', () => {
    expect(parseConfig(valid).REDIS_URL).toBeUndefined();
    expect(parseConfig({ ...valid, REDIS_URL: 'redis://cache:6379' }).REDIS_URL).toBe(
      'redis://cache:6379',
    );
    expect(problemsOf({ ...valid, REDIS_URL: 'http://cache:6379' })).toEqual([
      'REDIS_URL must be a redis:// or rediss:// URL',
    ]);
  });

  it('reads the largest upload from the setting learn-api reads, 50 MB unless set', () => {
    expect(parseConfig(valid).UPLOAD_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(parseConfig({ ...valid, UPLOAD_MAX_BYTES: '1048576' }).UPLOAD_MAX_BYTES).toBe(1048576);
    expect(problemsOf({ ...valid, UPLOAD_MAX_BYTES: 'lots' })).toEqual([
      'UPLOAD_MAX_BYTES must be a number of bytes',
    ]);
    expect(problemsOf({ ...valid, UPLOAD_MAX_BYTES: '10' })).toEqual([
      'UPLOAD_MAX_BYTES must be at least 1024 bytes',
    ]);
  });

  it('sizes the database pools from settings, with defaults, and names a bad size', () => {
    const config = parseConfig(valid);
    expect([
      config.DATABASE_POOL_SIZE,
      config.REPORT_POOL_SIZE,
      config.REPORT_CONNECTION_WAIT_MS,
    ]).toEqual([10, 4, 2_000]);
    expect(parseConfig({ ...valid, DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
    expect(problemsOf({ ...valid, DATABASE_POOL_SIZE: '0', REPORT_POOL_SIZE: 'many' })).toEqual([
      'DATABASE_POOL_SIZE must be at least 1',
      'REPORT_POOL_SIZE must be a number of connections',
    ]);
  });

  it('puts every problem into the error message', () => {
    expect(() => parseConfig({})).toThrow(/LEARN_API_URL/);
  });

  it('requires AWS_REGION once secrets come from Secrets Manager', () => {
    expect(problemsOf({ ...valid, SECRETS_ID: 'learntrac/web' })[0]).toMatch(/AWS_REGION/);
    expect(
      parseConfig({ ...valid, SECRETS_ID: 'learntrac/web', AWS_REGION: 'us-east-1' }),
    ).toBeTruthy();
  });
});
