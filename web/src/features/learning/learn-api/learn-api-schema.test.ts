import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LEARN_API_TYPES_FILE, renderLearnApiTypes } from './render-learn-api-types';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe("learn-api's generated types", () => {
  it("match learn-api's current OpenAPI document (else: pnpm --filter @learntrac/web generate:learn-api)", async () => {
    const committed = await readFile(path.join(web, LEARN_API_TYPES_FILE), 'utf8');
    expect(committed).toBe(await renderLearnApiTypes());
  }, 60_000);
});
