import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The command-line tests run the compiled dist/: compile it (if stale) once, before any file runs.
    globalSetup: ['test/support/build.ts'],
    // Browser and PostgreSQL tests take longer than unit tests on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
