import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSecrets, mergeSecrets, SecretsLoadError } from './load-secrets.js';

const endpoint = process.env.TEST_AWS_ENDPOINT;
if (!endpoint && process.env.CI === 'true') {
  throw new Error('TEST_AWS_ENDPOINT must point at a Secrets Manager emulator (moto_server) in CI');
}
if (!endpoint) console.warn('Skipping Secrets Manager tests: TEST_AWS_ENDPOINT is not set');

const region = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe.skipIf(!endpoint)('loadSecrets against the Secrets Manager API', () => {
  const admin = new SecretsManagerClient({ region, endpoint, credentials });
  const created: string[] = [];

  async function createSecret(secretString: string): Promise<string> {
    const name = `learntrac/test/${randomUUID()}`;
    await admin.send(new CreateSecretCommand({ Name: name, SecretString: secretString }));
    created.push(name);
    return name;
  }

  beforeAll(() => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const name of created) {
      await admin.send(
        new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }),
      );
    }
    admin.destroy();
  });

  it('reads the settings through the service endpoint named in AWS_ENDPOINT_URL_SECRETS_MANAGER', async () => {
    const secretId = await createSecret(
      JSON.stringify({ DATABASE_URL: 'postgres://app@db/learntrac', POOL_SIZE: 5, DEBUG: false }),
    );
    vi.stubEnv('AWS_ENDPOINT_URL', '');
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', endpoint!);

    const secrets = await loadSecrets({ secretId, region });

    expect(secrets).toEqual({
      DATABASE_URL: 'postgres://app@db/learntrac',
      POOL_SIZE: '5',
      DEBUG: 'false',
    });
  });

  it('reads the settings through the general AWS_ENDPOINT_URL as well', async () => {
    const secretId = await createSecret(JSON.stringify({ REDIS_URL: 'redis://cache:6379' }));
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', '');
    vi.stubEnv('AWS_ENDPOINT_URL', endpoint!);

    await expect(loadSecrets({ secretId, region })).resolves.toEqual({
      REDIS_URL: 'redis://cache:6379',
    });
  });

  it('names the secret when it does not exist', async () => {
    const client = new SecretsManagerClient({ region, endpoint, credentials });
    const secretId = `learntrac/test/missing-${randomUUID()}`;
    const attempt = loadSecrets({ secretId, client });
    await expect(attempt).rejects.toBeInstanceOf(SecretsLoadError);
    await expect(attempt).rejects.toThrow(`Secret "${secretId}" was not found`);
    client.destroy();
  });

  it('refuses a secret that is not a JSON object, without echoing its value', async () => {
    const secretId = await createSecret('hunter2-plain-text');
    const client = new SecretsManagerClient({ region, endpoint, credentials });
    const attempt = loadSecrets({ secretId, client });
    await expect(attempt).rejects.toThrow(`Secret "${secretId}" is not a JSON object of settings`);
    await expect(attempt).rejects.not.toThrow('hunter2');
    client.destroy();
  });
});

describe('mergeSecrets', () => {
  it('lets the environment override a secret value and fills the settings it leaves unset', () => {
    const merged = mergeSecrets({
      env: { DATABASE_URL: 'postgres://override/db', REDIS_URL: '', PORT: '8001' },
      secrets: {
        DATABASE_URL: 'postgres://from-secret/db',
        REDIS_URL: 'redis://from-secret',
        OPENAI_API_KEY: 'sk-secret',
      },
    });
    expect(merged).toEqual({
      DATABASE_URL: 'postgres://override/db',
      REDIS_URL: 'redis://from-secret',
      PORT: '8001',
      OPENAI_API_KEY: 'sk-secret',
    });
  });
});
