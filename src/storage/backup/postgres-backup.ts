import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { createDb } from '../database.js';
import { migrateToLatest } from '../migrations/index.js';
import { currentSchema } from '../dialect/postgres.js';
import { applicationTables, hasApplicationData } from './content-fingerprint.js';
import { reason } from './dump-file.js';
import { BackupError } from './errors.js';
import { fsyncPath, temporarySibling } from './files.js';

/*
 * PostgreSQL backups are pg_dump archives in its own ("custom") format; restores use pg_restore with
 * --clean --if-exists --no-owner --single-transaction, so a failure anywhere rolls the whole restore back
 * and leaves the old data. The connection goes to the tools through libpq's environment (PGHOST, PGPORT,
 * PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, …): the password never appears on a command line, where any
 * user of the machine could read it, nor in a message.
 */

export interface PostgresTarget {
  url: string;
  /** Schema the application works in, when not the database's default (the tests use one per file). */
  schema?: string;
}

export type PostgresTool = 'pg_dump' | 'pg_restore';

/** Finds pg_dump or pg_restore on PATH, or says how to install them. */
export function findPostgresTool(name: PostgresTool, searchPath = process.env.PATH ?? ''): string {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  throw new BackupError(
    `Programmet ${name} finns inte på PATH. Säkerhetskopiering och återställning av PostgreSQL använder ` +
      'pg_dump och pg_restore från PostgreSQL-klientprogrammen; installera dem (Debian och Ubuntu: ' +
      'apt-get install postgresql-client) i en version som är minst lika ny som databasservern.',
  );
}

const URL_PARAMETERS: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  dbname: 'PGDATABASE',
  sslmode: 'PGSSLMODE',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  sslrootcert: 'PGSSLROOTCERT',
  application_name: 'PGAPPNAME',
  options: 'PGOPTIONS',
  connect_timeout: 'PGCONNECT_TIMEOUT',
};

/** The libpq environment variables that say what a `postgres://…` URL says. */
export function libpqEnvironment(url: string): Record<string, string> {
  const u = parseUrl(url);
  const env: Record<string, string> = {};
  const host = decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (host) env.PGHOST = host;
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  for (const [key, value] of u.searchParams) {
    const name = URL_PARAMETERS[key];
    if (name) env[name] = value;
    // node-postgres's ssl=true: encrypted, like libpq's sslmode=require.
    else if (key === 'ssl' && (value === 'true' || value === '1') && !u.searchParams.has('sslmode')) {
      env.PGSSLMODE = 'require';
    }
  }
  return env;
}

/** The URL for messages: without password. */
export function describePostgres(target: PostgresTarget): string {
  let where: string;
  try {
    const u = parseUrl(target.url);
    u.password = '';
    u.searchParams.delete('password');
    where = u.toString();
  } catch {
    where = '(DATABASE_URL kan inte tolkas)';
  }
  return `PostgreSQL ${where}${target.schema ? `, schemat ${target.schema}` : ''}`;
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new BackupError('DATABASE_URL är ingen giltig postgres://-adress.');
  }
}

interface ToolResult {
  stdout: string;
  stderr: string;
}

class ToolFailed extends Error {
  constructor(
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(stderr);
  }
}

function runTool(command: string, args: string[], env: Record<string, string>): Promise<ToolResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      // libpq does not print passwords; this is a second lock on the same door.
      let stderr = Buffer.concat(err).toString('utf8').trim();
      if (env.PGPASSWORD && env.PGPASSWORD.length >= 4) stderr = stderr.split(env.PGPASSWORD).join('***');
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new ToolFailed(stderr, code));
    });
  });
}

const toolMessage = (error: unknown): string =>
  error instanceof ToolFailed ? error.stderr || `slutkod ${String(error.code)}` : reason(error);

