/**
 * The public's responses compressed whole with zlib (src/http/compression.ts): the encoding the browser
 * weighs highest of gzip and deflate, the same bytes once unpacked, small bodies and HEAD left alone, a
 * large body compressed off the event loop, and nothing compressed for a signed-in person or a token.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync, inflateSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressForThePublic } from '../../src/http/compression.js';

const page = `<!doctype html><title>Prov</title>${'<p>Södertörns kommuner samverkar.</p>'.repeat(200)}`;
// 600 KB of text that compresses (hex), beyond what is compressed on the event loop.
const large = randomBytes(300 * 1024).toString('hex');

function app(signedIn = false) {
  const a = new Hono();
  a.use((c, next) => {
    if (signedIn) c.set('signedIn', {} as never);
    return next();
  });
  a.use(compressForThePublic);
  a.get('/sida', (c) => c.html(page));
  a.get('/liten', (c) => c.json({ ok: true }));
  a.get('/stor', (c) => c.text(large));
  a.get('/bild', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }));
  a.get('/orord', (c) => c.text(page, 200, { 'Cache-Control': 'public, no-transform' }));
  return a;
}

const get = async (a: Hono, path: string, headers: Record<string, string> = {}, method = 'GET') => {
  const res = await a.request(`http://localhost${path}`, { method, headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
};

describe('compression of what the public is sent', () => {
  it('gzips or deflates as the browser weighs them, and the bytes unpack to the page', async () => {
    const gz = await get(app(), '/sida', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    expect(gz.res.headers.get('vary')).toBe('Accept-Encoding');
    expect(gz.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(gunzipSync(gz.body).toString()).toBe(page);
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(page) / 5);

    const df = await get(app(), '/sida', { 'Accept-Encoding': 'gzip;q=0.5, deflate' });
    expect(df.res.headers.get('content-encoding')).toBe('deflate');
    expect(inflateSync(df.body).toString()).toBe(page);

    for (const refusing of ['identity', 'br', 'gzip;q=0, deflate;q=0']) {
      const plain = await get(app(), '/sida', { 'Accept-Encoding': refusing });
      expect(plain.res.headers.get('content-encoding'), refusing).toBeNull();
      expect(plain.res.headers.get('vary'), refusing).toBe('Accept-Encoding');
      expect(plain.body.toString(), refusing).toBe(page);
    }
  });

  it('compresses a large body off the event loop, to the same bytes', async () => {
    const { res, body } = await get(app(), '/stor', { 'Accept-Encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-length')).toBeNull();
    expect(gunzipSync(body).toString()).toBe(large);
  });

  it('leaves small bodies, images, no-transform and HEAD as they are', async () => {
    const small = await get(app(), '/liten', { 'Accept-Encoding': 'gzip' });
    expect(small.res.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(small.body.toString())).toEqual({ ok: true });
    const image = await get(app(), '/bild', { 'Accept-Encoding': 'gzip' });
    expect(image.res.headers.get('content-encoding')).toBeNull();
    expect(image.body.length).toBe(4096);
    const kept = await get(app(), '/orord', { 'Accept-Encoding': 'gzip' });
    expect(kept.res.headers.get('content-encoding')).toBeNull();
    const head = await get(app(), '/sida', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(head.res.headers.get('content-encoding')).toBeNull();
    expect(head.body.length).toBe(0);
  });

  it('never compresses for a signed-in person or a call with a token', async () => {
    const signedIn = await get(app(true), '/sida', { 'Accept-Encoding': 'gzip' });
    expect(signedIn.res.headers.get('content-encoding')).toBeNull();
    expect(signedIn.body.toString()).toBe(page);
    const token = await get(app(), '/sida', { 'Accept-Encoding': 'gzip', Authorization: 'Bearer sv_x' });
    expect(token.res.headers.get('content-encoding')).toBeNull();
  });
});
