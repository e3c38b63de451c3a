import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, defaultEmbeddingModelDir, loadConfig, parseConfig } from './config.js';
import { testServerUrl } from './test-support/test-env.js';

const minimal = {
  DATABASE_URL: 'postgres://learntrac:pw@db.internal:5432/learntrac',
  COGNITO_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123/',
  COGNITO_CLIENT_IDS: 'web-client, cli-client',
};

describe('configuration', () => {
  it('applies the defaults and splits the lists', () => {
    const config = parseConfig({
      ...minimal,
      CORS_ORIGINS: 'http://localhost:8000,https://learntrac.example.com',
    });
    expect(config).toMatchObject({
      port: 8001,
      redisUrl: undefined,
      cognitoIssuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123',
      cognitoClientIds: ['web-client', 'cli-client'],
      corsOrigins: ['http://localhost:8000', 'https://learntrac.example.com'],
      logLevel: 'info',
    });
  });

  it('names each missing required setting', () => {
    expect(() => parseConfig({ COGNITO_CLIENT_IDS: 'web' })).toThrow(
      /DATABASE_URL is required.*COGNITO_ISSUER is required/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(() => parseConfig({ ...minimal, DATABASE_URL: '' })).toThrow('DATABASE_URL is required');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/learntrac'],
    ['REDIS_URL', 'localhost:6379'],
    ['COGNITO_ISSUER', 'cognito'],
    ['COGNITO_CLIENT_IDS', ' , '],
    ['CORS_ORIGINS', 'https://learntrac.example.com/app'],
    ['LOG_LEVEL', 'loud'],
    ['NEO4J_URI', 'http://neo4j.internal:7474'],
  ])('stops on a malformed %s (%s) and names it', (name, value) => {
    const attempt = () => parseConfig({ ...minimal, [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('keeps vectors in PostgreSQL unless NEO4J_URI is set', () => {
    expect(parseConfig(minimal).neo4j).toBeUndefined();
    expect(parseConfig({ ...minimal, NEO4J_URI: 'bolt://127.0.0.1:7687' }).neo4j).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      auth: undefined,
    });
    expect(
      parseConfig({
        ...minimal,
        NEO4J_URI: 'neo4j+s://graph.example.com',
        NEO4J_USERNAME: 'neo4j',
        NEO4J_PASSWORD: 's3cret',
      }).neo4j,
    ).toEqual({
      uri: 'neo4j+s://graph.example.com',
      auth: { username: 'neo4j', password: 's3cret' },
    });
  });

  it('wants the Neo4j user and password together', () => {
    const uri = { ...minimal, NEO4J_URI: 'bolt://127.0.0.1:7687' };
    expect(() => parseConfig({ ...uri, NEO4J_USERNAME: 'neo4j' })).toThrow(
      'NEO4J_PASSWORD is required when NEO4J_USERNAME is set',
    );
    expect(() => parseConfig({ ...uri, NEO4J_PASSWORD: 's3cret' })).toThrow(
      'NEO4J_USERNAME is required when NEO4J_PASSWORD is set',
    );
    expect(() =>
      parseConfig({ ...minimal, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 's3cret' }),
    ).toThrow('NEO4J_URI is required when NEO4J_USERNAME is set');
  });

  it('asks for AWS_REGION when SECRETS_ID is set', async () => {
    await expect(loadConfig({ env: { ...minimal, SECRETS_ID: 'learntrac/prod' } })).rejects.toThrow(
      'AWS_REGION is required when SECRETS_ID is set',
    );
  });
});

const awsEndpoint = testServerUrl('TEST_AWS_ENDPOINT');

describe.skipIf(!awsEndpoint)('configuration from Secrets Manager', () => {
  const region = 'eu-west-1';
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const admin = new SecretsManagerClient({ region, endpoint: awsEndpoint, credentials });
  const created: string[] = [];

  const useEmulator = () => {
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', awsEndpoint!);
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  };
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => {
    for (const name of created) {
      await admin.send(
        new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }),
      );
    }
    admin.destroy();
  });

  it('fills unset settings from the secret while the environment keeps the last word', async () => {
    const name = `learntrac/${randomUUID()}`;
    await admin.send(
      new CreateSecretCommand({
        Name: name,
        SecretString: JSON.stringify({
          DATABASE_URL: 'postgres://from-secret@rds.internal:5432/learntrac',
          REDIS_URL: 'rediss://cache.internal:6379',
          COGNITO_CLIENT_IDS: 'from-secret-client',
          OPENAI_API_KEY: 'sk-not-a-setting-yet',
        }),
      }),
    );
    created.push(name);
    useEmulator();

    const config = await loadConfig({
      env: {
        SECRETS_ID: name,
        AWS_REGION: region,
        COGNITO_ISSUER: minimal.COGNITO_ISSUER,
        COGNITO_CLIENT_IDS: 'env-client',
      },
    });

    expect(config.databaseUrl).toBe('postgres://from-secret@rds.internal:5432/learntrac');
    expect(config.redisUrl).toBe('rediss://cache.internal:6379');
    expect(config.cognitoClientIds).toEqual(['env-client']);
  });

  it('stops with a message naming a secret that does not exist', async () => {
    useEmulator();
    const name = `learntrac/missing-${randomUUID()}`;
    const attempt = loadConfig({ env: { ...minimal, SECRETS_ID: name, AWS_REGION: region } });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(`Secret "${name}" was not found`);
  });
});

describe('embedding settings', () => {
  it('looks for the local model where ./dev/models/fetch-model puts it, and uses no API', () => {
    const config = parseConfig(minimal);
    expect(config.embeddingModelDir).toBe(defaultEmbeddingModelDir);
    expect(config.embeddingModelDir).toMatch(/\/dev\/\.cache\/models\/all-minilm-l6-v2-q$/);
    expect(config).toMatchObject({
      openaiApiKey: undefined,
      openaiBaseUrl: undefined,
      openaiEmbeddingModel: 'text-embedding-3-small',
      openaiEmbeddingDimensions: undefined,
    });
  });

  it('makes a relative EMBEDDING_MODEL_DIR absolute', () => {
    const config = parseConfig({ ...minimal, EMBEDDING_MODEL_DIR: 'models/minilm' });
    expect(config.embeddingModelDir).toBe(`${process.cwd()}/models/minilm`);
  });

  it('asks for OPENAI_EMBEDDING_DIMENSIONS when the model is not one it knows', () => {
    const unknownModel = { ...minimal, OPENAI_API_KEY: 'sk-x', OPENAI_EMBEDDING_MODEL: 'e5-large' };
    expect(() => parseConfig(unknownModel)).toThrow(
      'OPENAI_EMBEDDING_DIMENSIONS is required for the embedding model e5-large',
    );
    expect(parseConfig({ ...unknownModel, OPENAI_EMBEDDING_DIMENSIONS: '1024' })).toMatchObject({
      openaiEmbeddingModel: 'e5-large',
      openaiEmbeddingDimensions: 1024,
    });
  });

  it.each([
    ['OPENAI_BASE_URL', 'api.example.com/v1'],
    ['OPENAI_EMBEDDING_DIMENSIONS', 'many'],
    ['OPENAI_EMBEDDING_DIMENSIONS', '0'],
  ])('stops on a malformed %s (%s) and names it', (name, value) => {
    expect(() => parseConfig({ ...minimal, OPENAI_API_KEY: 'sk-x', [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name} `),
    );
  });

  it('uses the local question writer by default, with the language-model limits', () => {
    expect(parseConfig(minimal)).toMatchObject({
      openaiChatModel: undefined,
      llmTimeoutMs: 30_000,
      llmMaxRetries: 2,
      llmRateLimit: { limit: 30, windowSeconds: 60 },
    });
    expect(
      parseConfig({
        ...minimal,
        OPENAI_API_KEY: 'sk-x',
        OPENAI_CHAT_MODEL: 'gpt-4o-mini',
        LLM_RATE_LIMIT: '5',
        LLM_RATE_LIMIT_WINDOW_SECONDS: '10',
      }),
    ).toMatchObject({
      openaiChatModel: 'gpt-4o-mini',
      llmRateLimit: { limit: 5, windowSeconds: 10 },
    });
  });

  it('asks for OPENAI_API_KEY when OPENAI_CHAT_MODEL is set', () => {
    expect(() => parseConfig({ ...minimal, OPENAI_CHAT_MODEL: 'gpt-4o-mini' })).toThrow(
      'OPENAI_API_KEY is required when OPENAI_CHAT_MODEL is set',
    );
  });

  it.each([
    ['LLM_TIMEOUT_MS', '10'],
    ['LLM_MAX_RETRIES', '-1'],
    ['LLM_RATE_LIMIT', '0'],
    ['LLM_RATE_LIMIT_WINDOW_SECONDS', 'a minute'],
  ])('stops on a malformed %s (%s) and names it', (name, value) => {
    expect(() => parseConfig({ ...minimal, [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name} `),
    );
  });
});
