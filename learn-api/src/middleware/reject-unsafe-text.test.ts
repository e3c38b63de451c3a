import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test-support/build-app.js';
import { type JwksServer, startJwksServer } from '../test-support/jwks-server.js';

let jwks: JwksServer;
let app: ReturnType<typeof buildTestApp>['app'];

beforeAll(async () => {
  jwks = await startJwksServer();
  ({ app } = buildTestApp({ jwks }));
});
afterAll(async () => {
  await jwks.close();
});

// JSON text written by hand: JSON.stringify would escape nothing away, but this shows the wire.
const post = (json: string, type = 'application/json') =>
  app.request('/api/learntrac/paths', {
    method: 'POST',
    headers: { 'content-type': type },
    body: json,
  });

describe('text in JSON bodies', () => {
  it.each([
    ['a NUL character', '{"title":"Graphs\\u0000"}', 'title', 'U+0000'],
    ['a lone high surrogate', '{"title":"\\ud800"}', 'title', 'unpaired surrogate'],
    ['a lone low surrogate', '{"description":"x\\udc00y"}', 'description', 'unpaired surrogate'],
    ['a NUL deep inside', '{"metadata":{"tags":["ok","\\u0000"]}}', 'metadata.tags.1', 'U+0000'],
    ['a NUL in a property name', '{"ti\\u0000tle":"Graphs"}', 'ti\u0000tle', 'U+0000'],
  ])('refuses %s with 400 naming the field', async (_case, json, path, problem) => {
    const res = await post(json);
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      code: string;
      message: string;
      issues: { path: string; message: string }[];
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain(problem);
    expect(body.issues).toEqual([{ path, message: expect.stringContaining(problem) }]);
  });

  it('lets well-formed text through, surrogate pairs included, to the route', async () => {
    // The route then asks for a token: the body itself was accepted.
    const res = await post('{"title":"Graphs \\ud83d\\udcc8 and trees"}');
    expect(res.status).toBe(401);
  });

  it('leaves bodies that are not JSON to the route', async () => {
    const res = await post('title=Graphs%00', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(401);
  });
});
