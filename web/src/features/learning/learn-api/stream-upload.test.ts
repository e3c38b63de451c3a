import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LearnApiStack, startLearnApiStack } from '@/test/learn-api-stack';
import { MULTIPART_OVERHEAD_BYTES, streamUpload } from './stream-upload';

const haveDatabase = Boolean(process.env.TEST_DATABASE_URL);
const maxBytes = 64 * 1024;

/** A browser's upload form as its bytes, sent as a stream that counts how much was read. */
async function uploadRequest(
  fields: { file: File; title?: string },
  declaredLength?: number,
  origin = 'http://localhost:8000',
) {
  const form = new FormData();
  form.set('file', fields.file);
  if (fields.title) form.set('title', fields.title);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const chunkSize = 16 * 1024;
  let offset = 0;
  const read = { chunks: 0 };
  // No read-ahead: a chunk is made only when the reader asks for it.
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        read.chunks += 1;
        controller.enqueue(bytes.subarray(offset, offset + chunkSize));
        offset += chunkSize;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request('http://localhost:8000/api/learning/documents', {
    method: 'POST',
    headers: {
      'content-type': encoded.headers.get('content-type')!,
      'content-length': String(declaredLength ?? bytes.length),
      origin,
    },
    body,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  return { request, read };
}

const notes = (size: number) =>
  new File(
    [`# Notes ${randomUUID()}\n\n${'Recursion calls itself. '.repeat(size / 24)}`],
    'notes.md',
    {
      type: 'text/markdown',
    },
  );

describe.skipIf(!haveDatabase)(
  'uploading material through web to learn-api',
  { timeout: 30_000 },
  () => {
    let stack: LearnApiStack;
    let instructorToken: string;
    let learnerToken: string;
    beforeAll(async () => {
      stack = await startLearnApiStack({ uploadMaxBytes: maxBytes });
      instructorToken = (await stack.tokensFor('instructor')).access_token;
      learnerToken = (await stack.tokensFor('learner')).access_token;
    }, 60_000);
    afterAll(() => stack?.close(), 30_000);

    const send = (request: Request, accessToken: string | null, learnApiUrl = stack.learnApiUrl) =>
      streamUpload({
        request,
        learnApiUrl,
        accessToken,
        maxBytes,
        requestId: randomUUID(),
        siteOrigin: 'http://localhost:8000',
      });

    it("passes an instructor's file to learn-api, which queues it and recognises it when sent again", async () => {
      const file = notes(8 * 1024);
      const first = await send(
        (await uploadRequest({ file, title: 'Recursion notes' })).request,
        instructorToken,
      );
      expect(first.status).toBe(202);
      const queued = await first.json();
      expect(queued).toMatchObject({
        title: 'Recursion notes',
        status: 'queued',
        source: 'notes.md',
      });

      const again = await send((await uploadRequest({ file })).request, instructorToken);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ id: queued.id });
    });

    it('accepts a file of exactly the shared limit', async () => {
      const file = new File([new Uint8Array(maxBytes).fill(0x61)], 'limit.txt', {
        type: 'text/plain',
      });
      const response = await send((await uploadRequest({ file })).request, instructorToken);
      expect(response.status).toBe(202);
    });

    it('refuses a body over the limit with 413 and a JSON reason before reading any of it', async () => {
      const { request, read } = await uploadRequest(
        { file: notes(1024) },
        maxBytes + MULTIPART_OVERHEAD_BYTES + 1,
      );
      const response = await send(request, instructorToken);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The upload is larger than the 64 KB allowed',
        issues: [{ path: 'file' }],
      });
      expect(read.chunks).toBe(0);
    });

    it("gives learn-api's own 413, with the same reason, for a file just over the limit", async () => {
      const file = new File([new Uint8Array(maxBytes + 1).fill(0x61)], 'big.txt', {
        type: 'text/plain',
      });
      const response = await send((await uploadRequest({ file })).request, instructorToken);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The upload is larger than the 64 KB allowed',
      });
    });

    it("passes learn-api's refusal of a learner through", async () => {
      const response = await send(
        (await uploadRequest({ file: notes(1024) })).request,
        learnerToken,
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('asks a visitor who is not signed in to sign in, without reading the file', async () => {
      const { request, read } = await uploadRequest({ file: notes(1024) });
      const response = await send(request, null);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(read.chunks).toBe(0);
    });

    it('refuses an upload posted from another site, without reading it', async () => {
      const { request, read } = await uploadRequest(
        { file: notes(1024) },
        undefined,
        'https://evil.example',
      );
      const response = await send(request, instructorToken);
      expect(response.status).toBe(403);
      expect(read.chunks).toBe(0);
    });

    it('refuses a body that is not an upload form', async () => {
      const request = new Request('http://localhost:8000/api/learning/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"file":"x"}',
      });
      const response = await send(request, instructorToken);
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ issues: [{ path: 'file' }] });
    });

    it('answers 503 with a clear message when learn-api is down', async () => {
      const { request } = await uploadRequest({ file: notes(1024) });
      const response = await send(request, instructorToken, 'http://127.0.0.1:1');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringContaining('not answering'),
      });
    });
  },
);
