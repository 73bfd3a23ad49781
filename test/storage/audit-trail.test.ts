/**
 * The audit trail on both databases: every write use case appends exactly one event in its own
 * transaction, a refused change appends none, the table refuses UPDATE and DELETE, a row altered
 * behind the triggers' back breaks the chain, and concurrent writers never fork it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDecision } from '../../src/app/adoption/record-decision.js';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.js';
import { readRepos, type AppContext } from '../../src/app/context.js';
import * as change from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { proposeProgramme } from '../../src/app/programmes/propose-programme.js';
import type { AuditRecord } from '../../src/domain/audit/audit-event.js';
import { parseSnapshot } from '../../src/domain/audit/snapshots.js';
import { goalsOf, type Programme } from '../../src/domain/programme/programme.js';
import { createDb } from '../../src/storage/database.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

/**
 * The demo's events: the cooperation, 5 programmes, 18 decisions, 5 indicators, their values and a goal
 * link (31), and the example plans (40): 3 plans, 10 activities, 3 committee decisions, 6 follow-up rounds
 * and 18 reports.
 */
const DEMO_EVENTS = 74;

async function allEvents(ctx: AppContext): Promise<AuditRecord[]> {
  const events: AuditRecord[] = [];
  for await (const event of readRepos(ctx).audit.all()) events.push(event);
  return events;
}

const decision = (memberCode: string, date = '2026-11-20') => ({
  memberCode,
  bodyKind: 'board',
  datePrecision: 'exact',
  date,
  paragraph: '§ 12',
  outcome: 'adopted',
  note: '',
  source: 'Protokoll',
});

