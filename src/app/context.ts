import type { Kysely, Transaction } from 'kysely';
import { SYSTEM, type Actor } from '../domain/auth/actor.js';
import type { Principal } from '../domain/auth/policies.js';
import { todayInSweden } from '../domain/dates.js';
import {
  oncePerRequest,
  oncePerVersion,
  sharingAuditHead,
  sharingCollaborationReads,
  sharingDecisionReads,
  sharingIndicatorReads,
  sharingPlanReads,
  sharingProgrammeReads,
  VersionedReads,
} from './shared-reads.js';
import type { Mailer } from '../mail/mailer.js';
import type { PasswordHashCost } from './auth/secrets.js';
import type { Storage } from '../storage/database.js';
import { apiTokenRepository } from '../storage/api-token.repository.js';
import { auditRepository } from '../storage/audit.repository.js';
import { collaborationRepository } from '../storage/collaboration.repository.js';
import { consultationRepository } from '../storage/consultation.repository.js';
import { decisionRepository } from '../storage/decision.repository.js';
import { eventRepository } from '../storage/event.repository.js';
import { followUpRepository } from '../storage/follow-up.repository.js';
import { goalIndicatorRepository } from '../storage/goal-indicator.repository.js';
import { indicatorRepository } from '../storage/indicator.repository.js';
import { decisionDocumentRepository } from '../storage/decision-document.repository.js';
import { jobRunRepository } from '../storage/job-run.repository.js';
import { koladaCatalogueRepository } from '../storage/kolada-catalogue.repository.js';
import { memoRepository } from '../storage/memo.repository.js';
import { progressRepository } from '../storage/progress.repository.js';
import { oidcRepository } from '../storage/oidc.repository.js';
import { planRepository } from '../storage/plan.repository.js';
import { programmeRepository } from '../storage/programme.repository.js';
import { sessionRepository } from '../storage/session.repository.js';
import { userRepository } from '../storage/user.repository.js';
import type { StorageDialect } from '../storage/dialect/dialect.js';
import type { Database } from '../storage/schema.js';

/** What every use case gets: storage, a clock (tests set the clock), who is acting and what they may do. */
export interface AppContext {
  storage: Storage;
  now: () => Date;
  actor: Actor;
  principal: Principal;
  /** Outgoing e-mail (SMTP_URL); absent when not configured. */
  mailer?: Mailer;
  /** argon2id's cost for new password hashes; absent means PASSWORD_HASH_COST (tests lower it). */
  passwordHashCost?: PasswordHashCost;
  /**
   * Set while a request that changes nothing (GET) is served: an object of that request's own, under
   * which its use cases share what they read of the cooperation and its programmes (src/app/shared-reads.ts).
   */
  readScope?: object;
}

/** The system itself (CLI, seed) may do everything. */
export const SYSTEM_PRINCIPAL: Principal = {
  signedIn: true,
  grants: [{ role: 'admin', memberId: null, networkId: null }],
};

export const createContext = (storage: Storage, now: () => Date = () => new Date()): AppContext => ({
  storage,
  now,
  actor: SYSTEM,
  principal: SYSTEM_PRINCIPAL,
});

/** The same context acting as someone else, with their rights (one per request). */
export const actingAs = (ctx: AppContext, actor: Actor, principal: Principal): AppContext => ({
  ...ctx,
  actor,
  principal,
});

export const repositories = (db: Kysely<Database> | Transaction<Database>, dialect: StorageDialect) => ({
  collaboration: collaborationRepository(db),
  programmes: programmeRepository(db),
  users: userRepository(db),
  sessions: sessionRepository(db),
  apiTokens: apiTokenRepository(db),
  oidc: oidcRepository(db),
  decisions: decisionRepository(db),
  audit: auditRepository(db, dialect),
  catalogue: koladaCatalogueRepository(db),
  indicators: indicatorRepository(db, dialect.name),
  goalIndicators: goalIndicatorRepository(db),
  plans: planRepository(db),
  followUp: followUpRepository(db),
  memos: memoRepository(db),
  consultations: consultationRepository(db),
  events: eventRepository(db),
  progress: progressRepository(db),
  jobRuns: jobRunRepository(db),
  decisionDocuments: decisionDocumentRepository(db),
});

export type Repositories = ReturnType<typeof repositories>;

/** The repositories of a database handle: they hold nothing but the handle, so one set serves every read. */
const repositoriesOf = new WeakMap<object, Repositories>();
/** What the requests that change nothing have read of a database, kept per data version (src/app/shared-reads.ts). */
const versionedReadsOf = new WeakMap<object, VersionedReads>();
/** Per request that changes nothing: the same, sharing what is read of the cooperation and its programmes. */
const repositoriesOfRequest = new WeakMap<object, Repositories>();

export const readRepos = (ctx: AppContext): Repositories => {
  const db = ctx.storage.db;
  let repos = repositoriesOf.get(db);
  if (!repos) repositoriesOf.set(db, (repos = repositories(db, ctx.storage.dialect)));
  const scope = ctx.readScope;
  if (!scope) return repos;
  let shared = repositoriesOfRequest.get(scope);
  if (!shared) {
    let store = versionedReadsOf.get(db);
    if (!store) versionedReadsOf.set(db, (store = new VersionedReads()));
    const audit = sharingAuditHead(repos.audit);
    const once = oncePerVersion(store, () => audit.headId());
    shared = {
      ...repos,
      audit,
      collaboration: sharingCollaborationReads(repos.collaboration, once),
      programmes: sharingProgrammeReads(repos.programmes, once),
      decisions: sharingDecisionReads(repos.decisions, once),
      indicators: sharingIndicatorReads(repos.indicators, once, oncePerRequest()),
      plans: sharingPlanReads(repos.plans, once),
    };
    repositoriesOfRequest.set(scope, shared);
  }
  return shared;
};

/** Runs `work` in one transaction: all of it is stored, or none of it. */
export const inTransaction = <T>(ctx: AppContext, work: (repos: Repositories) => Promise<T>): Promise<T> =>
  ctx.storage.db.transaction().execute((trx) => work(repositories(trx, ctx.storage.dialect)));

export const today = (ctx: AppContext): string => todayInSweden(ctx.now());
export const timestamp = (ctx: AppContext): string => ctx.now().toISOString();
