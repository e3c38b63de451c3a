import { defineConfig } from '@playwright/test';
import { stackPorts } from './fixtures/stack';

const ci = Boolean(process.env.CI);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${stackPorts.web}`;

export default defineConfig({
  testDir: './tests',
  forbidOnly: ci,
  // One retry at most: a test that needs more is a bug to fix, not to hide.
  retries: ci ? 1 : 0,
  workers: 2,
  // Journeys of a dozen page loads take longer than 30 s on a busy two-core machine.
  timeout: 60_000,
  reporter: ci ? [['list']] : [['list'], ['html', { open: 'never' }]],
  projects: [
    // Signs in once per role through the issuer's page and stores each session for the rest.
    { name: 'setup', testMatch: /\.setup\.ts$/ },
    // The fuzzer posts every form with bad input and may change or delete anything, so it runs
    // as the browser tests' teardown: after all of them, whether they passed or not.
    // `--no-deps` leaves out both it and the sign-in (reusing the last sessions kept).
    {
      name: 'browser',
      testIgnore: [/security\/fuzz\.spec\.ts/, /\.setup\.ts$/],
      dependencies: ['setup'],
      teardown: 'fuzz',
    },
    { name: 'fuzz', testMatch: /security\/fuzz\.spec\.ts/ },
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // The machine's Chromium; Playwright's own browser download is not available offline.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Unless E2E_BASE_URL points at a stack that is already up, start the real one on a
  // fresh database and stop it afterwards.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: 'node --import tsx scripts/start-stack.ts',
        env: {
          WEB_PORT: String(stackPorts.web),
          LEARN_API_PORT: String(stackPorts.learnApi),
          ISSUER_PORT: String(stackPorts.issuer),
        },
        url: `${baseURL}/readyz`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
      },
});
