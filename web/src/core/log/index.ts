import 'server-only';
import { randomUUID } from 'node:crypto';
import pino from 'pino';

// JSON lines on stdout, as CloudWatch collects them. LOG_LEVEL is validated with the rest of
// the configuration; reading it here keeps the logger usable before configuration loads.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'web' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export const REQUEST_ID_HEADER = 'x-request-id';

/** A logger tagged with the request's id (set by the front door, or by the load balancer). */
export function requestLogger(headers: Headers) {
  return logger.child({ requestId: headers.get(REQUEST_ID_HEADER) ?? randomUUID() });
}
