/**
 * A small HTTP(S) client for the scenarios: one keep-alive agent per base address, a cookie jar per
 * client (as a browser keeps one per site), the Origin header a browser sends with forms, and the
 * time each request took. HTTPS is checked against the suite's own certificate (`ca`).
 */
import http from 'node:http';
import https from 'node:https';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Give up after this long (default 30 s); the promise rejects. */
  timeoutMs?: number;
}

export interface Client {
  base: string;
  /** The cookies this client holds, by name. */
  cookies: Map<string, string>;
  request: (path: string, options?: RequestOptions) => Promise<Answer>;
  get: (path: string, headers?: Record<string, string>) => Promise<Answer>;
  /** A form post as a browser sends it (urlencoded, Origin of the base address). */
  postForm: (path: string, fields: Record<string, string>) => Promise<Answer>;
  /** A JSON post, e.g. an API call with `Authorization: Bearer …`. */
  postJson: (path: string, value: unknown, headers?: Record<string, string>) => Promise<Answer>;
  close: () => void;
}

/** A client of `base` (http://… or https://…); `ca` is the certificate HTTPS answers must chain to. */
export function createClient(base: string, options: { ca?: string; cookies?: Map<string, string> } = {}): Client {
  const url = new URL(base);
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 64, ...(options.ca ? { ca: options.ca } : {}) })
    : new http.Agent({ keepAlive: true, maxSockets: 64 });
  const cookies = options.cookies ?? new Map<string, string>();

  const request = (path: string, opts: RequestOptions = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const headers: Record<string, string> = { ...opts.headers };
      if (cookies.size > 0 && !('cookie' in headers))
        headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      if (opts.body !== undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
      const req = (secure ? https : http).request(
        new URL(path, base),
        { method: opts.method ?? 'GET', headers, agent, timeout: opts.timeoutMs ?? 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair = '', ...attributes] = line.split(';');
              const eq = pair.indexOf('=');
              const name = pair.slice(0, eq).trim();
              const value = pair.slice(eq + 1).trim();
              const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
              if (expired) cookies.delete(name);
              else cookies.set(name, value);
            }
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${opts.timeoutMs ?? 30_000} ms: ${path}`)));
      req.on('error', reject);
      req.end(opts.body);
    });

  return {
    base,
    cookies,
    request,
    get: (path, headers) => request(path, headers ? { headers } : {}),
    postForm: (path, fields) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin },
        body: new URLSearchParams(fields).toString(),
      }),
    postJson: (path, value, headers = {}) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(value),
      }),
    close: () => agent.destroy(),
  };
}

/** The value of the first hidden `_csrf` field in a page. */
export function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('The page has no _csrf field.');
  return match[1]!;
}
