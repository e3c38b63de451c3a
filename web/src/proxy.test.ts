import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { serverActionBodyLimit } from './core/security/server-action-body-limit';
import { config, proxy } from './proxy';

const limit = serverActionBodyLimit(process.env);
const request = (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) =>
  proxy(new NextRequest(`http://localhost:8000${path}`, init));

async function refusal(response: Response) {
  return (await response.json()) as { code: string; message: string; requestId: string };
}

const expectSecurityHeaders = (response: Response) => {
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
};

describe('requests refused before routing', () => {
  it.each(['/wiki/%ZZ', '/ticket/%FF', '/report/%', '/api/auth/%ZZ', '/search?q=%FF'])(
    'answers %s with a JSON 400 that says what is wrong',
    async (path) => {
      const response = request(path);
      expect(response.status).toBe(400);
      const body = await refusal(response);
      expect(body.code).toBe('bad_request');
      expect(body.message).toContain('not valid percent-encoding');
      expect(body.requestId).toBe(response.headers.get('x-request-id'));
      expectSecurityHeaders(response);
    },
  );

  it.each(['/query?status=%00', '/timeline?from=%00', '/wiki/%00'])(
    'answers %s with 400 naming the NUL character',
    async (path) => {
      const response = request(path);
      expect(response.status).toBe(400);
      expect((await refusal(response)).message).toContain('U+0000');
    },
  );

  it('answers a form post over the body limit with 413', async () => {
    const response = request('/ticket/1', {
      method: 'POST',
      headers: { 'content-length': String(limit + 1), 'next-action': 'abc' },
    });
    expect(response.status).toBe(413);
    expect((await refusal(response)).message).toBe(
      `The request body has ${limit + 1} bytes; a form may send at most ${limit} bytes.`,
    );
    expectSecurityHeaders(response);
  });

  it('asks a streamed form post for its length', async () => {
    const response = request('/ticket/1', {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(response.status).toBe(411);
  });

  it('lets a form post within the limit through', () => {
    const response = request('/ticket/1', {
      method: 'POST',
      headers: { 'content-length': String(limit) },
    });
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });
});

describe('headers of pages', () => {
  it('gives each page a fresh script nonce, told to Next.js through the request', () => {
    const first = request('/wiki/Start');
    const second = request('/wiki/Start');
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    // Next.js reads the nonce from the request's policy to mark its own scripts.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expectSecurityHeaders(first);
  });

  it('allows scripts only by nonce, and nothing to frame, embed or rebase the page', () => {
    const policy = request('/').headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      policy.split('; ').map((directive) => {
        const [name, ...values] = directive.split(' ');
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual([
      "'self'",
      expect.stringMatching(/^'nonce-/),
      "'strict-dynamic'",
    ]);
    expect(policy).not.toContain('unsafe-eval');
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(directives['form-action']?.[0]).toBe("'self'");
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('gives attached files their own policy, which runs nothing', () => {
    const response = request('/raw-attachment/wiki/Start/page.html');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
  });
});

describe('where the proxy runs', () => {
  // The matcher is a single pattern; Next anchors it to the whole path.
  const runsFor = (path: string) => new RegExp(`^${config.matcher[0]}$`).test(path);

  it('leaves the upload route to itself, so Next does not hold the uploaded file in memory', () => {
    expect(runsFor('/api/learning/documents')).toBe(false);
  });

  it('runs for pages, learn-api and every other route', () => {
    for (const path of ['/', '/learning', '/api/learntrac/documents', '/api/auth/session']) {
      expect(runsFor(path), path).toBe(true);
    }
  });
});
