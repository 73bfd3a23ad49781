/**
 * Turns Vega's SVG output into an image a page can embed inline under a strict CSP and that passes axe:
 *
 * - the root is `role="img"`, named by its own `<title>` and `<desc>` (`aria-labelledby`), and
 *   `focusable="false"`; everything Vega drew sits in one `aria-hidden` group, and Vega's own ARIA
 *   (`role="graphics-…"`, `aria-roledescription`, English `aria-label`s on marks) is removed, so a
 *   screen reader meets one image with the caller's Swedish text and nothing else;
 * - all ids are prefixed with the caller's `idPrefix` (and every `url(#…)`/`href="#…"` that points at
 *   them), so two charts on one page never share an id;
 * - the root keeps its `viewBox` but loses `width`/`height`, so CSS decides the size and the chart
 *   scales down at 320 px instead of forcing horizontal scrolling;
 * - no `style` attribute (its declarations become presentation attributes where SVG has one), no
 *   `<style>`, no `<script>`, no event handler attributes and no reference outside the document.
 *
 * The input is Vega's own markup (well-formed, attributes quoted), not arbitrary SVG from users.
 */

export interface AccessibleSvgOptions {
  /** Unique on the page; starts with a letter, then letters, digits, `-` or `_`. */
  idPrefix: string;
  /** Short name of the chart (becomes `<title>`). */
  title: string;
  /** What the chart shows, in words (becomes `<desc>`). */
  description: string;
}

const ID_PREFIX = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Throws unless `idPrefix` can start an HTML/SVG id and is safe inside an attribute value. */
export function assertValidIdPrefix(idPrefix: string): void {
  if (!ID_PREFIX.test(idPrefix)) {
    throw new Error(`Ogiltigt id-prefix för diagram: ${JSON.stringify(idPrefix)}`);
  }
}

/** Escapes text for XML content and attribute values; drops control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

/**
 * CSS properties that SVG also accepts as presentation attributes: a `style` declaration of one of
 * these is kept as an attribute, any other (e.g. Vega's `mix-blend-mode`) is dropped.
 */
const PRESENTATION_ATTRIBUTES = new Set([
  'clip-path',
  'clip-rule',
  'color',
  'display',
  'dominant-baseline',
  'fill',
  'fill-opacity',
  'fill-rule',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'image-rendering',
  'letter-spacing',
  'mask',
  'opacity',
  'pointer-events',
  'shape-rendering',
  'stroke',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'text-decoration',
  'text-rendering',
  'visibility',
]);

/** Attributes through which Vega announces marks to assistive technology; the image speaks for them. */
const VEGA_ARIA_ATTRIBUTES = new Set(['role', 'aria-roledescription', 'aria-label', 'aria-description', 'tabindex']);

/** Elements removed with their content: scripts, CSS, embedded HTML and raster/remote content. */
const FORBIDDEN_ELEMENTS = ['script', 'style', 'foreignObject', 'image', 'iframe', 'audio', 'video'];

