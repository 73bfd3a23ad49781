/**
 * A page kept whole for the public is gzipped once, with its cached bytes, and sent so to every visitor
 * whose browser takes gzip: as the compression middleware would send it (Vary: Accept-Encoding, its
 * choice between gzip and deflate by the header's weights), without compressing it per request.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('compressed public pages on %s', (dialect) => {
  let t: TestApp;
  let plain: Buffer;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    plain = (await get('identity')).body;
  });
  afterAll(() => t?.close());

  // /evenemang is kept whole for the public (src/web/public-pages.ts).
  async function get(acceptEncoding?: string) {
    const headers: Record<string, string> = { Cookie: ANONYMOUS_COOKIE };
    if (acceptEncoding !== undefined) headers['Accept-Encoding'] = acceptEncoding;
    const res = await t.app.request('http://localhost/evenemang', { headers });
    expect(res.status).toBe(200);
    return {
      encoding: res.headers.get('content-encoding'),
      vary: res.headers.get('vary'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  }

  it('sends the cached page gzipped to a browser that takes gzip, the same bytes every time', async () => {
    expect(plain.toString('utf8')).toContain('<!DOCTYPE html>');
    const first = await get('gzip, deflate, br');
    expect(first.encoding).toBe('gzip');
    expect(first.vary).toBe('Accept-Encoding');
    expect(gunzipSync(first.body).equals(plain)).toBe(true);
    expect(first.body.length).toBeLessThan(plain.length / 2);
    expect((await get('gzip')).body.equals(first.body)).toBe(true);
  });

  it('leaves deflate to the middleware when the browser prefers it, and sends plain bytes otherwise', async () => {
    for (const accepted of ['deflate', 'gzip;q=0.5, deflate']) {
      const res = await get(accepted);
      expect(res.encoding, accepted).toBe('deflate');
      expect(inflateSync(res.body).equals(plain), accepted).toBe(true);
    }
    for (const refusing of [undefined, 'identity', 'gzip;q=0', 'br']) {
      const res = await get(refusing);
      expect(res.encoding, refusing).toBeNull();
      expect(res.vary, refusing).toBe('Accept-Encoding');
      expect(res.body.equals(plain), refusing).toBe(true);
    }
  });

  it('never compresses a signed-in person’s page (it carries the CSRF token)', async () => {
    const res = await t.app.request('http://localhost/evenemang', {
      headers: { Cookie: t.admin.cookie, 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toContain('name="_csrf"');
  });
});
