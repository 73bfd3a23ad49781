import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface OidcIdentity {
  userId: number;
  issuer: string;
  subject: string;
  createdAt: string;
}

/** What a sign-in under way must remember between the redirect to the provider and its answer. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: string;
}

const toIdentity = (r: { user_id: number; issuer: string; subject: string; created_at: string }): OidcIdentity => ({
  userId: r.user_id,
  issuer: r.issuer,
  subject: r.subject,
  createdAt: r.created_at,
});

/** OpenID Connect identities linked to accounts, and sign-ins under way (keyed by a token hash). */
export const oidcRepository = (db: Db) => ({
  async identity(issuer: string, subject: string): Promise<OidcIdentity | undefined> {
    const row = await db
      .selectFrom('oidc_identities')
      .selectAll()
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row && toIdentity(row);
  },

  async identitiesOf(userId: number): Promise<OidcIdentity[]> {
    const rows = await db
      .selectFrom('oidc_identities')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map(toIdentity);
  },

  /** Links an identity to an account; false when the identity was linked already (by a sign-in at the same moment). */
  async link(identity: OidcIdentity): Promise<boolean> {
    const result = await db
      .insertInto('oidc_identities')
      .values({
        user_id: identity.userId,
        issuer: identity.issuer,
        subject: identity.subject,
        created_at: identity.createdAt,
      })
      .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async insertFlow(tokenHash: string, flow: OidcFlow, now: string): Promise<void> {
    await db
      .insertInto('oidc_sign_in_flows')
      .values({
        token_hash: tokenHash,
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.codeVerifier,
        return_to: flow.returnTo,
        created_at: now,
        expires_at: flow.expiresAt,
      })
      .execute();
  },

  /**
   * Removes the flow and returns it if it had not expired: each flow is answered at most once, even
   * when the same answer arrives twice at the same moment (only one DELETE gets the row).
   */
  async takeFlow(tokenHash: string, now: string): Promise<OidcFlow | undefined> {
    const row = await db
      .deleteFrom('oidc_sign_in_flows')
      .where('token_hash', '=', tokenHash)
      .returning(['state', 'nonce', 'code_verifier', 'return_to', 'expires_at'])
      .executeTakeFirst();
    if (!row || row.expires_at <= now) return undefined;
    return {
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      returnTo: row.return_to,
      expiresAt: row.expires_at,
    };
  },

  /** Flows never answered (the person closed the window); returns how many were removed. */
  async removeExpiredFlows(now: string): Promise<number> {
    const result = await db.deleteFrom('oidc_sign_in_flows').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
});

export type OidcRepository = ReturnType<typeof oidcRepository>;
