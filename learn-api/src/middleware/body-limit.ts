import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.js';
import { ApiError, type ErrorBody } from '../errors/api-error.js';

/** JSON bodies are forms and small documents: anything larger is a mistake or an attack. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** Room for the multipart envelope (boundaries, part headers, the title) around an upload's file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Refuses a body over `maxBytes` with 413 and `message` before it is read: a declared
 * Content-Length is checked first, and a body without one (chunked) is counted as it arrives and
 * dropped as soon as it passes the bound. The connection is closed, so a client still sending is
 * cut off rather than drained.
 */
export function limitBody(options: {
  maxBytes: number;
  message: string;
}): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: options.maxBytes,
    onError: (c) => {
      const error = new ApiError('PAYLOAD_TOO_LARGE', options.message);
      const body: ErrorBody = {
        code: error.code,
        message: error.message,
        requestId: c.get('requestId') ?? 'unknown',
      };
      c.header('Connection', 'close');
      return c.json(body, error.status);
    },
  });
}

/**
 * Every request body is bounded before any route reads it: multipart uploads by the largest file
 * allowed (`uploadMaxBytes`, UPLOAD_MAX_BYTES) plus its envelope, any other body (JSON above all)
 * by JSON_BODY_MAX_BYTES.
 */
export function limitRequestBodies(options: { uploadMaxBytes: number }): MiddlewareHandler<AppEnv> {
  const json = limitBody({
    maxBytes: JSON_BODY_MAX_BYTES,
    message: `The request body is larger than the ${describeBytes(JSON_BODY_MAX_BYTES)} this endpoint accepts`,
  });
  const upload = limitBody({
    maxBytes: options.uploadMaxBytes + MULTIPART_OVERHEAD_BYTES,
    message: `The upload is larger than the ${describeBytes(options.uploadMaxBytes)} allowed`,
  });
  return (c, next) => {
    const type = c.req.header('content-type')?.toLowerCase() ?? '';
    return type.startsWith('multipart/form-data') ? upload(c, next) : json(c, next);
  };
}