/** A pg_dump pattern that matches exactly this name (quoted: no case folding, no wildcards). */
const exactPattern = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A libpq connection string naming only the database; everything else comes from the environment. */
const dbnameConninfo = (dbname: string): string => `dbname='${dbname.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

export async function backupPostgres(target: PostgresTarget, file: string): Promise<void> {
  const pgDump = findPostgresTool('pg_dump');
  await mkdir(dirname(resolve(file)), { recursive: true });
  const tmp = temporarySibling(file, 'backup');
  const args = ['--format=custom', '--no-password', `--file=${tmp}`];
  if (target.schema) args.push(`--schema=${exactPattern(target.schema)}`);
  try {
    await runTool(pgDump, args, libpqEnvironment(target.url));
    await fsyncPath(tmp);
    await rename(tmp, file);
    await fsyncPath(dirname(resolve(file)));
  } catch (error) {
    await rm(tmp, { force: true });
    throw new BackupError(`pg_dump av ${describePostgres(target)} misslyckades: ${toolMessage(error)}`, {
      cause: error,
    });
  }
}

interface DumpTable {
  schema: string;
  name: string;
}

/** The tables in the archive's table of contents (`pg_restore --list`); also proves the archive is readable. */
async function dumpTables(pgRestore: string, file: string): Promise<DumpTable[]> {
  let listing: string;
  try {
    listing = (await runTool(pgRestore, ['--list', file], {})).stdout;
  } catch (error) {
    throw new BackupError(
      `Filen ${file} kan inte läsas som pg_dump-arkiv: ${toolMessage(error)}. Ingenting har ändrats.`,
      { cause: error },
    );
  }
  const tables: DumpTable[] = [];
  for (const line of listing.split('\n')) {
    // "223; 1259 53100 TABLE schema name owner" ("TABLE DATA …" lines are the rows).
    const entry = /^\d+;\s+\d+\s+\d+\s+TABLE\s+(?!DATA\s)(\S+)\s+(\S+)/.exec(line);
    if (entry) tables.push({ schema: entry[1]!, name: entry[2]! });
  }
  return tables;
}

/**
 * Restores the archive into the configured database (and schema). Before anything changes, it checks that
 * the archive is one of ours, for this schema, that the database is empty (or --force), and that the
 * database has no tables the archive lacks: pg_restore --clean drops only what the archive contains, so
 * such tables would survive and collide with the migrations that run afterwards.
 */
export async function restorePostgres(target: PostgresTarget, file: string, force: boolean): Promise<string[]> {
  const pgRestore = findPostgresTool('pg_restore');
  const tables = await dumpTables(pgRestore, file);
  const storage = createDb(target.url, { ...(target.schema ? { schema: target.schema } : {}), max: 2 });
  try {
    const schema = target.schema ?? (await currentSchema(storage.db as unknown as Kysely<unknown>)) ?? 'public';
    const dumpSchemas = [...new Set(tables.map((t) => t.schema))];
    const inSchema = new Set(tables.filter((t) => t.schema === schema).map((t) => t.name));
    if (!inSchema.has('kysely_migration')) {
      throw new BackupError(
        dumpSchemas.length === 0
          ? `Säkerhetskopian ${file} innehåller inga tabeller. Ingenting har ändrats.`
          : `Säkerhetskopian ${file} innehåller ingen samverkan-databas i schemat ${schema} ` +
              `(den har tabeller i ${dumpSchemas.join(', ')}). Ingenting har ändrats.`,
      );
    }
    if (target.schema && dumpSchemas.length > 1) {
      throw new BackupError(
        `Säkerhetskopian ${file} innehåller flera scheman (${dumpSchemas.join(', ')}); ` +
          `inställningen använder bara schemat ${schema}. Ingenting har ändrats.`,
      );
    }
    const existing = await applicationTables(storage, { withKyselyTables: true });
    if (!force && (await hasApplicationData(storage))) {
      throw new BackupError(
        `Databasen (${describePostgres(target)}) innehåller redan uppgifter. Återställningen ersätter allt i den; ` +
          'kör igen med --force om det är meningen. Ingenting har ändrats.',
      );
    }
    const extra = existing.map((t) => t.name).filter((name) => !inSchema.has(name));
    if (extra.length) {
      throw new BackupError(
        `Databasen har tabeller som säkerhetskopian saknar (${extra.join(', ')}): kopian är äldre än databasens ` +
          'struktur. Återställ den i en tom databas (skapa en ny, låt DATABASE_URL peka dit och kör restore; ' +
          'migreringarna körs efteråt), eller ta bort tabellerna för hand om de ska bort. Ingenting har ändrats.',
      );
    }
    const env = libpqEnvironment(target.url);
    const dbname = env.PGDATABASE ?? process.env.PGDATABASE ?? env.PGUSER ?? process.env.PGUSER ?? userInfo().username;
    try {
      await runTool(
        pgRestore,
        [
          '--clean',
          '--if-exists',
          '--no-owner',
          '--single-transaction',
          '--no-password',
          `--dbname=${dbnameConninfo(dbname)}`,
          file,
        ],
        env,
      );
    } catch (error) {
      throw new BackupError(
        `pg_restore misslyckades; återställningen kördes i en enda transaktion, så databasen är oförändrad: ` +
          toolMessage(error),
        { cause: error },
      );
    }
    return await migrateToLatest(storage);
  } finally {
    await storage.db.destroy();
  }
}
