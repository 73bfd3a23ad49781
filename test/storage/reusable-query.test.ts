/**
 * A query built and compiled once, then run with new values (src/storage/reusable-query.ts), and the
 * session lookup that uses it (sessions, their person and their roles in one statement), on both
 * databases.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories, type Repositories } from '../../src/app/context.js';
import { reusableQuery } from '../../src/storage/reusable-query.js';
import { openTestStorage, testDialects, type TestStorage } from '../support/databases.js';

const NOW = '2026-11-27T10:00:00.000Z';

describe.each(testDialects)('reusable queries on %s', (dialect) => {
  let storage: TestStorage;
  let repos: Repositories;

  beforeAll(async () => {
    storage = await openTestStorage(dialect);
    repos = repositories(storage.db, storage.dialect);
    for (const [email, name] of [
      ['a@test.invalid', 'Anna'],
      ['b@test.invalid', 'Bo'],
    ] as const)
      await storage.db
        .insertInto('users')
        .values({ email, name, status: 'active', password_hash: null, version: 1, created_at: NOW, updated_at: NOW })
        .execute();
  });
  afterAll(() => storage?.close());

  const byEmail = reusableQuery((db, email: string, limit: number) =>
    db.selectFrom('users').select(['name']).where('email', '=', email).limit(limit),
  );

  it('runs the statement with each call’s values, compiling it once', async () => {
    const executor = storage.db.getExecutor();
    const compile = executor.compileQuery.bind(executor);
    let compiled = 0;
    executor.compileQuery = (node, queryId) => {
      compiled++;
      return compile(node, queryId);
    };
    try {
      expect(await byEmail(storage.db, 'a@test.invalid', 1)).toEqual([{ name: 'Anna' }]);
      expect(await byEmail(storage.db, 'b@test.invalid', 1)).toEqual([{ name: 'Bo' }]);
      expect(await byEmail(storage.db, 'c@test.invalid', 1)).toEqual([]);
      expect(compiled).toBe(1);
    } finally {
      executor.compileQuery = compile;
    }
  });

  it('runs inside a transaction as on the database', async () => {
    const names = await storage.db
      .transaction()
      .execute(async (trx) => (await byEmail(trx, 'b@test.invalid', 1)).map((r) => r.name));
    expect(names).toEqual(['Bo']);
  });

  it('builds the query on every call where plugins are installed, so that they see every statement', async () => {
    let seen = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        seen++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = storage.db.withPlugin(counting);
    expect(await byEmail(db, 'a@test.invalid', 1)).toEqual([{ name: 'Anna' }]);
    expect(await byEmail(db, 'b@test.invalid', 1)).toEqual([{ name: 'Bo' }]);
    expect(seen).toBe(2);
  });

  it('refuses a query whose arguments are not each one value of the statement', async () => {
    const ignoring = reusableQuery((db, _email: string) => db.selectFrom('users').select(['name']));
    await expect(ignoring(storage.db, 'a@test.invalid')).rejects.toThrow(/every argument/);
  });

  describe('the session lookup', () => {
    const session = (userId: number, token: string) =>
      repos.sessions.insert(token, {
        userId,
        csrfToken: `csrf-${token}`,
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: '2026-11-27T22:00:00.000Z',
      });
    const idOf = async (email: string) =>
      (await storage.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

    it('gives the session and its person with every role, in the order they were given', async () => {
      const id = await idOf('a@test.invalid');
      await storage.db
        .insertInto('role_assignments')
        .values([
          { user_id: id, role: 'reader', member_id: null, network_id: null },
          { user_id: id, role: 'admin', member_id: null, network_id: null },
        ])
        .execute();
      await session(id, 'hash-a');
      const found = await repos.sessions.findWithUser('hash-a');
      expect(found?.session).toEqual({
        userId: id,
        csrfToken: 'csrf-hash-a',
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: '2026-11-27T22:00:00.000Z',
      });
      expect(found?.user).toEqual(await repos.users.byId(id));
      expect(found?.user.grants).toEqual([
        { role: 'reader', memberId: null, networkId: null },
        { role: 'admin', memberId: null, networkId: null },
      ]);
    });

    it('gives a person without roles with none, and nothing for an unknown token', async () => {
      const id = await idOf('b@test.invalid');
      await session(id, 'hash-b');
      expect((await repos.sessions.findWithUser('hash-b'))?.user).toMatchObject({ id, name: 'Bo', grants: [] });
      expect(await repos.sessions.findWithUser('no-such-hash')).toBeUndefined();
    });
  });
});