describe.each(testDialects)('audit trail of the write use cases on %s', (dialect) => {
  let t: TestContext;
  let slug: string;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  const programme = async (): Promise<Programme> => (await getProgramme(t.ctx, slug)).programme;

  /** Runs `work` and expects exactly one new event, matching `expected`; returns it and the result. */
  async function oneEvent<T>(expected: Partial<AuditRecord>, work: () => Promise<T>) {
    const before = await readRepos(t.ctx).audit.count();
    const result = await work();
    const events = await allEvents(t.ctx);
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event).toMatchObject({ id: before + 1, ...expected });
    return { result, event, before: parseSnapshot(event.beforeJson), after: parseSnapshot(event.afterJson) };
  }

  /** Runs `work`, expects it to fail, and expects the trail unchanged. */
  async function noEvent(work: () => Promise<unknown>, code: string) {
    const before = await readRepos(t.ctx).audit.count();
    await expect(work()).rejects.toMatchObject({ code });
    expect(await readRepos(t.ctx).audit.count()).toBe(before);
  }

  it('the demo seed leaves a verified chain with one event per record', async () => {
    const events = await allEvents(t.ctx);
    expect(events.map((e) => e.action)).toEqual([
      'collaboration.created',
      ...Array<string>(5).fill('programme.created'),
      ...Array<string>(18).fill('decision.recorded'),
      ...Array<string>(5).fill('indicator.defined'),
      'indicator_values.imported',
      'goal_indicator.linked',
      // The example plans: each plan, its activities and its decision; then the rounds and the reports.
      'plan.created',
      ...Array<string>(4).fill('activity.added'),
      'plan_decision.recorded',
      'plan.created',
      ...Array<string>(2).fill('activity.added'),
      'plan_decision.recorded',
      'plan.created',
      ...Array<string>(4).fill('activity.added'),
      'plan_decision.recorded',
      ...Array<string>(6).fill('follow_up_round.created'),
      ...Array<string>(18).fill('activity_report.saved'),
      // The events the sources name (src/seed/demo-events.ts).
      ...Array<string>(3).fill('event.created'),
    ]);
    expect(events.every((e) => e.actorKind === 'system' && e.actorName === 'samverkan')).toBe(true);
    expect(await verifyAuditTrail(t.ctx)).toMatchObject({ ok: true, count: DEMO_EVENTS });
  });

  it('createDraft records the whole new programme as after, with no before', async () => {
    const { result, event, after } = await oneEvent(
      { action: 'programme.created', entityType: 'programme', beforeJson: null, summary: 'Skapade utkastet ”Prov”.' },
      () => createDraft(t.ctx, { name: 'Prov' }),
    );
    slug = result.slug;
    expect(event.entityId).toBe(String((await programme()).id));
    expect(after).toMatchObject({ name: 'Prov', state: 'draft', slug });
  });

  it('updateProgrammeFields records only the changed fields', async () => {
    const p = await programme();
    const { before, after, event } = await oneEvent({ action: 'programme.updated' }, () =>
      change.updateProgrammeFields(t.ctx, slug, p.version, {
        name: 'Prov 2039',
        targetYear: '2039',
        validFromYear: '2027',
        validToYear: '2030',
        vision: '',
        overarchingGoal: '',
        note: '',
      }),
    );
    expect(before).toEqual({ name: 'Prov', targetYear: null, validFromYear: null, validToYear: null });
    expect(after).toEqual({ name: 'Prov 2039', targetYear: 2039, validFromYear: 2027, validToYear: 2030 });
    expect(event.summary).toBe(
      'Utkastet ”Prov 2039”: ändrade namn, målår, giltighetens första år och giltighetens sista år.',
    );
  });

  it('each perspective change is one event naming the perspective', async () => {
    let p = await programme();
    const added = await oneEvent({ action: 'programme.updated' }, () =>
      change.addPerspective(t.ctx, slug, p.version, { name: 'Jämlikhet', description: 'För alla' }),
    );
    expect(added.event.summary).toBe('Utkastet ”Prov 2039”: lade till perspektivet ”Jämlikhet”.');
    p = await programme();
    const id = p.perspectives.find((x) => x.name === 'Jämlikhet')!.id;
    const updated = await oneEvent({ action: 'programme.updated' }, () =>
      change.updatePerspective(t.ctx, slug, p.version, id, { name: 'Jämlikhet', description: 'För alla, överallt' }),
    );
    // The unchanged name is kept beside the changed description, so the event reads on its own.
    expect(updated.before).toEqual({
      [`perspectives.${id}.name`]: 'Jämlikhet',
      [`perspectives.${id}.description`]: 'För alla',
    });
    p = await programme();
    const removed = await oneEvent({ action: 'programme.updated' }, () =>
      change.removePerspective(t.ctx, slug, p.version, id),
    );
    expect(removed.event.summary).toBe('Utkastet ”Prov 2039”: tog bort perspektivet ”Jämlikhet”.');
    expect(removed.after).toEqual({});
  });

  it('each focus area and goal change is one event', async () => {
    let p = await programme();
    const { result: areaId } = await oneEvent({ action: 'programme.updated' }, () =>
      change.addFocusArea(t.ctx, slug, p.version, { name: 'Infrastruktur', description: '' }),
    );
    p = await programme();
    await oneEvent({ action: 'programme.updated' }, () =>
      change.addFocusArea(t.ctx, slug, p.version, { name: 'Klimat', description: '' }),
    );
    p = await programme();
    const moved = await oneEvent({ action: 'programme.updated' }, () =>
      change.moveFocusArea(t.ctx, slug, p.version, areaId, 'down'),
    );
    expect(moved.event.summary).toBe('Utkastet ”Prov 2039”: ändrade ordningen av fokusområdena.');
    p = await programme();
    await oneEvent({ action: 'programme.updated' }, () =>
      change.updateFocusArea(t.ctx, slug, p.version, areaId, { name: 'Infrastruktur och bostäder', description: '' }),
    );
    p = await programme();
    const [first, second] = p.perspectives;
    const goal = {
      focusAreaId: String(areaId),
      title: 'Snabbare kollektivtrafik',
      description: '',
      networkId: '',
      strategies: 'Bygga ut\nSamordna',
      statements: { [String(first!.id)]: 'Fler reser hållbart', [String(second!.id)]: 'Mindre utsläpp' },
    };
    const { result: goalId, after } = await oneEvent({ action: 'programme.updated' }, () =>
      change.addGoal(t.ctx, slug, p.version, goal),
    );
    expect(after).toMatchObject({ [`goals.${goalId}.strategies`]: ['Bygga ut', 'Samordna'] });
    p = await programme();
    await oneEvent({ action: 'programme.updated' }, () =>
      change.updateGoal(t.ctx, slug, p.version, goalId, { ...goal, title: 'Snabbare och tätare kollektivtrafik' }),
    );
    p = await programme();
    const other = await oneEvent({ action: 'programme.updated' }, () =>
      change.addGoal(t.ctx, slug, p.version, { ...goal, title: 'Ett mål att ta bort' }),
    );
    p = await programme();
    await oneEvent({ action: 'programme.updated' }, () => change.removeGoal(t.ctx, slug, p.version, other.result));
    p = await programme();
    const klimat = p.focusAreas.find((a) => a.name === 'Klimat')!;
    const removedArea = await oneEvent({ action: 'programme.updated' }, () =>
      change.removeFocusArea(t.ctx, slug, p.version, klimat.id),
    );
    expect(removedArea.event.summary).toBe('Utkastet ”Prov 2039”: tog bort fokusområdet ”Klimat”.');
    expect(goalsOf(await programme()).map((g) => g.title)).toEqual(['Snabbare och tätare kollektivtrafik']);
  });

  it('refused or stale changes record nothing', async () => {
    const p = await programme();
    await noEvent(() => change.addFocusArea(t.ctx, slug, p.version - 1, { name: 'Sent', description: '' }), 'conflict');
    await noEvent(
      () => change.addGoal(t.ctx, slug, p.version, { focusAreaId: '999999', title: 'x', description: '' }),
      'validation_failed',
    );
    await noEvent(() => recordDecision(t.ctx, slug, decision('0127')), 'not_proposed');
    await noEvent(() => change.removeGoal(t.ctx, slug, p.version, 999999), 'not_found');
  });

  it('proposeProgramme records one programme.proposed event; a refused proposal none', async () => {
    let p = await programme();
    const area = p.focusAreas[0]!;
    await change.addGoal(t.ctx, slug, p.version, { focusAreaId: String(area.id), title: 'Utan redovisning' });
    p = await programme();
    await noEvent(() => proposeProgramme(t.ctx, slug, p.version), 'not_proposable');
    await change.removeGoal(t.ctx, slug, p.version, goalsOf(p).find((g) => g.title === 'Utan redovisning')!.id);
    p = await programme();
    const { before, after, event } = await oneEvent({ action: 'programme.proposed' }, () =>
      proposeProgramme(t.ctx, slug, p.version),
    );
    expect(event.summary).toBe('Föreslog ”Prov 2039” för beslut.');
    expect([before, after]).toEqual([{ state: 'draft' }, { state: 'proposed' }]);
  });

  it('recordDecision records the decision; a refused decision records nothing', async () => {
    const { result, event, after } = await oneEvent({ action: 'decision.recorded', entityType: 'decision' }, () =>
      recordDecision(t.ctx, slug, decision('0127')),
    );
    expect(event.entityId).toBe(String(result.id));
    expect(event.summary).toBe(
      'Registrerade beslut om ”Prov 2039”: Kommunstyrelsen i Botkyrka – antaget, 2026-11-20, § 12.',
    );
    expect(after).toMatchObject({ outcome: 'adopted', decidedOn: '2026-11-20', paragraph: '§ 12' });
    await noEvent(() => recordDecision(t.ctx, slug, decision('0180')), 'foreign_member');
    await noEvent(() => recordDecision(t.ctx, slug, decision('0127', '2030-01-01')), 'validation_failed');
  });

  it('names the actor of the context', async () => {
    const anna: AppContext = { ...t.ctx, actor: { kind: 'user', userId: 7, name: 'Anna Andersson' } };
    await oneEvent({ actorKind: 'user', actorUserId: 7, actorName: 'Anna Andersson' }, () =>
      recordDecision(anna, slug, decision('0192')),
    );
  });

  it('stores the change and its event together or not at all', async () => {
    const decisions = async () => (await getProgramme(t.ctx, slug)).decisions.length;
    const count = await decisions();
    // With the trail out of reach the append fails, and the decision it would record is rolled back.
    await sql`alter table audit_events rename to audit_events_away`.execute(t.storage.db);
    try {
      await expect(recordDecision(t.ctx, slug, decision('0136'))).rejects.toThrow();
    } finally {
      await sql`alter table audit_events_away rename to audit_events`.execute(t.storage.db);
    }
    expect(await decisions()).toBe(count);
  });

  it('the chain still verifies after all of it', async () => {
    const verdict = await verifyAuditTrail(t.ctx);
    expect(verdict).toMatchObject({ ok: true, count: await readRepos(t.ctx).audit.count() });
  });
});

