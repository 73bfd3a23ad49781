import type { Kysely, Transaction } from 'kysely';
import type { UserWithGrants } from '../domain/auth/user.js';
import { reusableQuery } from './reusable-query.js';
import { toGrant, toUser } from './user.repository.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A session with its person and their roles in one statement (a row per role, or one with none), built
 * once: every signed-in request runs it.
 */
const sessionWithUser = reusableQuery((db: Db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_assignments', 'role_assignments.user_id', 'users.id')
    .select([
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.email',
      'users.name',
      'users.status',
      'users.password_hash',
      'users.version',
      'users.created_at',
      'users.updated_at',
      'role_assignments.role',
      'role_assignments.member_id',
      'role_assignments.network_id',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .orderBy('role_assignments.id'),
);

export interface SessionRecord {
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** Server-side sessions, one-time sign-in links and failed sign-ins. Tokens are stored only as hashes. */
export const sessionRepository = (db: Db) => ({
  async insert(tokenHash: string, s: SessionRecord): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        expires_at: s.expiresAt,
      })
      .execute();
  },

  async find(tokenHash: string): Promise<SessionRecord | undefined> {
    const r = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return (
      r && {
        userId: r.user_id,
        csrfToken: r.csrf_token,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
      }
    );
  },

  /** The session and the person it belongs to, with their roles; undefined for an unknown token. */
  async findWithUser(tokenHash: string): Promise<{ session: SessionRecord; user: UserWithGrants } | undefined> {
    const rows = await sessionWithUser(db, tokenHash);
    const r = rows[0];
    if (!r) return undefined;
    return {
      session: {
        userId: r.user_id,
        csrfToken: r.csrf_token,
        createdAt: r.session_created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
      },
      user: {
        ...toUser({ ...r, id: r.user_id }),
        grants: rows.flatMap((g) => (g.role === null ? [] : [toGrant({ ...g, role: g.role })])),
      },
    };
  },

  async touch(tokenHash: string, now: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  },

  async remove(tokenHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  },

  async removeForUser(userId: number): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },

  /** Sessions past their absolute end or idle limit; returns how many were removed. */
  async removeExpired(now: string, idleSince: string): Promise<number> {
    const result = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async insertLink(tokenHash: string, userId: number, now: string, expiresAt: string): Promise<void> {
    await db
      .insertInto('sign_in_links')
      .values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt })
      .execute();
  },

  /** Marks an unused, unexpired link used and returns its user; undefined when it is not usable. */
  async useLink(tokenHash: string, now: string): Promise<number | undefined> {
    const result = await db
      .updateTable('sign_in_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    return result?.user_id;
  },

  /** Links used or past their end: none can sign anyone in any more; returns how many were removed. */
  async removeSpentLinks(now: string): Promise<number> {
    const result = await db
      .deleteFrom('sign_in_links')
      .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async recordFailure(keys: string[], now: string): Promise<void> {
    await db
      .insertInto('sign_in_failures')
      .values(keys.map((key) => ({ key, occurred_at: now })))
      .execute();
  },

  async failuresSince(key: string, since: string): Promise<number> {
    const row = await db
      .selectFrom('sign_in_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('occurred_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Failed sign-ins older than any throttling window counts; returns how many were removed. */
  async removeFailuresBefore(before: string): Promise<number> {
    const result = await db.deleteFrom('sign_in_failures').where('occurred_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async clearFailures(key: string): Promise<void> {
    await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
  },
});

export type SessionRepository = ReturnType<typeof sessionRepository>;
