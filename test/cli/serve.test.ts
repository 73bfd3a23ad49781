/**
 * `samverkan serve` as production starts it: the compiled JavaScript in dist/ (no TypeScript at run
 * time), on a fresh SQLite file with the demo, on a port the system picks, stopped with SIGTERM.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCompiled, type ServedCli } from '../support/cli.js';

describe('samverkan serve (compiled)', { timeout: 120_000 }, () => {
  let served: ServedCli;
  let server: ServedCli['process'];
  let url: string;

  beforeAll(async () => {
    served = await serveCompiled({});
    server = served.process;
    url = served.url;
  });
  afterAll(() => served?.close());

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
    const line = await served.lineMatching((l) => l.includes('/logga-in/lank/'));
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
    expect(served.output()).toContain('"event":"server.stopping"');
  });
});
