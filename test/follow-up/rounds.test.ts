import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { reportActivity } from '../../src/app/follow-up/report-activity.js';
import {
  addRound,
  addStandardRounds,
  editRound,
  followUpOverview,
  listRounds,
  removeRound,
} from '../../src/app/follow-up/rounds.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { actAs, eventsOf, makeActivity, makePlan, rejection } from '../support/plans.js';

describe.each(testDialects)('follow-up rounds on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  const roundsOf = (year: number) => listRounds(t.ctx, year);

  it('adds the standard rounds of a year once, skipping names that exist, and audits each', async () => {
    await addRound(t.ctx, 2050, { name: 'tertial 1', periodEnd: '2050-04-30', dueDate: '2050-05-20' });
    const before = (await eventsOf(t.ctx, 'follow_up_round.created')).length;
    const { added, skipped } = await addStandardRounds(t.ctx, 2050);
    expect(added.map((r) => [r.name, r.periodEnd, r.dueDate])).toEqual([
      ['Tertial 2', '2050-08-31', '2050-09-15'],
      ['Årsuppföljning', '2050-12-31', '2051-01-31'],
    ]);
    expect(skipped).toEqual(['Tertial 1']);
    expect((await roundsOf(2050)).map((r) => r.name)).toEqual(['tertial 1', 'Tertial 2', 'Årsuppföljning']);
    const events = await eventsOf(t.ctx, 'follow_up_round.created');
    expect(events).toHaveLength(before + 2);
    expect(JSON.parse(events.at(-1)!.after_json!)).toEqual({
      year: 2050,
      name: 'Årsuppföljning',
      periodEnd: '2050-12-31',
      dueDate: '2051-01-31',
    });
    // A second click adds nothing.
    expect((await addStandardRounds(t.ctx, 2050)).added).toEqual([]);
    expect(await roundsOf(2050)).toHaveLength(3);
  });

  it('names every problem with a round in Swedish and stores nothing', async () => {
    await addRound(t.ctx, 2051, { name: 'Tertial 1', periodEnd: '2051-04-30', dueDate: '2051-05-15' });
    const cases: [Record<string, string>, { field: string; message: string }[]][] = [
      [
        { name: '', periodEnd: '2051-02-30', dueDate: '15 maj' },
        [
          { field: 'name', message: 'Skriv namnet på omgången.' },
          {
            field: 'periodEnd',
            message: 'Periodens slut ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2051-04-30.',
          },
          {
            field: 'dueDate',
            message: 'Sista dag för rapport ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2051-05-15.',
          },
        ],
      ],
      [
        { name: ' TERTIAL 1 ', periodEnd: '2052-04-30', dueDate: '2051-04-01' },
        [
          {
            field: 'name',
            message: 'Det finns redan en omgång som heter ”Tertial 1” för 2051. Välj ett annat namn.',
          },
          { field: 'periodEnd', message: 'Perioden ska sluta under planåret 2051.' },
          { field: 'dueDate', message: 'Sista dag för rapport kan inte vara före periodens slut (2052-04-30).' },
        ],
      ],
      [
        { name: 'Tertial 2', periodEnd: '2051-08-31', dueDate: '2051-08-30' },
        [{ field: 'dueDate', message: 'Sista dag för rapport kan inte vara före periodens slut (2051-08-31).' }],
      ],
      [
        { name: 'Sen', periodEnd: '2051-12-31', dueDate: '2053-01-31' },
        [{ field: 'dueDate', message: 'Sista dag för rapport ska ligga under planåret 2051 eller året efter.' }],
      ],
      [
        { name: 'Tom', periodEnd: '', dueDate: '' },
        [
          { field: 'periodEnd', message: 'Skriv sista dagen perioden gäller, till exempel 2051-04-30.' },
          { field: 'dueDate', message: 'Skriv sista dag för rapport, till exempel 2051-05-15.' },
        ],
      ],
    ];
    const before = (await eventsOf(t.ctx, 'follow_up_round.created')).length;
    for (const [raw, problems] of cases) {
      const error = await rejection(addRound(t.ctx, 2051, raw));
      expect(error.code).toBe('validation_failed');
      expect(error.problems).toEqual(problems);
    }
    expect((await roundsOf(2051)).map((r) => r.name)).toEqual(['Tertial 1']);
    expect(await eventsOf(t.ctx, 'follow_up_round.created')).toHaveLength(before);
    // The annual deadline may fall in the next year.
    const annual = await addRound(t.ctx, 2051, {
      name: 'Årsuppföljning',
      periodEnd: '2051-12-31',
      dueDate: '2052-01-31',
    });
    expect(annual).toMatchObject({ year: 2051, dueDate: '2052-01-31' });
    expect(
      (await rejection(addRound(t.ctx, 1999, { name: 'X', periodEnd: '1999-04-30', dueDate: '1999-05-01' }))).problems,
    ).toEqual([{ field: 'year', message: 'Året ska vara ett planår mellan 2000 och 2100.' }]);
  });

  it('edits a round, audits before and after, and keeps names unique per year', async () => {
    const first = await addRound(t.ctx, 2052, { name: 'Tertial 1', periodEnd: '2052-04-30', dueDate: '2052-05-15' });
    await addRound(t.ctx, 2052, { name: 'Tertial 2', periodEnd: '2052-08-31', dueDate: '2052-09-15' });
    const edited = await editRound(t.ctx, first.id, {
      name: 'Första tertialen',
      periodEnd: '2052-04-30',
      dueDate: '2052-05-22',
    });
    expect(edited).toMatchObject({ id: first.id, year: 2052, name: 'Första tertialen', dueDate: '2052-05-22' });
    expect(await readRepos(t.ctx).followUp.roundById(first.id)).toEqual(edited);
    const event = (await eventsOf(t.ctx, 'follow_up_round.updated')).at(-1)!;
    expect(JSON.parse(event.before_json!)).toEqual({ name: 'Tertial 1', dueDate: '2052-05-15' });
    expect(JSON.parse(event.after_json!)).toEqual({ name: 'Första tertialen', dueDate: '2052-05-22' });
    // Its own name is not taken; another round's is.
    await editRound(t.ctx, first.id, { name: 'första tertialen', periodEnd: '2052-04-30', dueDate: '2052-05-22' });
    const clash = await rejection(
      editRound(t.ctx, first.id, { name: 'Tertial 2', periodEnd: '2052-04-30', dueDate: '2052-05-22' }),
    );
    expect(clash.problems).toEqual([
      { field: 'name', message: 'Det finns redan en omgång som heter ”Tertial 2” för 2052. Välj ett annat namn.' },
    ]);
    expect((await readRepos(t.ctx).followUp.roundById(first.id))!.name).toBe('första tertialen');
  });

  it('removes a round without reports, and refuses one with reports with a clear message', async () => {
    const empty = await addRound(t.ctx, 2053, { name: 'Extra', periodEnd: '2053-06-30', dueDate: '2053-07-15' });
    await removeRound(t.ctx, empty.id);
    expect(await readRepos(t.ctx).followUp.roundById(empty.id)).toBeUndefined();
    const removed = (await eventsOf(t.ctx, 'follow_up_round.removed')).at(-1)!;
    expect(removed.entity_id).toBe(String(empty.id));
    expect(removed.after_json).toBeNull();

    const round = await addRound(t.ctx, 2053, { name: 'Tertial 1', periodEnd: '2053-04-30', dueDate: '2053-05-15' });
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2053 });
    const activity = await makeActivity(t.ctx, plan);
    await reportActivity(t.ctx, activity.id, { roundId: round.id, status: 'green', progress: 20, comment: '' });
    const before = (await eventsOf(t.ctx, 'follow_up_round.removed')).length;
    const error = await rejection(removeRound(t.ctx, round.id));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'Tertial 1 2053 kan inte tas bort: 1 rapport har lämnats för omgången. Ändra namn eller datum i stället.',
    );
    expect(await readRepos(t.ctx).followUp.roundById(round.id)).toEqual(round);
    expect(await eventsOf(t.ctx, 'follow_up_round.removed')).toHaveLength(before);
  });

  it('is the secretariat’s: a network lead is refused and nothing changes', async () => {
    const round = await addRound(t.ctx, 2054, { name: 'Tertial 1', periodEnd: '2054-04-30', dueDate: '2054-05-15' });
    const lead = await actAs(t.ctx, 'network_lead', 'planeringschefer');
    const raw = { name: 'Tertial 2', periodEnd: '2054-08-31', dueDate: '2054-09-15' };
    expect((await rejection(addRound(lead.ctx, 2054, raw))).code).toBe('forbidden');
    expect((await rejection(addStandardRounds(lead.ctx, 2054))).code).toBe('forbidden');
    expect((await rejection(editRound(lead.ctx, round.id, raw))).code).toBe('forbidden');
    expect((await rejection(removeRound(lead.ctx, round.id))).code).toBe('forbidden');
    expect(await roundsOf(2054)).toEqual([round]);
  });

  it('counts the reports in of those expected per round, for what the reader may see', async () => {
    const year = 2055;
    const { added } = await addStandardRounds(t.ctx, year);
    const [t1, t2] = added;
    const adopted = await makePlan(t.ctx, { networkKey: 'planeringschefer', year, state: 'adopted' });
    const submitted = await makePlan(t.ctx, { networkKey: 'klimatstrateger', year, state: 'submitted' });
    const draft = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year, state: 'draft', isExample: true });
    const early = await makeActivity(t.ctx, adopted, { startDate: `${year}-01-15` });
    await makeActivity(t.ctx, adopted, { title: 'Startar i juni', startDate: `${year}-06-01` });
    await makeActivity(t.ctx, submitted, { startDate: `${year}-03-01` });
    await makeActivity(t.ctx, draft);
    await reportActivity(t.ctx, early.id, { roundId: t1!.id, status: 'green', progress: 10, comment: '' });

    const overview = await followUpOverview(t.ctx, year);
    expect(overview.rounds.map((r) => [r.round.name, r.reported, r.expected, r.pastDue])).toEqual([
      ['Tertial 1', 1, 2, false],
      ['Tertial 2', 0, 3, false],
      ['Årsuppföljning', 0, 3, false],
    ]);
    expect(overview).toMatchObject({ planCount: 2, includesExamples: false, may: { manage: true, seeLate: true } });
    void t2;

    // The public sees adopted plans only.
    const visitor = { ...t.ctx, actor: { kind: 'anonymous' as const }, principal: { signedIn: false, grants: [] } };
    const seen = await followUpOverview(visitor, year);
    expect(seen.rounds.map((r) => [r.reported, r.expected])).toEqual([
      [1, 1],
      [0, 2],
      [0, 2],
    ]);
    expect(seen.may).toEqual({ manage: false, seeLate: false, internal: false });
  });
});
