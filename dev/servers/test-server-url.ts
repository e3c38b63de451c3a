/**
 * Finds a test server's address in the variables that `dev/test` (or `dev/servers/start`)
 * exports. Under CI a missing variable is an error, so a misconfigured run cannot pass by
 * skipping; elsewhere the caller skips and says why.
 */
export function findTestServerUrl(options: {
  variable: string;
  server: string;
}): string | undefined {
  const value = process.env[options.variable];
  if (value) return value;
  const reason = `${options.variable} is not set, so there is no ${options.server} to test against: run ./dev/test, or ./dev/servers/start then \`source dev/servers/env\``;
  if (process.env.CI) throw new Error(reason);
  console.warn(`skipping ${options.server} tests: ${reason}`);
  return undefined;
}
