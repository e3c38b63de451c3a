import {
  Agent,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
  request as send,
} from 'node:http';
import { pipeline } from 'node:stream';

// Connections to learn-api are kept open between requests, as a browser keeps its own to web.
const agent = new Agent({ keepAlive: true });

// Headers that describe one connection, not the request: each hop sets its own.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
]);

/** The headers of one hop's message that the next hop may carry on. */
function endToEnd(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

function forwardedHeaders(request: IncomingMessage, requestId: string): OutgoingHttpHeaders {
  const headers = endToEnd(request.headers);
  headers['x-request-id'] = requestId;
  const address = request.socket.remoteAddress;
  if (address) {
    const earlier = request.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = earlier ? `${earlier}, ${address}` : address;
  }
  if (request.headers.host) headers['x-forwarded-host'] ??= request.headers.host;
  headers['x-forwarded-proto'] ??= 'http';
  return headers;
}

/**
 * Streams a request for /api/learntrac/* to learn-api and its answer back, body and all, without
 * holding either in memory: an upload reaches learn-api as it arrives, and learn-api's own limits
 * and refusals are what the caller sees. learn-api out of reach is a 502 that says so.
 */
export function passToLearnApi(options: {
  request: IncomingMessage;
  response: ServerResponse;
  learnApiUrl: string;
  requestId: string;
}): void {
  const { request, response, requestId } = options;
  const target = new URL(request.url ?? '/', options.learnApiUrl);
  const outgoing = send(
    target,
    { method: request.method, headers: forwardedHeaders(request, requestId), agent },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, {
        ...endToEnd(answer.headers),
        'x-request-id': requestId,
      });
      pipeline(answer, response, () => {});
    },
  );
  outgoing.on('error', () => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(502, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(
      JSON.stringify({
        code: 'learn_api_unavailable',
        message: 'The learning service cannot be reached right now. Try again in a moment.',
        requestId,
      }),
    );
  });
  // A caller who goes away mid-upload ends the request to learn-api too.
  pipeline(request, outgoing, () => {});
}
