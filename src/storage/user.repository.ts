import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Role, RoleGrant } from '../domain/auth/roles.js';
import type { User, UserStatus, UserWithGrants } from '../domain/auth/user.js';
import type { Database, UserTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = ['id', 'email', 'name', 'status', 'password_hash', 'version', 'created_at', 'updated_at'] as const;

export const toUser = (r: Selectable<UserTable>): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  status: r.status as UserStatus,
  hasPassword: r.password_hash !== null,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A role assignment row as a grant. */
export const toGrant = (g: { role: string; member_id: number | null; network_id: number | null }): RoleGrant => ({
  role: g.role as Role,
  memberId: g.member_id,
  networkId: g.network_id,
});

/** Accounts and their role grants. Emails are stored lower-cased (one account per address). */
export const userRepository = (db: Db) => ({
  async count(): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async byId(id: number): Promise<UserWithGrants | undefined> {
    const row = await db.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && { ...toUser(row), grants: await this.grants(row.id) };
  },

  async byEmail(email: string): Promise<(UserWithGrants & { passwordHash: string | null }) | undefined> {
    const row = await db
      .selectFrom('users')
      .select(COLUMNS)
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row && { ...toUser(row), passwordHash: row.password_hash, grants: await this.grants(row.id) };
  },

  async list(): Promise<UserWithGrants[]> {
    const rows = await db.selectFrom('users').select(COLUMNS).orderBy('email').execute();
    const grants = await db.selectFrom('role_assignments').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      ...toUser(r),
      grants: grants.filter((g) => g.user_id === r.id).map(toGrant),
    }));
  },

  async grants(userId: number): Promise<RoleGrant[]> {
    const rows = await db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map(toGrant);
  },

  async insert(user: { email: string; name: string; passwordHash: string | null }, now: string): Promise<number> {
    const row = await db
      .insertInto('users')
      .values({
        email: user.email.toLowerCase(),
        name: user.name,
        password_hash: user.passwordHash,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async grant(userId: number, grant: RoleGrant): Promise<void> {
    await db
      .insertInto('role_assignments')
      .values({ user_id: userId, role: grant.role, member_id: grant.memberId, network_id: grant.networkId })
      .execute();
  },

  async setPasswordHash(userId: number, passwordHash: string, now: string): Promise<void> {
    await db
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', userId)
      .execute();
  },

  async setStatus(userId: number, status: UserStatus, now: string): Promise<void> {
    await db
      .updateTable('users')
      .set((eb) => ({ status, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', userId)
      .execute();
  },
});

export type UserRepository = ReturnType<typeof userRepository>;
