import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/** A flat map of setting names to values, as found in a JSON secret string. */
export type SecretValues = Record<string, string>;

export class SecretsLoadError extends Error {
  override readonly name = 'SecretsLoadError';
}

export interface LoadSecretsInput {
  /** Secret name or ARN. */
  secretId: string;
  /** Region of the secret; without it the SDK's own region lookup applies. */
  region?: string;
  /** A ready client (tests, or callers that share one); otherwise one is made and closed here. */
  client?: SecretsManagerClient;
}

/**
 * Reads one Secrets Manager secret whose string is a JSON object of settings
 * (`{"DATABASE_URL": "...", "OPENAI_API_KEY": "..."}`).
 *
 * The endpoint is the SDK's to decide, so AWS_ENDPOINT_URL_SECRETS_MANAGER or
 * AWS_ENDPOINT_URL point it at a local emulator without code changes.
 * Error messages name the secret and never include its contents.
 */
export async function loadSecrets({
  secretId,
  region,
  client,
}: LoadSecretsInput): Promise<SecretValues> {
  const sm = client ?? new SecretsManagerClient(region ? { region } : {});
  let secretString: string | undefined;
  try {
    const out = await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
    secretString = out.SecretString;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) {
      throw new SecretsLoadError(`Secret "${secretId}" was not found in AWS Secrets Manager`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new SecretsLoadError(
      `Could not read secret "${secretId}" from AWS Secrets Manager: ${reason}`,
    );
  } finally {
    if (!client) sm.destroy();
  }
  if (secretString === undefined) {
    throw new SecretsLoadError(
      `Secret "${secretId}" has no string value (binary secrets are not supported)`,
    );
  }
  return parseSecretString({ secretId, secretString });
}

function parseSecretString({
  secretId,
  secretString,
}: {
  secretId: string;
  secretString: string;
}): SecretValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    throw new SecretsLoadError(`Secret "${secretId}" is not a JSON object of settings`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SecretsLoadError(`Secret "${secretId}" is not a JSON object of settings`);
  }
  const values: SecretValues = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
    else
      throw new SecretsLoadError(
        `Secret "${secretId}" key "${key}" must be a string, number or boolean`,
      );
  }
  return values;
}

export interface MergeSecretsInput {
  env: Record<string, string | undefined>;
  secrets: SecretValues;
}

/**
 * Secrets fill only the settings the environment leaves unset (or empty): an operator can
 * still override a single value for one deployment, and the secret supplies the rest.
 */
export function mergeSecrets({
  env,
  secrets,
}: MergeSecretsInput): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...env };
  for (const [key, value] of Object.entries(secrets)) {
    const current = merged[key];
    if (current === undefined || current === '') merged[key] = value;
  }
  return merged;
}
