import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LearnApiStack, startLearnApiStack } from '@/test/learn-api-stack';
import {
  createLearnApiClient,
  LEARN_API_UNAVAILABLE_MESSAGE,
  learnApiResult,
} from './learn-api-client';

const haveDatabase = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!haveDatabase)(
  'the learn-api client against the real learn-api',
  { timeout: 30_000 },
  () => {
    let stack: LearnApiStack;
    let learnerToken: string;
    beforeAll(async () => {
      stack = await startLearnApiStack();
      learnerToken = (await stack.tokensFor('learner')).access_token;
    }, 60_000);
    afterAll(() => stack?.close(), 30_000);

    it("calls learn-api as the signed-in learner and reads the learner's own identity", async () => {
      const api = createLearnApiClient({ baseUrl: stack.learnApiUrl, accessToken: learnerToken });
      const result = await learnApiResult(api.GET('/api/learntrac/me'));
      expect(result).toMatchObject({ ok: true, status: 200 });
      if (!result.ok) return;
      expect(result.data.username).toBe('learner');
      expect(result.data.groups).toEqual(['learners']);
      expect(result.data.permissions).toContain('LEARNING_VIEW');
    });

    it('gives back what learn-api found wrong with each field, for the form to show', async () => {
      const api = createLearnApiClient({ baseUrl: stack.learnApiUrl, accessToken: learnerToken });
      const result = await learnApiResult(
        api.POST('/api/learntrac/paths', {
          body: { kind: 'personal', title: '', query: 'recursion' },
        }),
      );
      expect(result).toMatchObject({ ok: false, kind: 'refused', status: 400 });
      if (result.ok || result.kind !== 'refused') return;
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.fieldErrors.title).toMatch(/./);
    });

    it("refuses without the user's token, with learn-api's own reason", async () => {
      const api = createLearnApiClient({ baseUrl: stack.learnApiUrl });
      const result = await learnApiResult(api.GET('/api/learntrac/me'));
      expect(result).toMatchObject({
        ok: false,
        kind: 'refused',
        status: 401,
        error: { code: 'UNAUTHORIZED' },
      });
    });

    it("passes a learner's refusal (403) through rather than treating it as an outage", async () => {
      const api = createLearnApiClient({ baseUrl: stack.learnApiUrl, accessToken: learnerToken });
      const result = await learnApiResult(
        api.GET('/api/learntrac/paths/{id}/progress', {
          params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
        }),
      );
      expect(result).toMatchObject({ ok: false, kind: 'refused', status: 403 });
    });
  },
);

describe('the learn-api client when learn-api is not there', () => {
  it('reports learn-api as unavailable when nothing listens at its address', async () => {
    const api = createLearnApiClient({ baseUrl: 'http://127.0.0.1:1', accessToken: 'token' });
    await expect(learnApiResult(api.GET('/api/learntrac/me'))).resolves.toEqual({
      ok: false,
      kind: 'unavailable',
      status: 503,
      message: LEARN_API_UNAVAILABLE_MESSAGE,
    });
  });

  it('reports learn-api as unavailable when a gateway answers for it with an HTML 502', async () => {
    const gateway = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = gateway.address() as AddressInfo;
      const api = createLearnApiClient({ baseUrl: `http://127.0.0.1:${port}` });
      const result = await learnApiResult(api.GET('/api/learntrac/me'));
      expect(result).toMatchObject({ ok: false, kind: 'unavailable', status: 503 });
    } finally {
      gateway.close();
    }
  });

  it('gives up on a learn-api that accepts the call but never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const api = createLearnApiClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      const started = Date.now();
      const result = await learnApiResult(api.GET('/api/learntrac/me'));
      expect(result).toMatchObject({ ok: false, kind: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
