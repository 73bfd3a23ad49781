/**
 * The files the site serves: the pages' stylesheet, the documents' stylesheet and the icons. Each is
 * read once, on first use, and gets a fingerprint of its content: pages link `/static/site.<hash>.css`,
 * which never changes and is cached as immutable, so a browser fetches a stylesheet once per release.
 * Text files are also kept compressed (Brotli and gzip, made once, on first request), so what travels is
 * a fraction of the file.
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

/** A file of Designsystemet's prebuilt CSS (the Norwegian public sector's design system, MIT). */
const designsystemet = (name: string): string => require.resolve(`@digdir/designsystemet-css/${name}`);

/**
 * The parts of Designsystemet the templates use, in the order its own ds.css has them, by cascade
 * layer. ds.css holds every component (147 KB); the site sends only these (about 63 KB before
 * compression). A test checks that every `ds-<component>` class in src/web has its part here.
 */
export const DESIGNSYSTEMET_PARTS = {
  base: ['base', 'heading', 'label', 'paragraph', 'validation-message'],
  components: [
    'link',
    'data-size-workaround',
    'button',
    'input',
    'field',
    'fieldset',
    'alert',
    'skip-link',
    'list',
    'card',
    'tag',
    'error-summary',
    'table',
    'breadcrumbs',
  ],
} as const;

/** A stylesheet as a page links it: one address, made of parts in cascade order. */
export interface Stylesheet {
  href: string;
  /** The CSS this stylesheet is made of, joined in this order. */
  parts: ReadonlyArray<{ file: string; layer?: string }>;
  /** What comes first (e.g. the order of the cascade layers). */
  preamble?: string;
}

/**
 * The one stylesheet every page links: Designsystemet's theme (neutral grey with a blue accent), the
 * parts of Designsystemet the templates use, then the site's own (app.css sets the font, page frame
 * and the few patterns Designsystemet lacks — see the comment atop app.css — and one file per area).
 * One file means one request before the first paint; it is joined once, when first asked for.
 */
export const STYLESHEETS: readonly Stylesheet[] = [
  {
    href: '/static/site.css',
    preamble: '@layer ds.theme, ds.base, ds.components;\n',
    parts: [
      { file: designsystemet('theme.css') },
      ...DESIGNSYSTEMET_PARTS.base.map((name) => ({ file: designsystemet(`${name}.css`), layer: 'ds.base' })),
      ...DESIGNSYSTEMET_PARTS.components.map((name) => ({
        file: designsystemet(`${name}.css`),
        layer: 'ds.components',
      })),
      { file: asset('app.css') },
      { file: asset('plans.css') },
      { file: asset('follow-up.css') },
      { file: asset('results.css') },
    ],
  },
];

/** A stylesheet's content: its parts, each in its cascade layer when it has one. */
function joined(sheet: Stylesheet): Buffer {
  const parts = sheet.parts.map(({ file, layer }) => {
    const css = readFileSync(file, 'utf8').trim();
    return layer ? `@layer ${layer}{${css}}` : css;
  });
  return Buffer.from((sheet.preamble ?? '') + parts.join('\n'), 'utf8');
}

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

function load(href: string, body: Buffer, type: string): StaticAsset {
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
    ...STYLESHEETS.map((sheet) => load(sheet.href, joined(sheet), CSS)),
    load(DOCUMENT_STYLESHEET_HREF, readFileSync(fileURLToPath(DOCUMENT_STYLESHEET_FILE)), CSS),
    ...ICONS.map((icon) => load(icon.href, readFileSync(icon.file), icon.type)),
  ];
  return assets;
}

/** The fingerprinted address of the file served at `href`. */
export function versionedHref(href: string): string {
  const found = staticAssets().find((a) => a.href === href);
  if (!found) throw new Error(`Ingen statisk fil har adressen ${href}.`);
  return found.versionedHref;
}
