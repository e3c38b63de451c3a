import 'server-only';
import type { Instrumentation } from 'next';
import { ConfigError, loadConfig } from './config';
import { logger } from './core/log';

/**
 * Validates the configuration at start-up: a missing or malformed setting stops the server
 * here with a message naming it. (`next build` does not run this, so building needs no
 * run-time settings.)
 */
export async function startServer() {
  try {
    const config = await loadConfig();
    logger.info(
      { issuer: config.COGNITO_ISSUER, learnApi: config.LEARN_API_URL },
      'configuration loaded',
    );
  } catch (error) {
    const problems = error instanceof ConfigError ? error.problems : [String(error)];
    logger.fatal({ problems }, 'invalid configuration, stopping');
    // Plain stderr too, for people reading a terminal rather than JSON.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

type RequestErrorArgs = Parameters<Instrumentation.onRequestError>;

/** Server errors as JSON log lines, with the request id the front door gave the request. */
export function logRequestError(options: {
  error: RequestErrorArgs[0];
  request: RequestErrorArgs[1];
  context: RequestErrorArgs[2];
}) {
  const { error, request, context } = options;
  logger.error(
    {
      err: error,
      method: request.method,
      path: request.path,
      route: context.routePath,
      requestId: request.headers['x-request-id'],
    },
    'request failed',
  );
}
