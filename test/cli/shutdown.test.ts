/**
 * `samverkan serve` stopped with SIGTERM while a request is under way: the compiled server (as production
 * runs it) finishes that request, takes no new ones, closes the database and exits 0.
 */
import { once } from 'node:events';
import { request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCompiled, type ServedCli } from '../support/cli.js';

describe('samverkan serve: shutdown (compiled)', { timeout: 120_000 }, () => {
  let served: ServedCli;
  let server: ServedCli['process'];
  let url: URL;

  const logLines = () =>
    served
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  /** The first log line of `event`. */
  const logged = async (event: string) =>
    JSON.parse(await served.lineMatching((l) => l.includes(`"event":"${event}"`))) as Record<string, unknown>;

  beforeAll(async () => {
    served = await serveCompiled({ SEED_DEMO: 'false', SHUTDOWN_TIMEOUT_SECONDS: '60', METRICS_TOKEN: '' });
    server = served.process;
    url = new URL(served.url);
  });
  afterAll(() => served?.close());

  it('finishes the request under way, takes no new one, and exits 0 once it is answered', async () => {
    // Read to the end: the server counts a response as answered once its last byte is written, and the
    // client may see the status before that.
    const ready = await fetch(new URL('/readyz', url));
    await ready.text();
    expect(ready.status).toBe(200);

    // A sign-in form whose body comes in two parts. `Expect: 100-continue` makes the server say when it
    // has the request (Node answers 100 Continue as it hands the request to the app).
    const body = new URLSearchParams({ email: 'ingen@test.invalid', password: 'inte det rätta lösenordet' }).toString();
    const post = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/logga-in',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
        Origin: url.origin,
        Expect: '100-continue',
      },
    });
    const answered = new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      post.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      });
      post.on('error', reject);
    });
    const received = once(post, 'continue');
    post.flushHeaders();
    await received;
    post.write(body.slice(0, 12));

    const stopping = logged('server.stopping');
    server.kill('SIGTERM');
    expect(await stopping).toMatchObject({ signal: 'SIGTERM', inFlight: 1 });

    // Nothing new is taken: the port no longer accepts, or /readyz says the server is stopping.
    const afterwards = await fetch(new URL('/readyz', url)).then(
      (res) => res.status,
      () => 'refused' as const,
    );
    expect([503, 'refused']).toContain(afterwards);
    expect(server.exitCode).toBeNull();
    expect(logLines().some((l) => l.event === 'server.stopped')).toBe(false);

    // The rest of the body: the request is answered in full, and its connection then closed.
    post.end(body.slice(12));
    const response = await answered;
    // 401: the whole body was read and the (unknown) account's sign-in refused, as on any day.
    expect(response.status).toBe(401);
    expect(response.text).toContain('</html>');
    expect(response.headers.connection).toBe('close');

    const [code] = (await once(server, 'exit')) as [number | null];
    expect(code).toBe(0);
    const lines = logLines();
    const events = lines.map((l) => l.event);
    expect(events.indexOf('server.stopped')).toBeGreaterThan(
      events.lastIndexOf('request'), // the sign-in's request line comes before the end
    );
    expect(lines.find((l) => l.event === 'request' && l.path === '/logga-in')).toMatchObject({ method: 'POST' });
    expect(events).not.toContain('server.requests_cut');
  });
});
