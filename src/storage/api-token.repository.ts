import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Role, RoleGrant } from '../domain/auth/roles.js';
import type { ApiTokenTable, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An API token as the owner sees it: never the token itself, which is not stored. */
export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  grant: RoleGrant;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toToken = (r: Selectable<ApiTokenTable>): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  grant: { role: r.role as Role, memberId: r.member_id, networkId: r.network_id },
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** API tokens, found by the SHA-256 of the token. Rows are kept after revocation. */
export const apiTokenRepository = (db: Db) => ({
  async insert(
    token: { userId: number; name: string; tokenHash: string; grant: RoleGrant },
    now: string,
  ): Promise<number> {
    const row = await db
      .insertInto('api_tokens')
      .values({
        user_id: token.userId,
        name: token.name,
        token_hash: token.tokenHash,
        role: token.grant.role,
        member_id: token.grant.memberId,
        network_id: token.grant.networkId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async byHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toToken(row);
  },

  async byId(id: number): Promise<ApiToken | undefined> {
    const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toToken(row);
  },

  /** The account's tokens, newest first. */
  async forUser(userId: number): Promise<ApiToken[]> {
    const rows = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toToken);
  },

  /** Sets revoked_at unless already revoked (the first revocation's time is kept). */
  async revoke(id: number, now: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },

  /** Records a use, unless one was recorded since `notBefore` (so a busy integration writes at most once a minute). */
  async touch(id: number, now: string, notBefore: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notBefore)]))
      .execute();
  },
});

export type ApiTokenRepository = ReturnType<typeof apiTokenRepository>;
