import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SigningKeySet {
  keys: JWK[];
}

/** A fresh RS256 signing key, as Cognito uses, in private JWK form. */
export async function createSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * Reads the signing keys from `file`, creating the file with a new key the first time, so
 * tokens issued before a restart still verify after it. Without a file the keys live only
 * as long as the process.
 */
export async function loadSigningKeys(options: { file?: string }): Promise<SigningKeySet> {
  const { file } = options;
  if (!file) return { keys: [await createSigningKey()] };
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as SigningKeySet;
    if (!Array.isArray(stored.keys) || stored.keys.length === 0) {
      throw new Error(`${file} holds no signing keys; delete it to create new ones`);
    }
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const created = { keys: [await createSigningKey()] };
  await mkdir(dirname(file), { recursive: true });
  // Write then rename, so a crash never leaves a half-written key file behind.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, file);
  return created;
}
