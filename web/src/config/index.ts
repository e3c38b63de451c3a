import 'server-only';
import { type Config, parseConfig } from './schema';

export type { Config } from './schema';
export { ConfigError } from './schema';

let loaded: Config | undefined;

/**
 * The validated settings, read from the environment once per process. Start-up
 * (`instrumentation.ts`) calls `loadConfig` first, so a bad setting stops the server
 * before it serves a request rather than on first use.
 */
export function getConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}

/**
 * Loads secrets into the environment when SECRETS_ID is set, then validates. Secret values
 * never override variables that are already set, so a local override still wins.
 */
export async function loadConfig(): Promise<Config> {
  if (process.env.SECRETS_ID) {
    await loadSecretsIntoEnv(process.env.SECRETS_ID);
  }
  loaded = parseConfig(process.env);
  return loaded;
}

async function loadSecretsIntoEnv(secretId: string): Promise<void> {
  const { loadSecrets, mergeSecrets } = await import('@learntrac/db/secrets');
  const secrets = await loadSecrets({ secretId, region: process.env.AWS_REGION });
  Object.assign(process.env, mergeSecrets({ env: process.env, secrets }));
}
