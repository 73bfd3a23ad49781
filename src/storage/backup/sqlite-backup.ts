import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { createDb } from '../database.js';
import { migrateToLatest } from '../migrations/index.js';
import { hasApplicationData } from './content-fingerprint.js';
import { reason } from './dump-file.js';
import { BackupError } from './errors.js';
import { fsyncPath, removeQuietly, temporarySibling } from './files.js';

/*
 * SQLite backups use `VACUUM INTO`, not better-sqlite3's `db.backup()`.
 *
 * VACUUM INTO reads the whole database in one read transaction: the copy is the consistent snapshot of one
 * moment, and in WAL mode the server's writers carry on meanwhile (a WAL reader blocks nobody). The backup
 * API instead copies 100 pages per step and returns to the event loop between steps; whenever another
 * connection (the server, a different process) commits between two steps, SQLite restarts the copy from
 * the first page, so under steady writes it may never finish. VACUUM INTO also writes a compact file
 * without free pages, in rollback-journal mode (a single self-contained file, no -wal beside it), and it
 * refuses to write over an existing file. It runs on a read-only connection: the backup cannot change the
 * live database.
 */

const sameFile = (a: string, b: string): boolean => resolve(a) === resolve(b);

export async function backupSqlite(databasePath: string, file: string): Promise<void> {
  if (databasePath === ':memory:') throw new BackupError('En databas i minnet (:memory:) kan inte säkerhetskopieras.');
  if (!existsSync(databasePath)) throw new BackupError(`Det finns ingen SQLite-databas på ${databasePath}.`);
  if (sameFile(databasePath, file)) {
    throw new BackupError(`Säkerhetskopian kan inte skrivas till databasfilen själv (${file}). Välj en annan fil.`);
  }
  await mkdir(dirname(resolve(file)), { recursive: true });
  const tmp = temporarySibling(file, 'backup');
  try {
    const source = new SQLite(databasePath, { readonly: true, fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      source.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      source.close();
    }
    await fsyncPath(tmp);
    await rename(tmp, file);
    await fsyncPath(dirname(resolve(file)));
  } catch (error) {
    await removeQuietly(tmp);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Säkerhetskopieringen av ${databasePath} misslyckades: ${reason(error)}`, { cause: error });
  }
}

/**
 * Replaces the database file with the backup, atomically: the backup is copied next to the database,
 * checked, migrated to the latest structure, flushed to disk and then renamed over the database file.
 * Until that rename the old database is untouched; after it, the new one is complete. A failure at any
 * step leaves the old file as it was and removes the copy.
 *
 * The server must be stopped: a running server keeps the old file open. The restore sees that (the
 * database's -wal file stays after our own connection closes) and refuses.
 */
export async function restoreSqlite(databasePath: string, file: string, force: boolean): Promise<string[]> {
  if (databasePath === ':memory:') throw new BackupError('En databas i minnet (:memory:) kan inte återställas.');
  if (sameFile(databasePath, file)) {
    throw new BackupError(`Säkerhetskopian ${file} är databasfilen själv; välj säkerhetskopian som ska läsas in.`);
  }
  if (existsSync(databasePath)) {
    releaseForReplacement(databasePath);
    if (!force) await refuseIfData(databasePath);
  }

  await mkdir(dirname(resolve(databasePath)), { recursive: true });
  const tmp = temporarySibling(databasePath, 'restore');
  try {
    await copyFile(file, tmp, constants.COPYFILE_EXCL);
    checkCopy(tmp, file);
    const migrated = await migrateCopy(tmp);
    await fsyncPath(tmp);
    // Checked again just before the switch: the copy and migration took a moment.
    if (existsSync(databasePath)) releaseForReplacement(databasePath);
    await rename(tmp, databasePath);
    await fsyncPath(dirname(resolve(databasePath)));
    return migrated;
  } catch (error) {
    await removeQuietly(tmp);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Återställningen misslyckades; databasen är oförändrad: ${reason(error)}`, { cause: error });
  }
}

async function refuseIfData(databasePath: string): Promise<void> {
  const storage = createDb(databasePath);
  try {
    if (await hasApplicationData(storage)) {
      throw new BackupError(
        `Databasen ${databasePath} innehåller redan uppgifter. Återställningen ersätter allt i den; ` +
          'kör igen med --force om det är meningen. Ingenting har ändrats.',
      );
    }
  } finally {
    await storage.db.destroy();
  }
}

/** The copy must be an intact SQLite database that Kysely's migrator has worked on. */
function checkCopy(tmp: string, file: string): void {
  const copy = new SQLite(tmp, { fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') {
      throw new BackupError(
        `Säkerhetskopian ${file} är skadad (integrity_check: ${String(result)}). Ingenting har ändrats.`,
      );
    }
    const migrations = copy
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!migrations) {
      throw new BackupError(
        `Filen ${file} är en SQLite-databas men ingen samverkan-databas (tabellen kysely_migration saknas). ` +
          'Ingenting har ändrats.',
      );
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Säkerhetskopian ${file} kan inte läsas som SQLite-databas: ${reason(error)}`, {
      cause: error,
    });
  } finally {
    copy.close();
  }
}

/** Brings an older backup up to date before it replaces anything; closing the only connection folds the WAL in. */
async function migrateCopy(tmp: string): Promise<string[]> {
  const storage = createDb(tmp);
  try {
    return await migrateToLatest(storage);
  } finally {
    await storage.db.destroy();
  }
}

/**
 * Folds the old database's WAL into its file and checks that nobody else has it open: when the last
 * connection closes, SQLite removes the -wal and -shm files; if they remain, another process (the
 * server) still uses the database, and renaming a new file under it would lose its writes.
 */
function releaseForReplacement(databasePath: string): void {
  // A connection that has read the database and is the last to close checkpoints the WAL and removes it.
  const old = new SQLite(databasePath, { fileMustExist: true });
  try {
    old.prepare('select count(*) from sqlite_master').get();
  } finally {
    old.close();
  }
  if (existsSync(`${databasePath}-wal`) || existsSync(`${databasePath}-shm`)) {
    throw new BackupError(
      `Databasen ${databasePath} används av en annan process (kör servern?). Stoppa servern och kör ` +
        'restore igen. Ingenting har ändrats.',
    );
  }
}
