/**
 * Runs once when the server starts, before it serves a request: a missing or malformed
 * setting stops the server here with a message naming it. (`next build` does not run this, so
 * building needs no run-time settings.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadConfig, ConfigError } = await import('./config');
  const { logger } = await import('./core/log');
  try {
    const config = await loadConfig();
    logger.info(
      { issuer: config.COGNITO_ISSUER, learnApi: config.LEARN_API_URL },
      'configuration loaded',
    );
  } catch (error) {
    const problems = error instanceof ConfigError ? error.problems : [String(error)];
    logger.fatal({ problems }, error instanceof Error ? error.message : 'invalid configuration');
    // Plain stderr too, for people reading a terminal rather than JSON.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** Server errors as JSON log lines, with the request id the proxy gave the request. */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  const { logger } = await import('./core/log');
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
