import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from '../schema.js';
import { errorCode, type StorageDialect } from './dialect.js';

export const sqliteDialect: StorageDialect = {
  name: 'sqlite',
  idColumn: (col) => col.primaryKey().autoIncrement(),
  isUniqueViolation: (e) =>
    errorCode(e)?.startsWith('SQLITE_CONSTRAINT_UNIQUE') === true || errorCode(e) === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  isForeignKeyViolation: (e) => errorCode(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  appendOnlyTriggers: (table) => [
    `create trigger ${table}_no_update before update on ${table}
     begin select raise(abort, '${table} kan bara fyllas på: UPDATE är inte tillåtet'); end`,
    `create trigger ${table}_no_delete before delete on ${table}
     begin select raise(abort, '${table} kan bara fyllas på: DELETE är inte tillåtet'); end`,
  ],
  // Nothing to do: one connection per process serialises its transactions, and across processes
  // SQLite lets one writer at a time; a second appender that read a stale last link fails on the
  // primary key (its id is taken) instead of forking the chain.
  lockAuditChain: async () => {},
};

const CACHED_STATEMENTS = 256;

/**
 * Kysely prepares every query anew; preparing a large statement costs as much as running it. The
 * driver runs one query at a time on its one connection, so a statement can safely be reused.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  let nothing: SQLite.Statement | undefined;
  return {
    close: () => database.close(),
    prepare(sql) {
      // SQLite rolls a transaction back by itself on SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY or SQLITE_NOMEM;
      // Kysely's ROLLBACK would then fail ("no transaction is active") and hide the error that happened.
      if (sql === 'rollback' && !database.inTransaction) return (nothing ??= database.prepare('select 1 where 0'));
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // re-inserted below: the map's order is the order of last use
      } else {
        statement = database.prepare(sql);
        if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

/** `sqlite:path`, `file:path` or a plain path; `:memory:` for an in-memory database. */
export function sqlitePath(url: string): string {
  return url.replace(/^(sqlite|file):(\/\/)?/, '');
}

export function openSqlite(url: string): Kysely<Database> {
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return openSqliteDatabase(new SQLite(path));
}

/**
 * Kysely over an open better-sqlite3 database (a file, or an in-memory copy of a serialized one), with
 * the settings every connection of ours has.
 */
export function openSqliteDatabase(database: SQLite.Database): Kysely<Database> {
  // WAL lets readers work while one writer writes; the busy timeout makes a second
  // writer wait instead of failing with "database is locked".
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}
