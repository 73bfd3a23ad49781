/**
 * Vitest's global setup: compiles src/ to dist/ (`tsc -b`, a no-op when dist/ is current) before any
 * test file runs, so the command-line tests run the JavaScript that `npm start` and `samverkan` run.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function build(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const project = fileURLToPath(new URL('../../tsconfig.build.json', import.meta.url));
  execFileSync(process.execPath, [tsc, '-b', project], { stdio: 'inherit' });
}
