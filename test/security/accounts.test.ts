import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordDecision } from '../../src/app/adoption/record-decision.js';
import { exportPersonalData } from '../../src/app/auth/personal-data.js';
import { resolveSession } from '../../src/app/auth/sessions.js';
import { signInWithLink } from '../../src/app/auth/sign-in.js';
import {
  addUser,
  disableUser,
  ensureFirstAdministrator,
  FIRST_ADMIN_EMAIL,
  listUsers,
  setPassword,
} from '../../src/app/auth/users.js';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.js';
import { actingAs, repositories } from '../../src/app/context.js';
import { DomainError } from '../../src/domain/errors.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { sessionFor } from '../support/sessions.js';

const codeOf = (e: unknown) => (e instanceof DomainError ? e.code : String(e));

describe.each(testDialects)('accounts on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestContext(dialect);
  });
  afterEach(() => t.close());

  it('creates the first administrator once, with a link that works once', async () => {
    const token = await ensureFirstAdministrator(t.ctx);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await ensureFirstAdministrator(t.ctx)).toBeNull();
    const users = await listUsers(t.ctx);
    expect(users.map((u) => [u.email, u.hasPassword, u.grants[0]!.role])).toEqual([
      [FIRST_ADMIN_EMAIL, false, 'admin'],
    ]);
    const session = await signInWithLink(t.ctx, token!);
    expect((await resolveSession(t.ctx, session))!.user.email).toBe(FIRST_ADMIN_EMAIL);
    expect(codeOf(await signInWithLink(t.ctx, token!).catch((e: unknown) => e))).toBe('unauthenticated');
  });

  it('creates the first administrator once when several instances start at the same moment', async () => {
    const tokens = await Promise.all([1, 2, 3].map(() => ensureFirstAdministrator(t.ctx)));
    expect(tokens.filter((token) => token !== null)).toHaveLength(1);
    expect((await listUsers(t.ctx)).map((u) => u.email)).toEqual([FIRST_ADMIN_EMAIL]);
  });

  it.each([
    [{ role: 'member_officer' }, 'member'],
    [{ role: 'member_officer', member: '0180' }, 'member'],
    [{ role: 'network_lead', network: 'finns-inte' }, 'network'],
    [{ role: 'superuser' }, 'role'],
    [{ email: 'inte en adress' }, 'email'],
    [{ password: 'kort' }, 'password'],
    [{ password: 'password1234' }, 'password'],
    [{ password: 'anna.andersson-hemligt' }, 'password'],
  ])('refuses an account %j on field %s and stores nothing', async (override, field) => {
    const error = await addUser(t.ctx, {
      email: 'anna.andersson@kommun.se',
      name: 'Anna Andersson',
      role: 'reader',
      ...override,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems.map((p) => p.field)).toContain(field);
    expect(await listUsers(t.ctx)).toEqual([]);
  });

  it('records account changes in the audit trail without personal data in the hashed fields', async () => {
    const officer = await sessionFor(t.ctx, 'member_officer', { member: '0127' });
    await setPassword(t.ctx, officer.email, 'korrekt häst batteri zebra');
    await disableUser(t.ctx, officer.email);
    const userId = (await listUsers(t.ctx)).find((u) => u.email === officer.email)!.id;
    const events = await repositories(t.storage.db, t.storage.dialect).audit.list({
      entityType: 'user',
      entityId: String(userId),
    });
    expect(events.map((e) => e.action)).toEqual(['user.created', 'user.password_changed', 'user.disabled']);
    const hashed = events.map((e) => `${e.beforeJson ?? ''}${e.afterJson ?? ''}${e.summary}`).join('');
    expect(hashed).not.toContain(officer.email);
    expect(hashed).not.toContain('korrekt');
    expect((await verifyAuditTrail(t.ctx)).ok).toBe(true);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    await addUser(t.ctx, { email: 'Anna@Kommun.se', name: 'Anna', role: 'reader' });
    const error = await addUser(t.ctx, { email: 'anna@kommun.se', name: 'Anna 2', role: 'reader' }).catch(
      (e: unknown) => e,
    );
    expect((error as DomainError).problems[0]!.field).toBe('email');
  });

  it('disabling an account ends its sessions and keeps its history', async () => {
    const officer = await sessionFor(t.ctx, 'member_officer', { member: '0127' });
    const signedIn = (await resolveSession(t.ctx, officer.token))!;
    const botkyrka = signedIn.user.grants[0]!.memberId!;
    await recordDecision(actingAs(t.ctx, signedIn.actor, signedIn.principal), 'sup-2023', {
      memberId: String(botkyrka),
      bodyKind: 'board',
      outcome: 'adopted',
      datePrecision: 'exact',
      date: '2023-06-01',
    });
    await disableUser(t.ctx, officer.email);
    expect(await resolveSession(t.ctx, officer.token)).toBeNull();
    const data = await exportPersonalData(t.ctx, officer.email);
    expect(data.account.status).toBe('disabled');
    expect(data.roles[0]).toMatchObject({ role: 'member_officer', member: 'Botkyrka' });
    expect(data.changes.map((c) => c.action)).toEqual(['decision.recorded']);
    expect(JSON.stringify(data)).not.toContain(officer.token);
  });

  it('lets only administrators manage accounts, and a person export only their own data', async () => {
    const reader = await sessionFor(t.ctx, 'reader');
    const other = await sessionFor(t.ctx, 'reader');
    const me = (await resolveSession(t.ctx, reader.token))!;
    const asReader = actingAs(t.ctx, me.actor, me.principal);
    expect(codeOf(await listUsers(asReader).catch((e: unknown) => e))).toBe('forbidden');
    expect(
      codeOf(await addUser(asReader, { email: 'x@y.se', name: 'X', role: 'admin' }).catch((e: unknown) => e)),
    ).toBe('forbidden');
    expect((await exportPersonalData(asReader, reader.email)).account.email).toBe(reader.email);
    expect(codeOf(await exportPersonalData(asReader, other.email).catch((e: unknown) => e))).toBe('forbidden');
  });
});
