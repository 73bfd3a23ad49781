import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** `samverkan serve` run compiled, as production runs it, on a fresh SQLite file in a folder of its own. */
export interface ServedCli {
  process: ChildProcessWithoutNullStreams;
  /** Everything it has written to standard output so far. */
  output(): string;
  /** Resolves with the first output line `match` accepts (the lines come as the server writes them). */
  lineMatching(match: (line: string) => boolean): Promise<string>;
  /** The address from its `server.started` line. */
  url: string;
  /** Kills it if it still runs and removes its folder. */
  close(): void;
}

export async function serveCompiled(env: Record<string, string>): Promise<ServedCli> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-serve-'));
  const child = spawn(process.execPath, [CLI_MAIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: join(dir, 'samverkan.sqlite'),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      SMTP_URL: '',
      OIDC_ISSUER: '',
      ...env,
    },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const lineMatching = (match: (line: string) => boolean): Promise<string> =>
    new Promise((resolve, reject) => {
      const look = () => {
        const line = stdout.split('\n').find(match);
        if (line === undefined) return false;
        child.stdout.off('data', look);
        resolve(line);
        return true;
      };
      if (look()) return;
      child.stdout.on('data', look);
      child.once('exit', (code) => reject(new Error(`Servern avslutades (${code}):\n${stdout}`)));
    });
  const started = JSON.parse(await lineMatching((l) => l.includes('"event":"server.started"'))) as { url: string };
  return {
    process: child,
    output: () => stdout,
    lineMatching,
    url: started.url,
    close() {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
