import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSecrets, mergeSecrets, SecretsLoadError } from '@learntrac/db/secrets';
import { z } from 'zod';
import { knownOpenAiEmbeddingDimensions } from './adapters/embedder/openai-embedding-dimensions.js';

/** Where ./dev/models/fetch-model puts the embedding model (the same from src/ and dist/). */
export const defaultEmbeddingModelDir = fileURLToPath(
  new URL('../../dev/.cache/models/all-minilm-l6-v2-q', import.meta.url),
);

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL like ${example}` },
  );

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8001),
    DATABASE_URL: urlWithProtocols(
      ['postgres:', 'postgresql:'],
      'postgres://user:password@host:5432/db',
    ),
    REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://host:6379').optional(),
    COGNITO_ISSUER: urlWithProtocols(
      ['https:', 'http:'],
      'https://cognito-idp.<region>.amazonaws.com/<userPoolId>',
    ).transform((value) => value.replace(/\/+$/, '')),
    COGNITO_CLIENT_IDS: commaList.pipe(
      z.array(z.string()).min(1, 'must name at least one app client id'),
    ),
    CORS_ORIGINS: commaList
      .pipe(
        z.array(
          z.string().refine((value) => URL.canParse(value) && new URL(value).origin === value, {
            message:
              'must list origins like https://learntrac.example.com (no path or trailing slash)',
          }),
        ),
      )
      .default([]),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    SECRETS_ID: z.string().optional(),
    AWS_REGION: z.string().optional(),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024, 'must be at least 1024 bytes')
      .default(50 * 1024 * 1024),
    EMBEDDING_MODEL_DIR: z.string().default(defaultEmbeddingModelDir),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: urlWithProtocols(['https:', 'http:'], 'https://host/v1').optional(),
    OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
    OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(16_384).optional(),
    OPENAI_CHAT_MODEL: z.string().optional(),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    LLM_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
    LLM_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    NEO4J_URI: urlWithProtocols(
      ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'],
      'neo4j+s://host:7687',
    ).optional(),
    NEO4J_USERNAME: z.string().optional(),
    NEO4J_PASSWORD: z.string().optional(),
  })
  .superRefine((config, ctx) => {
    // A user without a password (or the reverse) is a half-filled secret, never intended.
    for (const [given, missing] of [
      ['NEO4J_USERNAME', 'NEO4J_PASSWORD'],
      ['NEO4J_PASSWORD', 'NEO4J_USERNAME'],
    ] as const) {
      if (config[given] && !config[missing]) {
        ctx.addIssue({
          code: 'custom',
          path: [missing],
          message: `is required when ${given} is set`,
        });
      }
    }
    if (config.NEO4J_USERNAME && !config.NEO4J_URI) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_URI'],
        message: 'is required when NEO4J_USERNAME is set',
      });
    }
    if (
      config.OPENAI_API_KEY &&
      !config.OPENAI_EMBEDDING_DIMENSIONS &&
      !(config.OPENAI_EMBEDDING_MODEL in knownOpenAiEmbeddingDimensions)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_EMBEDDING_DIMENSIONS'],
        message: `is required for the embedding model ${config.OPENAI_EMBEDDING_MODEL} (its vector length is not known)`,
      });
    }
    if (config.OPENAI_CHAT_MODEL && !config.OPENAI_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'is required when OPENAI_CHAT_MODEL is set',
      });
    }
    if (config.SECRETS_ID && !config.AWS_REGION) {
      ctx.addIssue({
        code: 'custom',
        path: ['AWS_REGION'],
        message: 'is required when SECRETS_ID is set',
      });
    }
  });

export interface Config {
  port: number;
  databaseUrl: string;
  redisUrl: string | undefined;
  cognitoIssuer: string;
  cognitoClientIds: string[];
  corsOrigins: string[];
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  secretsId: string | undefined;
  awsRegion: string | undefined;
  uploadMaxBytes: number;
  /** Folder holding the local embedding model (all-minilm-l6-v2-q.onnx and its tokenizer). */
  embeddingModelDir: string;
  /** Set: embeddings come from the OpenAI API instead of the local model. */
  openaiApiKey: string | undefined;
  openaiBaseUrl: string | undefined;
  openaiEmbeddingModel: string;
  /** Asked of the API as `dimensions`; unset: the model's own length. */
  openaiEmbeddingDimensions: number | undefined;
  /** Set: questions and open answers go to this OpenAI chat model instead of the local writer. */
  openaiChatModel: string | undefined;
  llmTimeoutMs: number;
  llmMaxRetries: number;
  /** Requests per user per window to routes that use the language model. */
  llmRateLimit: { limit: number; windowSeconds: number };
  /** The production vector store; unset keeps vectors in PostgreSQL, searched in process. */
  neo4j: { uri: string; auth: { username: string; password: string } | undefined } | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Validates settings; an empty variable counts as unset, as `FOO=` in an env file means. */
export function parseConfig(env: Env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration');
      const message =
        issue.code === 'invalid_type' && present[name] === undefined
          ? 'is required'
          : issue.message;
      return `${name} ${message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const c = result.data;
  return {
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    cognitoIssuer: c.COGNITO_ISSUER,
    cognitoClientIds: c.COGNITO_CLIENT_IDS,
    corsOrigins: c.CORS_ORIGINS,
    logLevel: c.LOG_LEVEL,
    secretsId: c.SECRETS_ID,
    awsRegion: c.AWS_REGION,
    uploadMaxBytes: c.UPLOAD_MAX_BYTES,
    embeddingModelDir: resolve(c.EMBEDDING_MODEL_DIR),
    openaiApiKey: c.OPENAI_API_KEY,
    openaiBaseUrl: c.OPENAI_BASE_URL,
    openaiEmbeddingModel: c.OPENAI_EMBEDDING_MODEL,
    openaiEmbeddingDimensions: c.OPENAI_EMBEDDING_DIMENSIONS,
    openaiChatModel: c.OPENAI_CHAT_MODEL,
    llmTimeoutMs: c.LLM_TIMEOUT_MS,
    llmMaxRetries: c.LLM_MAX_RETRIES,
    llmRateLimit: { limit: c.LLM_RATE_LIMIT, windowSeconds: c.LLM_RATE_LIMIT_WINDOW_SECONDS },
    neo4j: c.NEO4J_URI
      ? {
          uri: c.NEO4J_URI,
          auth:
            c.NEO4J_USERNAME && c.NEO4J_PASSWORD
              ? { username: c.NEO4J_USERNAME, password: c.NEO4J_PASSWORD }
              : undefined,
        }
      : undefined,
  };
}

/**
 * Reads the configuration once at start-up. With SECRETS_ID set, the secret's values fill
 * whatever the environment leaves unset (the environment wins), then everything is validated.
 * The Secrets Manager endpoint follows the SDK's own settings (AWS_ENDPOINT_URL_SECRETS_MANAGER).
 */
export async function loadConfig({ env }: { env: Env }): Promise<Config> {
  const secretId = env.SECRETS_ID?.trim();
  if (!secretId) return parseConfig(env);
  const region = env.AWS_REGION?.trim();
  if (!region)
    throw new ConfigError('Invalid configuration: AWS_REGION is required when SECRETS_ID is set');
  try {
    const secrets = await loadSecrets({ secretId, region });
    return parseConfig(mergeSecrets({ env, secrets }));
  } catch (error) {
    if (error instanceof SecretsLoadError)
      throw new ConfigError(`Invalid configuration: ${error.message}`);
    throw error;
  }
}
