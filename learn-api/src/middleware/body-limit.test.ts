import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test-support/build-app.js';
import { type JwksServer, startJwksServer } from '../test-support/jwks-server.js';
import { JSON_BODY_MAX_BYTES, MULTIPART_OVERHEAD_BYTES } from './body-limit.js';

// Through a real HTTP server and raw sockets: what matters is that the server answers before
// the body has arrived, and stops taking it, which app.request() cannot show.

const uploadMaxBytes = 3 * 1024 * 1024;

interface Exchange {
  status: number;
  body: string;
  sentBytes: number;
  elapsedMs: number;
}

/**
 * Sends `head`, then body bytes in 64 KB pieces (framed as chunks when `chunked`) until the server
 * answers and closes, or `maxBytes` are sent. Returns what came back and how much was sent.
 */
function sendSlowly(options: {
  port: number;
  head: string;
  chunked: boolean;
  maxBytes: number;
}): Promise<Exchange> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(options.port, '127.0.0.1');
    let sentBytes = 0;
    let response = '';
    let closed = false;
    const piece = Buffer.alloc(64 * 1024, 'a');
    const finish = () => {
      if (closed) return;
      closed = true;
      const match = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(response);
      if (!match) return reject(new Error(`no HTTP response; got ${JSON.stringify(response)}`));
      // The body may be sent chunked; the JSON object is inside either way.
      const json = /\{[\s\S]*\}/.exec(match[2] ?? '')?.[0] ?? '';
      resolve({
        status: Number(match[1]),
        body: json,
        sentBytes,
        elapsedMs: Date.now() - started,
      });
    };
    socket.on('data', (data) => {
      response += data.toString('latin1');
    });
    socket.on('close', finish);
    socket.on('error', () => socket.destroy());
    const pump = () => {
      while (!closed && !socket.destroyed && sentBytes < options.maxBytes) {
        const frame = options.chunked
          ? Buffer.concat([
              Buffer.from(`${piece.length.toString(16)}\r\n`),
              piece,
              Buffer.from('\r\n'),
            ])
          : piece;
        sentBytes += piece.length;
        if (!socket.write(frame)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.once('connect', () => {
      socket.write(options.head);
      pump();
    });
  });
}

describe('request body limits', () => {
  let jwks: JwksServer;
  let server: ReturnType<typeof serve>;
  let port: number;
  let token: string;

  beforeAll(async () => {
    jwks = await startJwksServer();
    // The real app, with a small upload bound so the test need not send 50 MB.
    const { app } = buildTestApp({ jwks, uploadMaxBytes });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
    token = await jwks.signToken({ claims: { 'cognito:groups': ['instructors'] } });
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await jwks?.close();
  });

  const post = (headers: string[]) =>
    [
      'POST /api/learntrac/paths HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Authorization: Bearer ${token}`,
      ...headers,
      '',
      '',
    ].join('\r\n');

  it('refuses a JSON body declared as 250 MB with 413 at once, having read almost none of it', async () => {
    const declared = 250 * 1024 * 1024;
    const result = await sendSlowly({
      port,
      head: post(['Content-Type: application/json', `Content-Length: ${declared}`]),
      chunked: false,
      maxBytes: declared,
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the 1 MB this endpoint accepts',
      requestId: expect.any(String),
    });
    expect(result.sentBytes).toBeLessThan(32 * 1024 * 1024);
    expect(result.elapsedMs).toBeLessThan(5_000);
  });

  it('cuts off a chunked JSON body with no length once it passes 1 MB', async () => {
    const result = await sendSlowly({
      port,
      head: post(['Content-Type: application/json', 'Transfer-Encoding: chunked']),
      chunked: true,
      maxBytes: 250 * 1024 * 1024,
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(result.sentBytes).toBeGreaterThan(JSON_BODY_MAX_BYTES);
    expect(result.sentBytes).toBeLessThan(32 * 1024 * 1024);
    expect(result.elapsedMs).toBeLessThan(5_000);
  });

  it('lets a multipart body through up to UPLOAD_MAX_BYTES and its envelope, and refuses one over it', async () => {
    const boundary = 'learntrac-boundary';
    const upload = (size: number) =>
      sendSlowly({
        port,
        head: post([
          `Content-Type: multipart/form-data; boundary=${boundary}`,
          `Content-Length: ${size}`,
        ]),
        chunked: false,
        maxBytes: size,
      });
    // Over the JSON bound but under the upload bound: the size is not what the server objects to.
    const allowed = await upload(2 * 1024 * 1024);
    expect(allowed.status).not.toBe(413);
    const refused = await upload(uploadMaxBytes + MULTIPART_OVERHEAD_BYTES + 1);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).message).toBe('The upload is larger than the 3 MB allowed');
  });

  it('still accepts an ordinary JSON body', async () => {
    const result = await sendSlowly({
      port,
      head: `${post(['Content-Type: application/json', 'Content-Length: 2', 'Connection: close'])}{}`,
      chunked: false,
      maxBytes: 0,
    });
    expect(result.status).not.toBe(413);
  });
});
