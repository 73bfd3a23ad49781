import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';
import { errorCode, type StorageDialect } from './dialect.js';
import { trackCopyClients } from './postgres-copy.js';

export const postgresDialect: StorageDialect = {
  name: 'postgres',
  idColumn: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  isUniqueViolation: (e) => errorCode(e) === '23505',
  isForeignKeyViolation: (e) => errorCode(e) === '23503',
  // TRUNCATE skips row triggers, so it gets its own statement trigger.
  appendOnlyTriggers: (table) => [
    `create function ${table}_append_only() returns trigger language plpgsql as $$
     begin
       raise exception '${table} kan bara fyllas på: % är inte tillåtet', tg_op using errcode = 'integrity_constraint_violation';
     end $$`,
    `create trigger ${table}_no_update_or_delete before update or delete on ${table}
     for each row execute function ${table}_append_only()`,
    `create trigger ${table}_no_truncate before truncate on ${table}
     for each statement execute function ${table}_append_only()`,
  ],
  // A transaction-scoped advisory lock, released at commit or rollback. The second key is the table's
  // oid, so each schema's chain has its own lock (the tests run many schemas in one database).
  lockAuditChain: async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}, 'audit_events'::regclass::oid::int)`.execute(trx);
  },
};

/** First key of the audit chain's advisory lock: "SAMV" in ASCII, to stay clear of other users' keys. */
const AUDIT_CHAIN_LOCK = 0x53414d56;

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
  // An idle connection the server ends (a restart, pg_terminate_backend, DROP DATABASE … WITH (FORCE)) is
  // already taken out of the pool by pg-pool, and the next query opens a new one; without a listener the
  // pool's 'error' event would end the whole process.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL avslutade en vilande anslutning: ${error.message}`, 'DatabaseWarning');
  });
  // A connection checked out of the pool (between the statements of a transaction) has no listener of
  // pg-pool's: a server restart would end the process with an unhandled 'error'. Its next statement fails
  // instead, and that failure is answered as 503 with Retry-After (src/http/error-mapping.ts).
  pool.on('connect', (client) => client.on('error', () => undefined));
  // Large imports COPY on the connection of their transaction (src/storage/dialect/postgres-copy.ts).
  trackCopyClients(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/** Each open database's pool, for its gauges (`/metrics`). */
const pools = new WeakMap<Kysely<Database>, pg.Pool>();

export interface PoolStats {
  /** Connections open, idle or in use. */
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

/** How busy the pool of a database opened by openPostgres is (undefined for any other). */
export function postgresPoolStats(db: Kysely<Database>): PoolStats | undefined {
  const pool = pools.get(db);
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** The schema unqualified table names resolve to (null when no schema on the search path exists). */
export async function currentSchema<DB>(db: Kysely<DB>): Promise<string | null> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? null;
}
