import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';
import { errorCode, type StorageDialect } from './dialect.js';

export const postgresDialect: StorageDialect = {
  name: 'postgres',
  idColumn: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  isUniqueViolation: (e) => errorCode(e) === '23505',
  isForeignKeyViolation: (e) => errorCode(e) === '23503',
};

// pg returns int8 (count(*), sum) as strings; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface PostgresOptions {
  /** Schema to use as search_path (tests isolate each file in its own schema). */
  schema?: string;
  max?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
