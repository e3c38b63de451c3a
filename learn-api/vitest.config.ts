import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Database files migrate a fresh database; the server test starts real processes.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
