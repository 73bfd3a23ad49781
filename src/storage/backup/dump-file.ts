import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { DialectName } from '../dialect/dialect.js';
import { BackupError } from './errors.js';

/** What a backup file is: an SQLite database file, or a `pg_dump --format=custom` archive. */
export type DumpKind = DialectName;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const PG_CUSTOM_HEADER = Buffer.from('PGDMP', 'latin1');
const GZIP_HEADER = Buffer.from([0x1f, 0x8b]);

export const dumpKindName = (kind: DumpKind): string => (kind === 'sqlite' ? 'SQLite' : 'PostgreSQL');

/** Reads the file's first bytes: `SQLite format 3\0` or `PGDMP`. Anything else is refused with the reason. */
export async function readDumpKind(file: string): Promise<DumpKind> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(64);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new BackupError(`Filen ${file} kan inte läsas: ${reason(error)}`, { cause: error });
  }
  if (head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return 'sqlite';
  if (head.subarray(0, PG_CUSTOM_HEADER.length).equals(PG_CUSTOM_HEADER)) return 'postgres';
  const hint = head.subarray(0, GZIP_HEADER.length).equals(GZIP_HEADER)
    ? ' Den är gzip-komprimerad: packa upp den först (gunzip).'
    : /^\s*--/.test(head.toString('utf8'))
      ? ' Den ser ut som en SQL-dump i textformat; sådana återställs med psql, inte med samverkan restore.'
      : '';
  throw new BackupError(
    `Filen ${file} är ingen säkerhetskopia från samverkan backup: den är varken en SQLite-databas ` +
      `eller en pg_dump-fil i eget format (custom).${hint} Ingenting har ändrats.`,
  );
}

export interface FileChecksum {
  bytes: number;
  /** SHA-256 of the whole file, lower-case hex (the same as `sha256sum FILE`). */
  sha256: string;
}

export async function fileChecksum(file: string): Promise<FileChecksum> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { bytes: (await stat(file)).size, sha256: hash.digest('hex') };
}

export const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