const START_TAG = /<([A-Za-z][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

type Attributes = Map<string, string>;

export function makeAccessibleSvg(svg: string, options: AccessibleSvgOptions): string {
  assertValidIdPrefix(options.idPrefix);
  const prefix = options.idPrefix;

  let markup = svg
    .replace(/<\?xml[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const name of FORBIDDEN_ELEMENTS) {
    markup = markup
      .replace(new RegExp(`<${name}\\b[^>]*/>`, 'gi'), '')
      .replace(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?</${name}\\s*>`, 'gi'), '');
  }
  markup = markup.trim();

  const rootMatch = /^<svg\b/.exec(markup);
  const rootEnd = markup.lastIndexOf('</svg>');
  if (!rootMatch || rootEnd < 0) throw new Error('Diagrammet är ingen SVG.');

  let isRoot = true;
  let rootTag = '';
  const body = markup.replace(START_TAG, (_tag, name: string, rawAttributes: string, selfClosing: string) => {
    const attributes = parseAttributes(rawAttributes);
    if (isRoot) {
      isRoot = false;
      rootTag = serialiseTag(name, rootAttributes(attributes, prefix), false);
      return '';
    }
    return serialiseTag(name, innerAttributes(attributes, prefix), selfClosing === '/');
  });
  if (!rootTag) throw new Error('Diagrammet är ingen SVG.');

  const content = body.slice(0, body.lastIndexOf('</svg>')).trim();
  return (
    rootTag +
    `<title id="${prefix}-title">${escapeXml(options.title)}</title>` +
    `<desc id="${prefix}-desc">${escapeXml(options.description)}</desc>` +
    `<g aria-hidden="true">${content}</g>` +
    '</svg>'
  );
}

function rootAttributes(original: Attributes, prefix: string): Attributes {
  let viewBox = original.get('viewBox');
  if (!viewBox) {
    const width = Number(original.get('width'));
    const height = Number(original.get('height'));
    if (!(width > 0 && height > 0)) throw new Error('Diagrammet saknar både viewBox och storlek.');
    viewBox = `0 0 ${width} ${height}`;
  }
  const attributes: Attributes = new Map([
    ['xmlns', 'http://www.w3.org/2000/svg'],
    ['viewBox', viewBox],
    ['role', 'img'],
    ['aria-labelledby', `${prefix}-title ${prefix}-desc`],
    ['focusable', 'false'],
  ]);
  // Vega's class ("marks") is dropped: the page styles the chart through its own wrapper.
  // No width or height: a fixed size would overflow narrow screens; the viewBox keeps the proportions.
  // xmlns:xlink is only needed for the (prefixed, internal) xlink:href Vega may write.
  const xlink = original.get('xmlns:xlink');
  if (xlink) attributes.set('xmlns:xlink', xlink);
  return attributes;
}

function innerAttributes(original: Attributes, prefix: string): Attributes {
  const attributes: Attributes = new Map();
  let style: string | undefined;
  for (const [name, value] of original) {
    const lower = name.toLowerCase();
    if (VEGA_ARIA_ATTRIBUTES.has(lower) || lower.startsWith('on')) continue;
    if (lower === 'style') {
      style = value;
      continue;
    }
    if (lower === 'href' || lower === 'xlink:href') {
      // Only references within this SVG survive; they are prefixed like the ids they point at.
      if (value.startsWith('#')) attributes.set(name, `#${prefix}-${value.slice(1)}`);
      continue;
    }
    if (lower === 'id') {
      attributes.set(name, `${prefix}-${value}`);
      continue;
    }
    const converted = prefixUrlReferences(value, prefix);
    if (converted !== null) attributes.set(name, converted);
  }
  // A style declaration overrides a presentation attribute in CSS, so it wins here too.
  if (style) {
    for (const declaration of style.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration
        .slice(colon + 1)
        .replace(/!\s*important/i, '')
        .trim();
      if (!PRESENTATION_ATTRIBUTES.has(property) || value === '') continue;
      const converted = prefixUrlReferences(value, prefix);
      if (converted !== null) attributes.set(property, converted);
    }
  }
  return attributes;
}

/**
 * Points `url(#id)` at the prefixed id. Returns null for a value that references anything outside
 * the document (`url(http…)`, `url(data:…)`), which is then dropped.
 */
function prefixUrlReferences(value: string, prefix: string): string | null {
  if (!value.includes('url(')) return value;
  let external = false;
  const converted = value.replace(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/g, (_match, _quote, target: string) => {
    if (!target.startsWith('#')) {
      external = true;
      return '';
    }
    return `url(#${prefix}-${target.slice(1)})`;
  });
  return external ? null : converted;
}

function parseAttributes(raw: string): Attributes {
  const attributes: Attributes = new Map();
  for (const match of raw.matchAll(ATTRIBUTE)) {
    // Values stay as Vega escaped them: they are written back verbatim.
    attributes.set(match[1]!, match[2] ?? match[3] ?? '');
  }
  return attributes;
}

function serialiseTag(name: string, attributes: Attributes, selfClosing: boolean): string {
  let tag = `<${name}`;
  for (const [attribute, value] of attributes) tag += ` ${attribute}="${value.replace(/"/g, '&quot;')}"`;
  return tag + (selfClosing ? '/>' : '>');
}
