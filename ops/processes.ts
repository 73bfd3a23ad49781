/** Small helpers for the commands and ports the suite uses. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; throws with its output unless it exits 0 (or `allowFailure`). */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; allowFailure?: boolean; timeoutMs?: number } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        env: options.env ?? process.env,
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        if (code !== 0 && !options.allowFailure) {
          reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr || stdout}`));
        } else resolve({ code, stdout, stderr });
      },
    );
  });
}

export const isRoot = (): boolean => process.getuid?.() === 0;

/** A command run as `user` when this process is root (runuser), else as this process's user. */
export const asUser = (user: string, command: string, args: string[]): [string, string[]] =>
  isRoot() ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];

/** Whether nothing listens on 127.0.0.1:port. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The kernel's range for the local ports of outgoing connections (Linux default 32768–60999). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // not Linux: assume the IANA range
  }
  return [49152, 65535];
}

/**
 * `preferred`, or the next free port after it, outside the kernel's ephemeral range: a server the suite
 * restarts must find its port free, and an outgoing connection (nginx to an instance, a client to
 * PostgreSQL) may otherwise take it in the meantime.
 */
export async function freePort(preferred: number, taken: readonly number[] = []): Promise<number> {
  const [low, high] = ephemeralRange();
  const start = preferred >= low && preferred <= high ? 20000 : preferred;
  for (let port = start; port < 65536; port++) {
    if (port >= low && port <= high) continue;
    if (!taken.includes(port) && (await portIsFree(port))) return port;
  }
  throw new Error(`No free port from ${start} outside the ephemeral range ${low}–${high}.`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown by a `waitFor` check to stop waiting at once (e.g. the process being waited for exited). */
export class GiveUp extends Error {}

/**
 * Polls `check` until it returns a value (not undefined) or `timeoutMs` passes; throws `what` then.
 * Other errors count as "not yet", except GiveUp.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${reason}.`);
    }
    await sleep(intervalMs);
  }
}
