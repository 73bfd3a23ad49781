import { sql } from 'kysely';
import { DEFAULT_MIGRATION_TABLE, Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { currentSchema } from '../dialect/postgres.js';
import type { Storage } from '../database.js';
import type { StorageDialect } from '../dialect/dialect.js';
import { programmesAndAdoption } from './0001_programmes_and_adoption.js';
import { auditTrail } from './0002_audit_trail.js';
import { accountsAndSessions } from './0003_accounts_and_sessions.js';
import { apiTokens } from './0004_api_tokens.js';
import { oidcIdentities } from './0005_oidc_identities.js';
import { indicators } from './0006_indicators.js';
import { plansAndFollowUp } from './0007_plans_and_follow_up.js';
import { activityVersionsAndRemovals } from './0008_activity_versions_and_removals.js';
import { memberMemos } from './0009_member_memos.js';
import { eventRecords } from './0010_events.js';
import { consultations } from './0011_consultations.js';
import { englishTexts } from './0012_english_texts.js';
import { jobRuns } from './0013_job_runs.js';
import { decisionDocuments } from './0014_decision_documents.js';

/** Static list, so migrations work the same from source, a bundle or a test. Names sort in order. */
function migrations(dialect: StorageDialect): Record<string, Migration> {
  return {
    '0001_programmes_and_adoption': programmesAndAdoption(dialect),
    '0002_audit_trail': auditTrail(dialect),
    '0003_accounts_and_sessions': accountsAndSessions(dialect),
    '0004_api_tokens': apiTokens(dialect),
    '0005_oidc_identities': oidcIdentities(dialect),
    '0006_indicators': indicators(dialect),
    '0007_plans_and_follow_up': plansAndFollowUp(dialect),
    '0008_activity_versions_and_removals': activityVersionsAndRemovals(),
    '0009_member_memos': memberMemos(dialect),
    '0010_events': eventRecords(dialect),
    '0011_consultations': consultations(dialect),
    '0012_english_texts': englishTexts(),
    '0013_job_runs': jobRuns(dialect),
    '0014_decision_documents': decisionDocuments(dialect),
  };
}

/** Applies every pending migration in order; returns the names applied (none when up to date). */
export const migrateToLatest = (storage: Storage): Promise<string[]> => migrate(storage);

/** Applies the pending migrations up to and including `name` (for tests of what a later one does to data). */
export const migrateUpTo = (storage: Storage, name: string): Promise<string[]> => migrate(storage, name);

/** The names of the migrations this code knows, in the order they apply. */
export const knownMigrations = (dialect: StorageDialect): string[] => Object.keys(migrations(dialect));

/**
 * The migrations this code knows that the database has not applied, in order (for `/readyz`). One query of
 * the migrator's bookkeeping table; an unreachable database, or one never migrated, rejects.
 */
export async function pendingMigrations({ db, dialect, schema }: Storage): Promise<string[]> {
  const table = sql.table(schema ? `${schema}.${DEFAULT_MIGRATION_TABLE}` : DEFAULT_MIGRATION_TABLE);
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  return knownMigrations(dialect).filter((name) => !applied.has(name));
}

async function migrate({ db, dialect, schema }: Storage, upTo?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours; on
  // PostgreSQL that is the connection's current schema (its search_path may come from the URL).
  const ownSchema = schema ?? (dialect.name === 'postgres' ? ((await currentSchema(db)) ?? undefined) : undefined);
  const migrator = new Migrator({ db, provider, ...(ownSchema ? { migrationTableSchema: ownSchema } : {}) });
  const { error, results } = await (upTo === undefined ? migrator.migrateToLatest() : migrator.migrateTo(upTo));
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'okänd';
    throw new Error(`Migreringen ${failed} misslyckades: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
