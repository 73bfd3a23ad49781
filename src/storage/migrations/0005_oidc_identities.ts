import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * OpenID Connect sign-in. `oidc_identities` links a person at an identity provider (issuer and
 * subject, which the provider never reuses) to an account an administrator created; at most one
 * account per identity. `oidc_sign_in_flows` holds a sign-in under way between the redirect to the
 * provider and its answer: state, nonce and PKCE verifier, keyed by the SHA-256 of a random token
 * in a short-lived cookie, and deleted when the answer comes (or when it expires). Forward-only.
 */
export const oidcIdentities = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('oidc_identities')
      .addColumn('id', 'integer', dialect.idColumn)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('oidc_identities_issuer_subject_key', ['issuer', 'subject'])
      .execute();
    await db.schema.createIndex('oidc_identities_user_id_idx').on('oidc_identities').column('user_id').execute();

    await db.schema
      .createTable('oidc_sign_in_flows')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      // The same-site path to return to after sign-in.
      .addColumn('return_to', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('oidc_sign_in_flows_expires_at_idx')
      .on('oidc_sign_in_flows')
      .column('expires_at')
      .execute();
  },
});
