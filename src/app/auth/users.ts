import { z } from 'zod';
import { passwordProblem } from '../../domain/auth/passwords.js';
import { ROLE_LABELS, ROLE_SCOPE, ROLES, type RoleGrant } from '../../domain/auth/roles.js';
import { accountSnapshot } from '../../domain/audit/snapshots.js';
import { recordEvent } from '../audit/record-event.js';
import { notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { UserWithGrants } from '../../domain/auth/user.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import { optionalText, parseInput, requiredText } from '../input.js';
import { authorize } from './authorize.js';
import { hashPassword, hashToken, isCommonPassword, randomToken } from './secrets.js';

/** A one-time sign-in link is valid this long. */
export const SIGN_IN_LINK_MS = 24 * 60 * 60 * 1000;

const newUserInput = z.object({
  email: requiredText(320, 'E-postadressen').pipe(
    z.email({ error: 'Skriv en giltig e-postadress, till exempel namn@kommun.se.' }),
  ),
  name: requiredText(200, 'Namnet'),
  role: z.enum(ROLES as [string, ...string[]], { error: `Välj en roll: ${ROLES.join(', ')}.` }),
  /** SCB code of the member, for member_officer. */
  member: optionalText(4, 'Kommunkod'),
  /** Key of the network, for network roles. */
  network: optionalText(100, 'Nätverk'),
  password: optionalText(1024, 'Lösenordet'),
});

function checkPassword(password: string, context: string[]): FieldProblem[] {
  const problem = passwordProblem(password, isCommonPassword, context);
  return problem ? [{ field: 'password', message: problem }] : [];
}

async function resolveGrant(repos: Repositories, input: z.output<typeof newUserInput>): Promise<RoleGrant> {
  const collaboration = await currentCollaboration(repos);
  const role = input.role as RoleGrant['role'];
  const scope = ROLE_SCOPE[role];
  if (scope === 'member') {
    const member = (await repos.collaboration.members(collaboration.id)).find((m) => m.code === input.member);
    if (!member)
      throw validationFailed([{ field: 'member', message: 'Ange kommunkoden för en av medlemskommunerna.' }]);
    return { role, memberId: member.id, networkId: null };
  }
  if (scope === 'network') {
    const network = (await repos.collaboration.networks(collaboration.id)).find((n) => n.key === input.network);
    if (!network)
      throw validationFailed([{ field: 'network', message: 'Ange nyckeln för ett av samverkans nätverk.' }]);
    return { role, memberId: null, networkId: network.id };
  }
  return { role, memberId: null, networkId: null };
}

function recordAccountCreated(ctx: AppContext, repos: Repositories, id: number, grant: RoleGrant) {
  return recordEvent(ctx, repos, {
    action: 'user.created',
    entityType: 'user',
    entityId: id,
    summary: `Kontot skapades med rollen ${ROLE_LABELS[grant.role].toLowerCase()}.`,
    before: null,
    after: accountSnapshot({ status: 'active', grants: [grant] }),
  });
}

/** Adds an account with one role. A password is optional: without one, the person signs in by link. */
export async function addUser(ctx: AppContext, raw: unknown): Promise<number> {
  authorize(ctx, 'manage_users');
  const input = parseInput(newUserInput, raw);
  if (input.password) {
    const problems = checkPassword(input.password, [input.email.split('@')[0]!, input.name]);
    if (problems.length) throw validationFailed(problems);
  }
  const passwordHash = input.password ? await hashPassword(input.password, ctx.passwordHashCost) : null;
  return inTransaction(ctx, async (repos) => {
    if (await repos.users.byEmail(input.email)) {
      throw validationFailed([{ field: 'email', message: 'Det finns redan ett konto med den e-postadressen.' }]);
    }
    const grant = await resolveGrant(repos, input);
    const id = await repos.users.insert({ email: input.email, name: input.name, passwordHash }, timestamp(ctx));
    await repos.users.grant(id, grant);
    await recordAccountCreated(ctx, repos, id, grant);
    return id;
  });
}

export async function listUsers(ctx: AppContext): Promise<UserWithGrants[]> {
  authorize(ctx, 'manage_users');
  return readRepos(ctx).users.list();
}

async function userByEmail(repos: Repositories, email: string) {
  const user = await repos.users.byEmail(email);
  if (!user) throw notFound('Kontot');
  return user;
}

/** Disables an account and ends its sessions. The account stays, so history keeps naming it. */
export async function disableUser(ctx: AppContext, email: string): Promise<void> {
  authorize(ctx, 'manage_users');
  await inTransaction(ctx, async (repos) => {
    const user = await userByEmail(repos, email);
    await repos.users.setStatus(user.id, 'disabled', timestamp(ctx));
    await repos.sessions.removeForUser(user.id);
    await recordEvent(ctx, repos, {
      action: 'user.disabled',
      entityType: 'user',
      entityId: user.id,
      summary: 'Kontot stängdes av.',
      before: accountSnapshot(user),
      after: accountSnapshot({ ...user, status: 'disabled' }),
    });
  });
}

/** Sets a new password (checked against the rules) and ends every session of the account. */
export async function setPassword(ctx: AppContext, email: string, password: string): Promise<void> {
  const repos = readRepos(ctx);
  const user = await userByEmail(repos, email);
  if (!(ctx.actor.kind === 'user' && ctx.actor.userId === user.id)) authorize(ctx, 'manage_users');
  const problems = checkPassword(password, [user.email.split('@')[0]!, user.name]);
  if (problems.length) throw validationFailed(problems);
  const hash = await hashPassword(password, ctx.passwordHashCost);
  await inTransaction(ctx, async (trx) => {
    await trx.users.setPasswordHash(user.id, hash, timestamp(ctx));
    await trx.sessions.removeForUser(user.id);
    // The event says that the password changed, never anything about it.
    await recordEvent(ctx, trx, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      summary: 'Lösenordet byttes; kontots alla sessioner avslutades.',
      before: { password: user.hasPassword ? 'satt' : 'inget' },
      after: { password: 'nytt' },
    });
  });
}

