import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema.js';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The small interface where SQLite and PostgreSQL differ. Everything else is
 * written once against Kysely.
 */
export interface StorageDialect {
  name: DialectName;
  /** Column modifier for a generated integer primary key. */
  idColumn: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** True when the driver error is a unique-constraint violation. */
  isUniqueViolation: (error: unknown) => boolean;
  /** True when the driver error is a foreign-key violation. */
  isForeignKeyViolation: (error: unknown) => boolean;
  /**
   * Statements (run by a migration) that make `table` refuse UPDATE and DELETE, so no code path and
   * no slip in a SQL console can change it. A database administrator can still drop them.
   */
  appendOnlyTriggers: (table: string) => string[];
  /**
   * Makes concurrent appenders to the audit chain wait for each other until commit, so each reads
   * the true last link. Call inside the transaction that appends.
   */
  lockAuditChain: (trx: Kysely<Database>) => Promise<void>;
}

export const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