describe.each(testDialects)('tampering with the audit trail on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  /** Lets the test edit rows as a database administrator could: by disabling the guard. */
  const disableTriggers = () =>
    dialect === 'sqlite'
      ? Promise.all(
          ['audit_events_no_update', 'audit_events_no_delete'].map((name) =>
            sql`drop trigger ${sql.ref(name)}`.execute(t.storage.db),
          ),
        )
      : sql`alter table audit_events disable trigger user`.execute(t.storage.db);

  it('refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) of audit rows', async () => {
    const db = t.storage.db;
    await expect(sql`update audit_events set summary = 'Ingenting' where id = 3`.execute(db)).rejects.toThrow(
      /kan bara fyllas på/,
    );
    await expect(sql`delete from audit_events where id = 3`.execute(db)).rejects.toThrow(/kan bara fyllas på/);
    if (dialect === 'postgres') {
      await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/kan bara fyllas på/);
    }
    expect(await verifyAuditTrail(t.ctx)).toMatchObject({ ok: true, count: DEMO_EVENTS });
  });

  it('names the first altered row once the triggers are out of the way', async () => {
    await disableTriggers();
    await sql`update audit_events set summary = 'Ingenting hände.' where id = 5`.execute(t.storage.db);
    await sql`update audit_events set actor_name = 'Någon' where id = 9`.execute(t.storage.db);
    expect(await verifyAuditTrail(t.ctx)).toEqual({
      ok: false,
      firstBrokenId: 5,
      reason: 'Händelsens innehåll stämmer inte med dess hash: raden har ändrats efter att den skrevs.',
    });
  });

  it('names the row after a deleted one', async () => {
    await sql`delete from audit_events where id in (2, 3)`.execute(t.storage.db);
    expect(await verifyAuditTrail(t.ctx)).toMatchObject({
      ok: false,
      firstBrokenId: 4,
      reason: expect.stringContaining('Händelse 2–3 saknas'),
    });
  });
});

