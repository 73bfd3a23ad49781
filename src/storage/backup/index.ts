import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isPostgresUrl } from '../database.js';
import { sqlitePath } from '../dialect/sqlite.js';
import { dumpKindName, fileChecksum, readDumpKind, reason, type DumpKind, type FileChecksum } from './dump-file.js';
import { BackupError } from './errors.js';
import { backupPostgres, describePostgres, restorePostgres } from './postgres-backup.js';
import { backupSqlite, restoreSqlite } from './sqlite-backup.js';

export { BackupError } from './errors.js';
export { contentFingerprint, type ContentFingerprint } from './content-fingerprint.js';
export type { DumpKind } from './dump-file.js';

/** The database to back up or restore: `DATABASE_URL`, and on PostgreSQL the schema when not the default. */
export interface DatabaseTarget {
  url: string;
  schema?: string;
}

export interface BackupResult extends FileChecksum {
  file: string;
  kind: DumpKind;
  /** Wall-clock time of the backup itself (not the checksum). */
  seconds: number;
}

export interface RestoreResult extends FileChecksum {
  file: string;
  kind: DumpKind;
  /** Migrations applied after the restore to bring an older backup up to date. */
  migrated: string[];
  seconds: number;
}

export const targetKind = (target: DatabaseTarget): DumpKind => (isPostgresUrl(target.url) ? 'postgres' : 'sqlite');

/** The database in words, never with its password. */
export const describeTarget = (target: DatabaseTarget): string =>
  targetKind(target) === 'postgres' ? describePostgres(target) : `SQLite ${sqlitePath(target.url)}`;

/**
 * Writes a backup of the database to `file`: on SQLite a consistent copy taken while the server keeps
 * serving, on PostgreSQL a pg_dump archive. Written beside `file` and renamed into place, so `file` is
 * either the complete backup or untouched. Refuses to replace an existing file unless `force`.
 */
export async function backupDatabase(
  target: DatabaseTarget,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  if (existsSync(file) && !options.force) {
    throw new BackupError(
      `Filen ${file} finns redan. Välj ett annat namn eller kör igen med --force för att ersätta den.`,
    );
  }
  const kind = targetKind(target);
  const started = performance.now();
  await guard(target, async () => {
    if (kind === 'sqlite') await backupSqlite(sqlitePath(target.url), file);
    else await backupPostgres(target, file);
  });
  const seconds = (performance.now() - started) / 1000;
  return { file, kind, seconds, ...(await fileChecksum(file)) };
}

/**
 * Replaces the database's content with the backup in `file`, then migrates it to the latest structure.
 * Before anything changes: the file must be a backup of the configured kind (and match `expectedSha256`
 * when given), and the database must be empty unless `force`. SQLite swaps the file atomically;
 * PostgreSQL restores in one transaction. Either way a failure leaves the old data. Stop the server first.
 */
export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  options: { force?: boolean; expectedSha256?: string } = {},
): Promise<RestoreResult> {
  const kind = await readDumpKind(file);
  const wanted = targetKind(target);
  if (kind !== wanted) {
    throw new BackupError(
      `Filen ${file} är en säkerhetskopia av en ${dumpKindName(kind)}-databas, men DATABASE_URL pekar på ` +
        `${dumpKindName(wanted)}. Ingenting har ändrats.`,
    );
  }
  const checksum = await fileChecksum(file);
  const expected = options.expectedSha256?.trim().toLowerCase();
  if (expected && expected !== checksum.sha256) {
    throw new BackupError(
      `Filens SHA-256 är ${checksum.sha256}, inte den väntade ${expected}: filen är en annan eller har ändrats. ` +
        'Ingenting har ändrats.',
    );
  }
  const force = options.force ?? false;
  const started = performance.now();
  const migrated = await guard(target, () =>
    kind === 'sqlite' ? restoreSqlite(sqlitePath(target.url), file, force) : restorePostgres(target, file, force),
  );
  return { file, kind, migrated, seconds: (performance.now() - started) / 1000, ...checksum };
}

/** Driver errors (a refused connection, a locked file) become a BackupError naming the database. */
async function guard<T>(target: DatabaseTarget, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${describeTarget(target)}: ${reason(error)}`, { cause: error });
  }
}
