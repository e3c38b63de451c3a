import { expect, test } from '@playwright/test';

import { stackPorts } from '../../fixtures/stack';

const learnApi = process.env.E2E_LEARN_API_URL ?? `http://localhost:${stackPorts.learnApi}`;

test('both services report healthy and ready', async ({ request, baseURL }) => {
  for (const base of [baseURL, learnApi]) {
    const health = await request.get(`${base}/healthz`);
    expect(health.status(), `${base}/healthz`).toBe(200);
    const ready = await request.get(`${base}/readyz`);
    expect(ready.status(), `${base}/readyz`).toBe(200);
  }
});

test('learn-api answers an unauthenticated call with a JSON 401 through the web origin', async ({
  request,
}) => {
  const response = await request.get('/api/learntrac/me');
  expect(response.status()).toBe(401);
  const body = await response.json();
  expect(body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
});
