/**
 * The name an uploaded file is kept and offered under: its last path part (some browsers send a whole
 * path), without control or format characters (a right-to-left override can make "exe.pdf" look like
 * "fdp.exe"), at most 200 characters; "dokument" when nothing is left.
 */
export const keptName = (name: string): string =>
  name
    .replace(/^.*[\\/]/, '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 200) || 'dokument';
