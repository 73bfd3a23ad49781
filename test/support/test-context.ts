/**
 * The application context as the tests use it, apart from any database helper so that the global setup
 * (which builds the database templates) can use it too.
 */
import type { PasswordHashCost } from '../../src/app/auth/secrets.js';
import { createContext, type AppContext } from '../../src/app/context.js';
import type { Storage } from '../../src/storage/database.js';

/** The date the tests live on, so statuses do not change with the calendar. */
export const TEST_NOW = new Date('2026-11-27T10:00:00Z');

/**
 * argon2id at its smallest cost: a password hash in about a millisecond instead of a tenth of a
 * second or more. What is tested is the rules around the hash, not its strength; one test
 * (test/security/passwords.test.ts) checks that a context without this override stores the real cost.
 */
export const TEST_PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 1024, timeCost: 1 };

/** A context on `storage` as the tests use it: the test clock and cheap password hashes. */
export const createTestContext = (storage: Storage, now: () => Date = () => TEST_NOW): AppContext => ({
  ...createContext(storage, now),
  passwordHashCost: TEST_PASSWORD_HASH_COST,
});
