import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../seed/demo-dataset.js';
import type { Decision, DecisionDate, DecisionOutcome, Member } from '../adoption/decision.js';
import {
  computeProgrammeStatus,
  computeProgrammeStatuses,
  inForceDateOf,
  programmeStatusLabel,
  type ProgrammeStatusInput,
  type SuccessorStatus,
} from './programme-status.js';

const members: Member[] = [1, 2, 3].map((id) => ({ id, code: `01${id}0`, name: `Kommun ${id}` }));

let nextDecisionId = 1;
const exact = (date: string): DecisionDate => ({ precision: 'exact', date });
const onOrBefore = (date: string): DecisionDate => ({ precision: 'on_or_before', date });
const unknown: DecisionDate = { precision: 'unknown' };

function decision(
  memberId: number | null,
  decided: DecisionDate,
  outcome: DecisionOutcome = 'adopted',
  bodyKind: Decision['bodyKind'] = 'board',
): Decision {
  return {
    id: nextDecisionId++,
    programmeId: 1,
    memberId,
    bodyId: null,
    bodyKind,
    decided,
    paragraph: '',
    outcome,
    note: '',
    source: '',
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}

const allAdopt = (...dates: DecisionDate[]): Decision[] => dates.map((d, i) => decision(i + 1, d));

function status(overrides: Partial<ProgrammeStatusInput> & { decisions?: Decision[] } = {}) {
  return computeProgrammeStatus({
    programme: { state: 'proposed', adoptionRule: 'all_members', validFromYear: null, validToYear: null },
    decisions: [],
    members,
    successors: [],
    today: '2020-06-01',
    ...overrides,
  });
}

const programme = (p: Partial<ProgrammeStatusInput['programme']>): ProgrammeStatusInput['programme'] => ({
  state: 'proposed',
  adoptionRule: 'all_members',
  validFromYear: null,
  validToYear: null,
  ...p,
});

const inForceSuccessor: SuccessorStatus = { programmeId: 99, inForce: true, inForceFrom: exact('2020-03-01') };

describe('computeProgrammeStatus: kinds', () => {
  it('is a draft while the recorded state is draft, whatever else is true', () => {
    const s = status({
      programme: programme({ state: 'draft' }),
      decisions: allAdopt(exact('2019-01-01'), exact('2019-01-01'), exact('2019-01-01')),
      successors: [inForceSuccessor],
    });
    expect(s.kind).toBe('draft');
    expect(s.inForceFrom).toBeNull();
    expect(programmeStatusLabel(s)).toBe('Utkast');
  });

  it('is proposed when no decision is recorded', () => {
    const s = status();
    expect(s).toMatchObject({ kind: 'proposed', adoptedCount: 0, requiredCount: 3, inForceFrom: null });
    expect(s.members.map((m) => m.standing)).toEqual(['none', 'none', 'none']);
    expect(programmeStatusLabel(s)).toBe('Föreslaget');
  });

  it('is adopting while some members have not adopted, with k of n', () => {
    const s = status({ decisions: [decision(1, exact('2019-05-02')), decision(3, exact('2019-05-20'))] });
    expect(s).toMatchObject({
      kind: 'adopting',
      adoptedCount: 2,
      requiredCount: 3,
      inForceFrom: null,
      tookEffect: false,
    });
    expect(programmeStatusLabel(s)).toBe('Antas (2 av 3)');
  });

  it('is in force once every member has adopted, from the last adoption', () => {
    const s = status({ decisions: allAdopt(exact('2019-05-02'), exact('2019-06-12'), exact('2019-05-20')) });
    expect(s).toMatchObject({ kind: 'in_force', adoptedCount: 3, inForceFrom: exact('2019-06-12'), tookEffect: true });
    expect(programmeStatusLabel(s)).toBe('Gällande');
  });

  it('is replaced once a successor is in force', () => {
    const s = status({
      decisions: allAdopt(exact('2019-05-02'), exact('2019-05-02'), exact('2019-05-02')),
      successors: [inForceSuccessor],
    });
    expect(s).toMatchObject({
      kind: 'replaced',
      replacedBy: 99,
      replacedFrom: exact('2020-03-01'),
      inForceFrom: exact('2019-05-02'),
    });
    expect(programmeStatusLabel(s)).toBe('Ersatt');
  });

  it('is expired after 31 December of its last valid year', () => {
    const input = {
      programme: programme({ validFromYear: 2019, validToYear: 2022 }),
      decisions: allAdopt(exact('2019-05-02'), exact('2019-05-02'), exact('2019-05-02')),
    };
    expect(status({ ...input, today: '2022-12-31' }).kind).toBe('in_force');
    const s = status({ ...input, today: '2023-01-01' });
    expect(s).toMatchObject({ kind: 'expired', expiredOn: '2022-12-31', tookEffect: true });
    expect(programmeStatusLabel(s)).toBe('Upphört');
  });
});

describe('computeProgrammeStatus: in-force date', () => {
  it('is exact when all adoption dates are exact', () => {
    expect(inForceDateOf([exact('2019-05-02'), exact('2019-06-12')], null)).toEqual(exact('2019-06-12'));
  });

  it('is only "on or before" when an adoption is known only by a bound', () => {
    const s = status({ decisions: allAdopt(exact('2019-05-02'), onOrBefore('2019-10-11'), onOrBefore('2019-10-11')) });
    expect(s.kind).toBe('in_force');
    expect(s.inForceFrom).toEqual(onOrBefore('2019-10-11'));
  });

  it('is exact when a bounded adoption cannot have been the last one', () => {
    expect(inForceDateOf([onOrBefore('2019-10-11'), exact('2019-10-20')], null)).toEqual(exact('2019-10-20'));
    expect(inForceDateOf([onOrBefore('2019-10-11'), exact('2019-10-11')], null)).toEqual(exact('2019-10-11'));
  });

  it('is unknown when any adoption date is unknown, even with a validity start', () => {
    const s = status({
      programme: programme({ validFromYear: 2019 }),
      decisions: allAdopt(exact('2018-12-01'), unknown, exact('2018-11-01')),
    });
    expect(s.kind).toBe('in_force');
    expect(s.inForceFrom).toEqual(unknown);
  });

  it('is 1 January of the first valid year when that is later than the last adoption', () => {
    const s = status({
      programme: programme({ validFromYear: 2019 }),
      decisions: allAdopt(exact('2018-11-01'), exact('2018-12-10'), exact('2018-10-01')),
    });
    expect(s).toMatchObject({ kind: 'in_force', inForceFrom: exact('2019-01-01') });
    // A bound before the period start still gives an exact date: it applies from 1 January either way.
    expect(inForceDateOf([onOrBefore('2018-12-20')], 2019)).toEqual(exact('2019-01-01'));
  });

  it('is the last adoption when that is later than the period start', () => {
    expect(inForceDateOf([exact('2019-03-01')], 2019)).toEqual(exact('2019-03-01'));
    expect(inForceDateOf([onOrBefore('2019-10-11')], 2019)).toEqual(onOrBefore('2019-10-11'));
  });

  it('keeps a fully adopted programme "adopting" until its period starts', () => {
    const s = status({
      programme: programme({ validFromYear: 2021 }),
      decisions: allAdopt(exact('2020-03-01'), exact('2020-04-01'), exact('2020-05-01')),
    });
    expect(s).toMatchObject({
      kind: 'adopting',
      adoptedCount: 3,
      requiredCount: 3,
      inForceFrom: exact('2021-01-01'),
      tookEffect: false,
    });
    expect(programmeStatusLabel(s)).toBe('Antas (3 av 3)');
  });
});

describe('computeProgrammeStatus: member standing', () => {
  it('takes the latest board decision: a rejection followed by an adoption counts as adopted', () => {
    const rejected = decision(1, exact('2019-04-01'), 'rejected');
    const adopted = decision(1, exact('2019-05-01'));
    const s = status({ decisions: [adopted, rejected] });
    expect(s.members[0]).toEqual({ memberId: 1, standing: 'adopted', decision: adopted });
  });

  it('shows a referral back after an adoption as referred back', () => {
    const s = status({
      decisions: [decision(2, exact('2019-04-01')), decision(2, exact('2019-04-01'), 'referred_back')],
    });
    expect(s.members[1]?.standing).toBe('referred_back');
    expect(s).toMatchObject({ kind: 'adopting', adoptedCount: 0 });
  });

  it('places an undated decision right after the one recorded before it', () => {
    const s = status({
      decisions: [
        decision(1, exact('2019-04-01'), 'referred_back'),
        decision(1, unknown),
        decision(1, exact('2019-03-01'), 'rejected'),
      ],
    });
    expect(s.members[0]?.standing).toBe('adopted');
  });

  it('counts a decision without a member for no member', () => {
    const s = status({ decisions: [decision(null, exact('2013-04-29'))] });
    expect(s).toMatchObject({ kind: 'adopting', adoptedCount: 0 });
    expect(s.members.every((m) => m.standing === 'none')).toBe(true);
  });

  it('counts only decisions of the boards themselves', () => {
    const s = status({ decisions: [decision(1, exact('2019-04-01'), 'adopted', 'board_committee')] });
    expect(s.members[0]?.standing).toBe('none');
  });
});

describe('computeProgrammeStatus: committee rule', () => {
  const committeeProgramme = programme({ adoptionRule: 'committee' });

  it('is in force on the committee adoption alone', () => {
    const s = status({
      programme: committeeProgramme,
      decisions: [decision(null, exact('2021-01-14'), 'adopted', 'committee')],
      today: '2021-02-01',
    });
    expect(s).toMatchObject({ kind: 'in_force', adoptedCount: 1, requiredCount: 1, inForceFrom: exact('2021-01-14') });
    expect(s.committee?.standing).toBe('adopted');
  });

  it('does not count board adoptions', () => {
    const s = status({
      programme: committeeProgramme,
      decisions: allAdopt(exact('2021-01-14'), exact('2021-01-14'), exact('2021-01-14')),
    });
    expect(s).toMatchObject({ kind: 'adopting', adoptedCount: 0, requiredCount: 1 });
  });

  it('is proposed without decisions and adopting after a referral back', () => {
    expect(status({ programme: committeeProgramme }).kind).toBe('proposed');
    const s = status({
      programme: committeeProgramme,
      decisions: [decision(null, exact('2021-01-14'), 'referred_back', 'committee')],
    });
    expect(s.kind).toBe('adopting');
    expect(programmeStatusLabel(s)).toBe('Antas (0 av 1)');
  });
});

describe('computeProgrammeStatus: replacement', () => {
  it('beats expiry', () => {
    const s = status({
      programme: programme({ validFromYear: 2019, validToYear: 2022 }),
      decisions: allAdopt(exact('2019-05-02'), exact('2019-05-02'), exact('2019-05-02')),
      successors: [inForceSuccessor],
      today: '2026-11-27',
    });
    expect(s).toMatchObject({ kind: 'replaced', expiredOn: null });
  });

  it('beats an incomplete adoption record', () => {
    const s = status({ decisions: [decision(null, exact('2013-04-29'))], successors: [inForceSuccessor] });
    expect(s).toMatchObject({ kind: 'replaced', adoptedCount: 0, inForceFrom: null, tookEffect: false });
  });

  it('needs a successor that has come into force', () => {
    const pending: SuccessorStatus = { programmeId: 98, inForce: false, inForceFrom: null };
    expect(status({ successors: [pending] }).kind).toBe('proposed');
    expect(status({ successors: [pending, inForceSuccessor] }).replacedBy).toBe(99);
  });
});

describe('programme statuses on the real Södertörn data', () => {
  const data = loadDemoDataset(undefined, '2026-01-01T00:00:00.000Z');
  const realMembers: Member[] = data.members.map((m, i) => ({ id: i + 1, ...m }));
  const idOf = (slug: string): number => data.programmes.find((p) => p.slug === slug)?.id ?? -1;

  it('on 2026-11-27: every programme is replaced by its successor except the 2023 programme', () => {
    const statuses = computeProgrammeStatuses(data.programmes, data.decisions, realMembers, '2026-11-27');
    const of = (slug: string) => statuses.get(idOf(slug));

    expect(of('sup-2013')).toMatchObject({ kind: 'replaced', replacedBy: idOf('sup-2035'), adoptedCount: 0 });
    expect(of('sup-2035-proposal')).toMatchObject({ kind: 'replaced', replacedBy: idOf('sup-2035') });
    expect(of('sup-2035')).toMatchObject({
      kind: 'replaced',
      replacedBy: idOf('sup-2035-rev-2021'),
      replacedFrom: exact('2021-01-14'),
      inForceFrom: onOrBefore('2019-10-11'),
    });
    expect(of('sup-2035-rev-2021')).toMatchObject({
      kind: 'replaced',
      replacedBy: idOf('sup-2023'),
      replacedFrom: unknown,
    });
    expect(of('sup-2023')).toMatchObject({ kind: 'in_force', inForceFrom: unknown, adoptedCount: 8, requiredCount: 8 });
  });

  it('on 2020-06-01, before the later programmes existed: the 2035 programme is in force', () => {
    const existing = data.programmes.filter((p) => ['sup-2013', 'sup-2035-proposal', 'sup-2035'].includes(p.slug));
    const statuses = computeProgrammeStatuses(existing, data.decisions, realMembers, '2020-06-01');
    expect(statuses.get(idOf('sup-2035'))).toMatchObject({
      kind: 'in_force',
      inForceFrom: onOrBefore('2019-10-11'),
      adoptedCount: 8,
    });
    expect(statuses.get(idOf('sup-2013'))).toMatchObject({ kind: 'replaced', replacedBy: idOf('sup-2035') });
  });
});

describe('computeProgrammeStatuses', () => {
  it('survives a cycle in the programme links', () => {
    const p = (id: number, replaces: number) => ({
      id,
      state: 'proposed' as const,
      adoptionRule: 'all_members' as const,
      validFromYear: null,
      validToYear: null,
      replacesProgrammeId: replaces,
      derivedFromProgrammeId: null,
    });
    const statuses = computeProgrammeStatuses([p(1, 2), p(2, 1)], [], members, '2020-01-01');
    expect([...statuses.values()].map((s) => s.kind)).toEqual(['proposed', 'proposed']);
  });
});
