import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * API tokens for integrations: each acts for one account with one of that account's role grants.
 * Only the token's SHA-256 is stored; the token itself is shown once, when it is created. A revoked
 * token keeps its row (revoked_at set), so the list and the audit trail can still name it. Forward-only.
 */
export const apiTokens = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'integer', dialect.idColumn)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      // The grant the token acts with: one of the owner's own (role plus its member or network).
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('network_id', 'integer', (c) => c.references('networks.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_tokens_user_id_idx').on('api_tokens').column('user_id').execute();
  },
});