/** A one-time sign-in link token for an account (shown once; only its hash is kept). */
export async function createSignInLink(ctx: AppContext, email: string): Promise<string> {
  authorize(ctx, 'manage_users');
  const token = randomToken();
  await inTransaction(ctx, async (repos) => {
    const user = await userByEmail(repos, email);
    const now = ctx.now().getTime();
    await repos.sessions.insertLink(
      hashToken(token),
      user.id,
      new Date(now).toISOString(),
      new Date(now + SIGN_IN_LINK_MS).toISOString(),
    );
  });
  return token;
}

export const FIRST_ADMIN_EMAIL = 'administrator@samverkan.invalid';

/**
 * On the first start of a database without accounts: an administrator account with no password and
 * a one-time sign-in link for it (printed by the server). Returns the link token, or null if accounts exist.
 */
export async function ensureFirstAdministrator(ctx: AppContext): Promise<string | null> {
  const exists = await inTransaction(ctx, async (repos) => {
    if ((await repos.users.count()) > 0) return true;
    const id = await repos.users.insert(
      { email: FIRST_ADMIN_EMAIL, name: 'Administratör', passwordHash: null },
      timestamp(ctx),
    );
    const grant: RoleGrant = { role: 'admin', memberId: null, networkId: null };
    await repos.users.grant(id, grant);
    await recordAccountCreated(ctx, repos, id, grant);
    return false;
  }).catch((error: unknown) => {
    // Another instance starting at the same moment on the same database created it first.
    if (ctx.storage.dialect.isUniqueViolation(error)) return true;
    throw error;
  });
  return exists ? null : createSignInLink(ctx, FIRST_ADMIN_EMAIL);
}
