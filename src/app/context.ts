import type { Kysely, Transaction } from 'kysely';
import { SYSTEM, type Actor } from '../domain/auth/actor.js';
import { todayInSweden } from '../domain/dates.js';
import type { Storage } from '../storage/database.js';
import { collaborationRepository } from '../storage/collaboration.repository.js';
import { decisionRepository } from '../storage/decision.repository.js';
import { programmeRepository } from '../storage/programme.repository.js';
import type { Database } from '../storage/schema.js';

/** What every use case gets: storage, a clock (tests set the clock) and who is acting. */
export interface AppContext {
  storage: Storage;
  now: () => Date;
  actor: Actor;
}

export const createContext = (
  storage: Storage,
  now: () => Date = () => new Date(),
  actor: Actor = SYSTEM,
): AppContext => ({
  storage,
  now,
  actor,
});

/** The same context acting as someone else (one per request). */
export const actingAs = (ctx: AppContext, actor: Actor): AppContext => ({ ...ctx, actor });

export const repositories = (db: Kysely<Database> | Transaction<Database>) => ({
  collaboration: collaborationRepository(db),
  programmes: programmeRepository(db),
  decisions: decisionRepository(db),
});

export type Repositories = ReturnType<typeof repositories>;

export const readRepos = (ctx: AppContext): Repositories => repositories(ctx.storage.db);

/** Runs `work` in one transaction: all of it is stored, or none of it. */
export const inTransaction = <T>(ctx: AppContext, work: (repos: Repositories) => Promise<T>): Promise<T> =>
  ctx.storage.db.transaction().execute((trx) => work(repositories(trx)));

export const today = (ctx: AppContext): string => todayInSweden(ctx.now());
export const timestamp = (ctx: AppContext): string => ctx.now().toISOString();
