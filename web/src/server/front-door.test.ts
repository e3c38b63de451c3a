import { createServer, type IncomingHttpHeaders, type Server, request as send } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontDoor, formTargetsOf } from './front-door';
import { createWebServer } from './web-server';

const limit = 2_000;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw request, so that the address and the headers go out exactly as written. */
function ask(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = send(
      `${base}${path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const expectSecurityHeaders = (answer: Answer) => {
  expect(answer.headers['x-frame-options']).toBe('DENY');
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
};

describe('the front door', () => {
  let base = '';
  let learnApiBase = '';
  const servers: Server[] = [];
  // What learn-api received last: its path, headers and body.
  let learnApiSaw: { url?: string; headers: IncomingHttpHeaders; body: string } | undefined;

  beforeAll(async () => {
    const learnApi = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        learnApiSaw = { url: request.url, headers: request.headers, body };
        response.writeHead(request.url === '/api/learntrac/missing' ? 404 : 201, {
          'content-type': 'application/json',
          'x-content-type-options': 'nosniff',
        });
        response.end(JSON.stringify({ received: body.length }));
      });
    });
    learnApiBase = await listen(learnApi);
    // In Next's place: answers with the request's policy and id, as Next would read them.
    const web = createWebServer({
      frontDoor: createFrontDoor({
        learnApiUrl: learnApiBase,
        formBodyLimit: limit,
        formTargets: formTargetsOf({ COGNITO_ISSUER: 'http://issuer.test:8502/realm' }),
        development: false,
      }),
      handle: (request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            policy: request.headers['content-security-policy'],
            requestId: request.headers['x-request-id'],
          }),
        );
      },
    });
    base = await listen(web.server);
    servers.push(learnApi, web.server);
  });
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  describe('refuses before routing', () => {
    it.each(['/wiki/%ZZ', '/ticket/%FF', '/report/%', '/api/auth/%ZZ', '/search?q=%FF'])(
      'answers %s with a JSON 400 that says what is wrong',
      async (path) => {
        const answer = await ask(base, path);
        expect(answer.status).toBe(400);
        const body = JSON.parse(answer.body) as {
          code: string;
          message: string;
          requestId: string;
        };
        expect(body.code).toBe('bad_request');
        expect(body.message).toContain('not valid percent-encoding');
        expect(body.requestId).toBe(answer.headers['x-request-id']);
        expectSecurityHeaders(answer);
      },
    );

    it.each(['/query?status=%00', '/timeline?from=%00', '/wiki/%00'])(
      'answers %s with 400 naming the NUL character',
      async (path) => {
        const answer = await ask(base, path);
        expect(answer.status).toBe(400);
        expect(answer.body).toContain('U+0000');
      },
    );

    it('answers a form post over the body limit with 413, before its body is read', async () => {
      const answer = await ask(base, '/ticket/1', {
        method: 'POST',
        headers: { 'content-length': String(limit + 1), 'next-action': 'abc' },
        body: 'x'.repeat(limit + 1),
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).message).toBe(
        `The request body has ${limit + 1} bytes; a form may send at most ${limit} bytes.`,
      );
      expectSecurityHeaders(answer);
    });

    it('asks a streamed form post for its length', async () => {
      const answer = await ask(base, '/ticket/1', {
        method: 'POST',
        headers: { 'transfer-encoding': 'chunked' },
        body: 'title=x',
      });
      expect(answer.status).toBe(411);
    });

    it('lets a form post within the limit and an upload of any size through', async () => {
      const form = await ask(base, '/ticket/1', {
        method: 'POST',
        headers: { 'content-length': String(limit) },
        body: 'x'.repeat(limit),
      });
      expect(form.status).toBe(200);
      // The upload route checks its own size against the upload limit.
      const upload = await ask(base, '/api/learning/documents', {
        method: 'POST',
        headers: { 'content-length': String(limit * 10) },
        body: 'x'.repeat(limit * 10),
      });
      expect(upload.status).toBe(200);
    });
  });

  describe('headers of pages', () => {
    it('gives each page a fresh script nonce, told to Next.js through the request', async () => {
      const first = await ask(base, '/wiki/Start');
      const second = await ask(base, '/wiki/Start');
      const policy = String(first.headers['content-security-policy'] ?? '');
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(second.headers['content-security-policy']).not.toContain(nonce);
      expect(JSON.parse(first.body).policy).toBe(policy);
      expectSecurityHeaders(first);
    });

    it('allows scripts only by nonce, and nothing to frame, embed or rebase the page', async () => {
      const policy = String((await ask(base, '/')).headers['content-security-policy'] ?? '');
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
      expect(directives['form-action']).toEqual(["'self'", 'http://issuer.test:8502']);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
    });

    it('gives attached files their own policy, which runs nothing', async () => {
      const answer = await ask(base, '/raw-attachment/wiki/Start/page.html');
      expect(answer.headers['content-security-policy']).toBe(
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      );
    });

    it('keeps a plain request id the load balancer sent and makes one otherwise', async () => {
      const kept = await ask(base, '/wiki/Start', { headers: { 'x-request-id': 'lb-42' } });
      expect(kept.headers['x-request-id']).toBe('lb-42');
      expect(JSON.parse(kept.body).requestId).toBe('lb-42');
      const made = await ask(base, '/wiki/Start');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const replaced = await ask(base, '/wiki/Start', { headers: { 'x-request-id': 'a b<c>' } });
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('learn-api', () => {
    it('streams a request and its body to learn-api and learn-api answer back as it is', async () => {
      const body = 'x'.repeat(50_000);
      const answer = await ask(base, '/api/learntrac/documents?draft=1', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: 'Bearer t', 'x-request-id': 'r7' },
        body,
      });
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.body)).toEqual({ received: body.length });
      expect(answer.headers['x-request-id']).toBe('r7');
      expect(learnApiSaw?.url).toBe('/api/learntrac/documents?draft=1');
      expect(learnApiSaw?.headers.authorization).toBe('Bearer t');
      expect(learnApiSaw?.headers['x-request-id']).toBe('r7');
      expect(learnApiSaw?.headers['x-forwarded-for']).toBe('127.0.0.1');
    });

    it("passes learn-api's refusals on unchanged", async () => {
      expect((await ask(base, '/api/learntrac/missing')).status).toBe(404);
    });

    it('answers 502 with a JSON message when learn-api cannot be reached', async () => {
      const closed = createServer();
      const gone = await listen(closed);
      await new Promise((resolve) => closed.close(resolve));
      const web = createWebServer({
        frontDoor: createFrontDoor({
          learnApiUrl: gone,
          formBodyLimit: limit,
          formTargets: [],
          development: false,
        }),
        handle: (_request, response) => response.end(),
      });
      const webBase = await listen(web.server);
      try {
        const answer = await ask(webBase, '/api/learntrac/paths');
        expect(answer.status).toBe(502);
        expect(JSON.parse(answer.body)).toMatchObject({
          code: 'learn_api_unavailable',
          message: 'The learning service cannot be reached right now. Try again in a moment.',
        });
      } finally {
        web.server.closeAllConnections();
        await new Promise((resolve) => web.server.close(resolve));
      }
    });
  });
});
