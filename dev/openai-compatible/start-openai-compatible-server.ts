import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AnswerStructured, createChatCompletionsHandler } from './chat-completions.js';
import { createEmbeddingsHandler, type EmbedTexts } from './embeddings.js';
import { type HandlerResult, openAiError } from './openai-error.js';

/** Makes one coming request fail: with a status, or by answering only after a delay. */
export type Fault =
  | { status: number; retryAfterMs?: number; message?: string }
  | { delayMs: number };

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** The status answered; 0 when the client left before the answer. */
  status: number;
}

export interface StartOpenAiCompatibleServerOptions {
  /** Where the embeddings' meaning comes from. */
  embed: EmbedTexts;
  /** Answers structured chat completions; without it the server has no chat route. */
  answer?: AnswerStructured;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Port to listen on on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

export interface RunningOpenAiCompatibleServer {
  /** The base URL clients take, ending in /v1. */
  url: string;
  /** Every request to a route, in order, with the status it got. */
  requests: RecordedRequest[];
  /** Queues faults; each of the following route requests takes the next one. */
  injectFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

type Handler = (body: unknown) => Promise<HandlerResult>;

const maxBodyBytes = 32 * 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error(`the body is larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A local server that speaks the OpenAI API for tests: `POST /v1/embeddings` with real vectors
 * from `embed`, `POST /v1/chat/completions` with structured answers from `answer`, and faults
 * on request to prove a client's retries. Each route's handler sits in
 * a file of its own; a new route is one more entry in `routes`.
 */
export async function startOpenAiCompatibleServer(
  options: StartOpenAiCompatibleServerOptions,
): Promise<RunningOpenAiCompatibleServer> {
  const routes: Record<string, Handler> = {
    'POST /v1/embeddings': createEmbeddingsHandler({ embed: options.embed }),
    ...(options.answer && {
      'POST /v1/chat/completions': createChatCompletionsHandler({ answer: options.answer }),
    }),
  };
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const closing = new AbortController();

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = routes[`${request.method} ${path}`];
    if (!handler) return openAiError(404, `Unknown request URL: ${request.method} ${path}`);
    const record: RecordedRequest = { method: request.method ?? '', path, body: null, status: 0 };
    requests.push(record);
    response.on('finish', () => {
      record.status = response.statusCode;
    });
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`)
      return openAiError(401, 'Incorrect API key provided', { code: 'invalid_api_key' });
    try {
      record.body = await readJson(request);
    } catch (error) {
      return openAiError(400, `The body is not valid JSON: ${(error as Error).message}`);
    }
    const fault = faults.shift();
    if (fault && 'status' in fault) {
      const failure = openAiError(
        fault.status,
        fault.message ?? `Injected failure ${fault.status}`,
        {
          type: fault.status === 429 ? 'rate_limit_exceeded' : 'server_error',
        },
      );
      if (fault.retryAfterMs !== undefined)
        failure.headers = {
          'retry-after': String(Math.ceil(fault.retryAfterMs / 1000)),
          'retry-after-ms': String(fault.retryAfterMs),
        };
      return failure;
    }
    if (fault) await sleep(fault.delayMs, undefined, { signal: closing.signal });
    return handler(record.body);
  };

  const server = createServer((request, response) => {
    answer(request, response)
      .catch((error: unknown) =>
        closing.signal.aborted
          ? undefined
          : openAiError(500, `The server failed: ${String(error)}`, { type: 'server_error' }),
      )
      .then((result) => {
        // The client may have given up (a timeout) while the answer was delayed.
        if (!result || response.destroyed) return;
        response.writeHead(result.status, {
          'content-type': 'application/json',
          ...result.headers,
        });
        response.end(JSON.stringify(result.body));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    injectFaults: (...more) => {
      faults.push(...more);
    },
    close: async () => {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
