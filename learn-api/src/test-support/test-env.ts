/**
 * The URL of a test server from the launcher's environment. In CI a missing one is an error;
 * elsewhere the suite that needs it is skipped with the reason printed.
 */
export function testServerUrl(
  name: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL' | 'TEST_AWS_ENDPOINT' | 'TEST_NEO4J_URI',
): string | undefined {
  const value = process.env[name];
  if (value) return value;
  if (process.env.CI === 'true')
    throw new Error(`${name} must be set in CI (the test launcher sets it)`);
  console.warn(`Skipping tests that need ${name}: it is not set`);
  return undefined;
}
