import type { Kysely } from 'kysely';
import type { StorageDialect } from './dialect/dialect.js';
import { openPostgres, postgresDialect, type PostgresOptions } from './dialect/postgres.js';
import { openSqlite, sqliteDialect } from './dialect/sqlite.js';
import type { Database } from './schema.js';

export interface Storage {
  db: Kysely<Database>;
  dialect: StorageDialect;
  /** PostgreSQL schema the connection works in, when not the default (`public`). */
  schema?: string;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** Opens the database `DATABASE_URL` names: PostgreSQL for `postgres://…`, SQLite otherwise. */
export function createDb(url: string, postgres: PostgresOptions = {}): Storage {
  return isPostgresUrl(url)
    ? {
        db: openPostgres(url, postgres),
        dialect: postgresDialect,
        ...(postgres.schema ? { schema: postgres.schema } : {}),
      }
    : { db: openSqlite(url), dialect: sqliteDialect };
}
