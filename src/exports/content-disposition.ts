/**
 * A `Content-Disposition` header value for a download: `attachment; filename="…"; filename*=UTF-8''…`
 * (RFC 6266, RFC 8187). The name is neutralised first: only the last path segment is kept; control
 * characters, bidirectional overrides (which can make "gpj.exe" look like "exe.jpg"), quotes and
 * characters Windows forbids in names become "_"; leading dots go. The quoted `filename` is plain
 * ASCII (å → a) for old clients; `filename*` carries the real name, percent-encoded.
 */
export function contentDispositionAttachment(fileName: string): string {
  const name = safeFileName(fileName);
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/%/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const MAX_LENGTH = 150;

export function safeFileName(fileName: string): string {
  let name = [...(fileName.split(/[\\/]/).pop() ?? '').normalize('NFC')]
    .filter((ch) => !isInvisible(ch.codePointAt(0)!))
    .join('')
    .replace(/["<>:|?*;\\]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  if (name.length > MAX_LENGTH) {
    // Keep the extension, which decides what program opens the file.
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name].slice(0, MAX_LENGTH - ext.length).join('') + ext;
  }
  return name === '' ? 'nedladdning' : name;
}

/** Control characters, zero-width characters, bidirectional controls and the BOM. */
function isInvisible(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}
