import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * Accounts, their roles per member and network, server-side sessions, one-time sign-in links
 * and the failed sign-ins that throttling counts. Forward-only.
 */
export const accountsAndSessions = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = dialect.idColumn;

    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', id)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      // Null for accounts that sign in only through the organisation's identity provider.
      .addColumn('password_hash', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('role_assignments')
      .addColumn('id', 'integer', id)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('network_id', 'integer', (c) => c.references('networks.id'))
      .execute();
    await db.schema.createIndex('role_assignments_user_id_idx').on('role_assignments').column('user_id').execute();

    // The cookie carries a random token; only its SHA-256 is stored, so a database leak opens no session.
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('sign_in_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await db.schema
      .createTable('sign_in_failures')
      .addColumn('id', 'integer', id)
      // "account:<email>" or "address:<ip>": throttling counts both.
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sign_in_failures_key_idx')
      .on('sign_in_failures')
      .columns(['key', 'occurred_at'])
      .execute();
  },
});
