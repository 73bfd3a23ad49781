import type { ColumnDefinitionBuilder } from 'kysely';

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
}

export const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