describe.each(testDialects)('concurrent writers on %s', (dialect) => {
  let t: TestContext;
  let ctx: AppContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    if (dialect === 'postgres') {
      // A pool of its own with a connection per writer, so the ten transactions really overlap.
      const storage = createDb(t.storage.url, { schema: t.storage.schema, max: 10 });
      ctx = { ...t.ctx, storage };
      close = () => storage.db.destroy();
    } else {
      ctx = t.ctx;
      close = async () => {};
    }
  });
  afterAll(async () => {
    await close?.();
    await t?.close();
  });

  it('ten decisions recorded at once all succeed and leave one unbroken chain', async () => {
    const members = ['0127', '0128', '0136', '0138', '0140', '0181', '0192', '0126', '0127', '0128'];
    const results = await Promise.allSettled(
      members.map((code, i) => recordDecision(ctx, 'sup-2023', decision(code, `2026-11-${String(i + 10)}`))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const events = await allEvents(t.ctx);
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: DEMO_EVENTS + 10 }, (_, i) => i + 1));
    expect(events.filter((e) => e.action === 'decision.recorded')).toHaveLength(18 + 10);
    expect(await verifyAuditTrail(t.ctx)).toMatchObject({ ok: true, count: DEMO_EVENTS + 10 });
  });
});
