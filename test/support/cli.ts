import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command line as it is installed: compiled JavaScript (test/support/global-setup.ts builds it before the run). */
export const CLI_MAIN = fileURLToPath(new URL('../../dist/cli/samverkan.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line (`samverkan …`) as a child process against `databaseUrl`. */
export function cli(databaseUrl: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_MAIN, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
