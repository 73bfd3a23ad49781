/**
 * `samverkan serve` as production starts it: the compiled JavaScript in dist/ (no TypeScript at run
 * time), on a fresh SQLite file with the demo, on a port the system picks, stopped with SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_MAIN } from '../support/cli.js';

describe('samverkan serve (compiled)', { timeout: 120_000 }, () => {
  let dir: string;
  let server: ChildProcessWithoutNullStreams;
  let stdout = '';
  let url: string;

  /** Resolves with the first stdout line that `match` accepts (the lines come as the server writes them). */
  const lineMatching = (match: (line: string) => boolean): Promise<string> =>
    new Promise((resolve, reject) => {
      const look = () => {
        const line = stdout.split('\n').find(match);
        if (line === undefined) return false;
        server.stdout.off('data', look);
        resolve(line);
        return true;
      };
      if (look()) return;
      server.stdout.on('data', look);
      server.once('exit', (code) => reject(new Error(`Servern avslutades (${code}):\n${stdout}`)));
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-serve-'));
    server = spawn(process.execPath, [CLI_MAIN, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: join(dir, 'samverkan.sqlite'),
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        SMTP_URL: '',
        OIDC_ISSUER: '',
      },
    });
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const started = JSON.parse(await lineMatching((l) => l.includes('"event":"server.started"'))) as { url: string };
    url = started.url;
  });
  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on the port it got, healthy, with the demo loaded', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d{2,5}\/$/);
    expect(url).not.toContain(':0/');
    const health = await fetch(`${url}healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${url}readyz`)).json()).toEqual({ status: 'ready', database: 'sqlite' });
    expect(await (await fetch(url)).text()).toContain('Södertörnssamarbetet');
    expect((await fetch(`${url}favicon.ico`)).headers.get('content-type')).toBe('image/x-icon');
  });

  it('prints the first administrator’s one-time link with the real port, and the link signs in', async () => {
    const line = await lineMatching((l) => l.includes('/logga-in/lank/'));
    const link = line.trim();
    expect(link.startsWith(`${url}logga-in/lank/`)).toBe(true);
    const response = await fetch(link, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/^samverkan=/);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(stdout).toContain('"event":"server.stopping"');
  });
});
