/**
 * The hourly clearing on both databases: exactly what has expired goes — sessions past their end or idle
 * limit, used and expired sign-in links, old failed sign-ins, OpenID Connect flows never answered, old
 * flood-limit attempts, comments never confirmed whose link has expired (one audit event each; one a
 * report points at stays), finished job runs older than 90 days — and everything else stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/auth/users.js';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.js';
import { readRepos, type AppContext } from '../../src/app/context.js';
import { createLogger } from '../../src/http/logging.js';
import { clearExpired, clearedInWords } from '../../src/jobs/clear-expired.job.js';
import { jobDefinitions } from '../../src/jobs/job-definitions.js';
import { runJob } from '../../src/jobs/run-job.js';
import { consultationOn } from '../support/consultation.js';
import { openTestContext, TEST_NOW, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

const at = (offsetMs: number) => new Date(TEST_NOW.getTime() + offsetMs).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(testDialects)('clearing what has expired on %s', (dialect) => {
  let t: TestContext;
  let ctx: AppContext;
  let userId: number;
  let consultationId: number;
  let part: { kind: 'goal'; id: number };

  const db = () => ctx.storage.db;
  const column = async <T>(rows: Promise<T[]>) => (await rows).sort();

  beforeAll(async () => {
    t = await openTestContext(dialect);
    ctx = t.ctx;
    userId = await addUser(ctx, { email: 'rensning@test.invalid', name: 'Rensning', role: 'reader' });
    const fixture = await consultationOn(ctx, { startDate: '2026-11-01', endDate: '2026-12-31' });
    consultationId = fixture.consultation.id;
    const goal = fixture.programme.focusAreas.flatMap((a) => a.goals)[0]!;
    part = { kind: 'goal', id: goal.id };
  });
  afterAll(() => t?.close());

  async function session(name: string, lastSeen: number, expires: number) {
    await readRepos(ctx).sessions.insert(name, {
      userId,
      csrfToken: `csrf-${name}`,
      createdAt: at(-2 * HOUR),
      lastSeenAt: at(lastSeen),
      expiresAt: at(expires),
    });
  }

  async function comment(name: string, expires: number) {
    return readRepos(ctx).consultations.insertComment(
      {
        consultationId,
        part,
        displayName: name,
        email: `${name}@test.invalid`,
        body: `Kommentaren ${name}.`,
        tokenHash: `hash-${name}`,
        expiresAt: at(expires),
      },
      at(expires - 7 * DAY),
    );
  }

  it('removes exactly what has expired, and says what it removed', async () => {
    const repos = readRepos(ctx);
    // Sessions: idle limit 30 minutes, absolute end.
    await session('s-idle', -31 * MINUTE, 10 * HOUR);
    await session('s-ended', -MINUTE, -MINUTE);
    await session('s-live', -29 * MINUTE, HOUR);
    // One-time links: used, expired, still usable.
    await repos.sessions.insertLink('l-used', userId, at(-HOUR), at(HOUR));
    await repos.sessions.useLink('l-used', at(-HOUR));
    await repos.sessions.insertLink('l-expired', userId, at(-2 * DAY), at(-DAY));
    await repos.sessions.insertLink('l-live', userId, at(-HOUR), at(HOUR));
    // Failed sign-ins count for 15 minutes.
    await repos.sessions.recordFailure(['f-old'], at(-16 * MINUTE));
    await repos.sessions.recordFailure(['f-recent'], at(-14 * MINUTE));
    // OpenID Connect flows.
    const flow = (expires: number) => ({
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/',
      expiresAt: at(expires),
    });
    await repos.oidc.insertFlow('o-expired', flow(-MINUTE), at(-11 * MINUTE));
    await repos.oidc.insertFlow('o-live', flow(MINUTE), at(-9 * MINUTE));
    // Flood-limit attempts count for an hour.
    await repos.consultations.recordAttempt(['a-old'], at(-61 * MINUTE));
    await repos.consultations.recordAttempt(['a-recent'], at(-59 * MINUTE));
    // Comments: never confirmed with the link expired (two; a report points at one), link still valid,
    // and confirmed (published) whose link date has passed.
    const gone = await comment('c-expired', -MINUTE);
    const reported = await comment('c-reported', -MINUTE);
    await repos.consultations.insertReport(
      { commentId: reported.id, reason: 'other', details: '', reporterHash: 'r' },
      at(-2 * MINUTE),
    );
    const waiting = await comment('c-waiting', MINUTE);
    const confirmed = await comment('c-confirmed', -MINUTE);
    await repos.consultations.confirm('hash-c-confirmed', at(-DAY));
    // Job runs: finished 91 days ago, finished 89 days ago, started 91 days ago and never finished.
    for (const [days, finished] of [
      [91, true],
      [89, true],
      [91, false],
    ] as const) {
      const id = await repos.jobRuns.start({ job: 'clear-expired', startedAt: at(-days * DAY), instanceId: 'test' });
      if (finished)
        await repos.jobRuns.finish(id, { finishedAt: at(-days * DAY), outcome: 'ok', message: '', durationMs: 1 });
    }
    const auditBefore = await repos.audit.count();

    const counts = await clearExpired(ctx);
    expect(counts).toEqual({
      sessions: 2,
      signInLinks: 2,
      signInFailures: 1,
      oidcFlows: 1,
      floodAttempts: 1,
      unconfirmedComments: 1,
      jobRuns: 1,
    });
    expect(clearedInWords(counts)).toBe(
      'Borttaget: 2 inloggningar, 2 inloggningslänkar, 1 misslyckad inloggning, ' +
        '1 avbruten inloggning via OpenID Connect, 1 försök räknat mot översvämning, ' +
        '1 obekräftad kommentar, 1 gammal körning av jobben.',
    );

    expect(await column(db().selectFrom('sessions').select('token_hash').execute())).toEqual([
      { token_hash: 's-live' },
    ]);
    expect(await column(db().selectFrom('sign_in_links').select('token_hash').execute())).toEqual([
      { token_hash: 'l-live' },
    ]);
    expect(await db().selectFrom('sign_in_failures').select('key').execute()).toEqual([{ key: 'f-recent' }]);
    expect(await db().selectFrom('oidc_sign_in_flows').select('token_hash').execute()).toEqual([
      { token_hash: 'o-live' },
    ]);
    expect(await db().selectFrom('consultation_attempts').select('key').execute()).toEqual([{ key: 'a-recent' }]);
    const left = (await repos.consultations.comments(consultationId)).map((c) => c.id).sort((a, b) => a - b);
    expect(left).toEqual([reported.id, waiting.id, confirmed.id].sort((a, b) => a - b));
    expect(await repos.consultations.comment(gone.id)).toBeUndefined();
    const runs = await repos.jobRuns.recent('clear-expired', 10);
    expect(runs.map((r) => [r.startedAt, r.outcome])).toEqual([
      [at(-89 * DAY), 'ok'],
      [at(-91 * DAY), null],
    ]);

    expect(await repos.audit.count()).toBe(auditBefore + 1);
    const [event] = await repos.audit.list({ entityType: 'consultation_comment', entityId: String(gone.id) });
    expect(event).toMatchObject({
      action: 'consultation_comment.removed',
      actorName: 'samverkan',
      summary: 'En kommentar som aldrig bekräftades togs bort: bekräftelselänken gick ut efter 7 dagar.',
    });
    expect((await verifyAuditTrail(ctx)).ok).toBe(true);

    // Nothing left to clear: a second pass removes nothing and says so.
    const again = await clearExpired(ctx);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(clearedInWords(again)).toBe('Inget hade gått ut.');
  });

  it('as a job: the run is recorded with what it removed', async () => {
    await session('s-idle-2', -HOUR, HOUR);
    const job = jobDefinitions({
      schedules: { 'kolada-sync': null, 'late-report-reminders': null, 'clear-expired': null },
      kolada: {},
      publicUrl: 'http://localhost',
    }).find((j) => j.name === 'clear-expired')!;
    const run = await runJob(ctx, job, { logger: createLogger({ level: 'silent' }), instanceId: 'test-instans' });
    expect(run).toMatchObject({ outcome: 'ok', message: 'Borttaget: 1 inloggning.' });
    const [recorded] = await readRepos(ctx).jobRuns.recent('clear-expired', 1);
    expect(recorded).toMatchObject({
      id: run.runId,
      outcome: 'ok',
      message: 'Borttaget: 1 inloggning.',
      instanceId: 'test-instans',
      requestedBy: '',
      startedAt: TEST_NOW.toISOString(),
      finishedAt: TEST_NOW.toISOString(),
    });
    expect(recorded!.durationMs).toBeGreaterThanOrEqual(0);
  });
});
