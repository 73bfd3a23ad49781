/**
 * Vitest's global setup, once per run before any test file: compiles src/ to dist/ (`tsc -b`, a no-op
 * when dist/ is current) so that the command-line tests run the JavaScript `npm start` runs; and builds
 * the database templates every test database is copied from (test/support/database-templates.ts).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildTemplates, dropTemplates, postgresReachable, TEST_POSTGRES_URL } from './database-templates.js';

/**
 * A tree that does not compile fails the run under CI=true. Elsewhere it only warns: a developer
 * running one test file while other files are half-written gets that file's result, and the
 * command-line tests run the dist/ of the last good build.
 */
function compile(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const project = fileURLToPath(new URL('../../tsconfig.build.json', import.meta.url));
  try {
    execFileSync(process.execPath, [tsc, '-b', project], { stdio: 'inherit' });
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    console.warn('src/ kompilerar inte (se ovan): kommandoradstesterna kör den senast byggda dist/.');
  }
}

async function withPostgres(): Promise<boolean> {
  if (process.env.TEST_DATABASES) return process.env.TEST_DATABASES.split(',').includes('postgres');
  if (await postgresReachable()) return true;
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL svarar inte på ${TEST_POSTGRES_URL}; under CI=true får inga tester hoppas över.`);
  }
  console.warn(`PostgreSQL svarar inte på ${TEST_POSTGRES_URL}: testerna körs bara mot SQLite.`);
  return false;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  compile();
  const templates = await buildTemplates(await withPostgres());
  project.provide('databaseTemplates', templates);
  return () => dropTemplates(templates);
}
