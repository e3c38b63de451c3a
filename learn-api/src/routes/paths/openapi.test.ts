import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test-support/build-app.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';

describe('the OpenAPI document for paths and progress', () => {
  let jwks: JwksServer;
  beforeAll(async () => {
    jwks = await startJwksServer();
  });
  afterAll(() => jwks?.close());

  it('describes every route with its parameters, body and refusals', async () => {
    const { app } = buildTestApp({ jwks });
    const doc = (await (await app.request('/api/learntrac/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const statuses = (path: string, method: string) =>
      Object.keys(doc.paths[`/api/learntrac${path}`]?.[method]?.responses ?? {}).sort();
    expect(statuses('/paths', 'post')).toEqual(['201', '400', '401', '403', '404', '422']);
    expect(statuses('/paths/{id}', 'get')).toEqual(['200', '400', '401', '403', '404']);
    expect(statuses('/paths/{id}', 'patch')).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(statuses('/paths/{id}/concepts/{ticketId}', 'patch')).toContain('409');
    const edge = '/paths/{id}/concepts/{ticketId}/prerequisites/{prerequisiteId}';
    expect(statuses(edge, 'put')).toContain('409');
    expect(statuses(edge, 'delete')).toContain('404');
    expect(statuses('/paths/{id}/next', 'get')).toContain('200');
    expect(statuses('/paths/{id}/progress', 'get')).toContain('403');
    expect(statuses('/progress', 'get')).toContain('200');
    for (const schema of [
      'CreatePathInput',
      'PathDetail',
      'Concept',
      'NextSteps',
      'PathProgress',
      'OwnProgress',
    ]) {
      expect(doc.components.schemas).toHaveProperty(schema);
    }
  });
});
