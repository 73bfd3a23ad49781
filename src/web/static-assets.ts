/**
 * The files the site serves as they are: the stylesheets, the documents' stylesheet and the icons. Each
 * is read once, on first use, and gets a fingerprint of its content: pages link `/static/app.<hash>.css`,
 * which never changes and is cached as immutable, so a browser fetches a stylesheet once per release.
 * Text files are also kept compressed (Brotli and gzip, made once, on first request), so what travels is
 * a fraction of the file: Designsystemet's 147 KB ds.css is about 17 KB in Brotli.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DOCUMENT_STYLESHEET_FILE, DOCUMENT_STYLESHEET_HREF } from '../documents/render-html.js';

const require = createRequire(import.meta.url);

/** A file of the project's assets/ (beside src/ and dist/, so the same path serves both). */
const asset = (name: string): string => fileURLToPath(new URL(`../../assets/${name}`, import.meta.url));

const CSS = 'text/css; charset=utf-8';

/**
 * The stylesheets every page links, in cascade order, with the file each URL must serve. Designsystemet
 * (the Norwegian public sector's design system, MIT) ships prebuilt CSS, so these files are served as
 * they are: no build step. Its default theme is neutral grey with a blue accent; app.css sets the font,
 * page frame and the few patterns Designsystemet lacks. See the comment atop app.css.
 */
export const STYLESHEETS: ReadonlyArray<{ href: string; file: string }> = [
  { href: '/static/ds-theme.css', file: require.resolve('@digdir/designsystemet-css/theme.css') },
  { href: '/static/ds.css', file: require.resolve('@digdir/designsystemet-css') },
  { href: '/static/app.css', file: asset('app.css') },
  { href: '/static/plans.css', file: asset('plans.css') },
  { href: '/static/follow-up.css', file: asset('follow-up.css') },
  { href: '/static/results.css', file: asset('results.css') },
];

/**
 * The site's icon: an SVG for browsers that take one, and /favicon.ico (16 and 32 px, rendered from the
 * SVG) where browsers and feed readers look without being told (so that one keeps its plain address).
 */
export const ICONS: ReadonlyArray<{ href: string; file: string; type: string }> = [
  { href: '/favicon.ico', file: asset('favicon.ico'), type: 'image/x-icon' },
  { href: '/static/favicon.svg', file: asset('favicon.svg'), type: 'image/svg+xml' },
];

export type ContentEncoding = 'br' | 'gzip';

export interface StaticAsset {
  /** The plain address (kept for old links, cached for an hour). */
  href: string;
  /** The address with the content's fingerprint, cached as immutable. */
  versionedHref: string;
  type: string;
  body: Buffer;
  /** Text (CSS, SVG): sent compressed to a client that takes it. */
  compressible: boolean;
  /** The body compressed, for text files; made on first ask. */
  encoded(encoding: ContentEncoding): Buffer | undefined;
}

function load(href: string, file: string, type: string): StaticAsset {
  const body = readFileSync(file);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = href.lastIndexOf('.');
  const compressible = type.startsWith('text/') || type === 'image/svg+xml';
  const cache = new Map<ContentEncoding, Buffer>();
  return {
    href,
    versionedHref: `${href.slice(0, dot)}.${hash}${href.slice(dot)}`,
    type,
    body,
    compressible,
    encoded(encoding) {
      if (!compressible) return undefined;
      let packed = cache.get(encoding);
      if (!packed) {
        packed =
          encoding === 'br'
            ? brotliCompressSync(body, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              })
            : gzipSync(body, { level: 9 });
        cache.set(encoding, packed);
      }
      return packed;
    },
  };
}

let assets: readonly StaticAsset[] | undefined;

/** Every static file, read once. */
export function staticAssets(): readonly StaticAsset[] {
  assets ??= [
    ...STYLESHEETS.map((s) => load(s.href, s.file, CSS)),
    load(DOCUMENT_STYLESHEET_HREF, fileURLToPath(DOCUMENT_STYLESHEET_FILE), CSS),
    ...ICONS.map((icon) => load(icon.href, icon.file, icon.type)),
  ];
  return assets;
}

/** The fingerprinted address of the file served at `href`. */
export function versionedHref(href: string): string {
  const found = staticAssets().find((a) => a.href === href);
  if (!found) throw new Error(`Ingen statisk fil har adressen ${href}.`);
  return found.versionedHref;
}
