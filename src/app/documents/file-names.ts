/**
 * A file name from Swedish words: lower case ASCII, å/ä → a, ö → o, words joined by hyphens.
 * `documentSlug('Södertörns utvecklingsprogram 2035 version 2 2026-11-27')` →
 * `'sodertorns-utvecklingsprogram-2035-version-2-2026-11-27'`.
 */
export function documentSlug(text: string): string {
  const slug = text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'dokument';
}
