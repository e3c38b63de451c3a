import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each file creates its own database; the CLI-driven drift check takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
