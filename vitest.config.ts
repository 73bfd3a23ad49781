import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Once per run: compile dist/ for the command-line tests, and build the database templates.
    globalSetup: ['test/support/global-setup.ts'],
    // Test files spend much of their time waiting for PostgreSQL, Chromium and child processes, so one
    // more worker than cores keeps the cores busy (vitest's default is one fewer: a single worker on 2).
    maxWorkers: Math.min(8, availableParallelism() + 1),
    // Browser and PostgreSQL tests take longer than unit tests on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
