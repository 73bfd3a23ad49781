import { describe, expect, it } from 'vitest';
import { sampleProgramme } from '../../../test/support/sample-programme.js';
import { diffProgrammes } from '../programme/programme-diff.js';
import type { Programme } from '../programme/programme.js';
import { answersFor, consultationPhase, parsePartKey, partKey, shouldAutoHide, type Answer } from './consultation.js';
import { partChangesSv } from './part-changes.js';
import { partLabelSv, programmeParts } from './parts.js';

describe('a consultation’s phase follows its dates', () => {
  const c = { startDate: '2027-03-01', endDate: '2027-03-31' };
  it.each([
    ['2027-02-28', 'upcoming'],
    ['2027-03-01', 'open'],
    ['2027-03-15', 'open'],
    ['2027-03-31', 'open'],
    ['2027-04-01', 'closed'],
  ])('on %s it is %s', (today, phase) => {
    expect(consultationPhase(c, today)).toBe(phase);
  });
  it('is open for one day when it starts and ends the same day', () => {
    expect(consultationPhase({ startDate: '2027-03-01', endDate: '2027-03-01' }, '2027-03-01')).toBe('open');
  });
});

describe('hiding by reports', () => {
  it('hides a published comment at the threshold, not before', () => {
    expect(shouldAutoHide({ status: 'published', reportCount: 2 }, 3)).toBe(false);
    expect(shouldAutoHide({ status: 'published', reportCount: 3 }, 3)).toBe(true);
    expect(shouldAutoHide({ status: 'published', reportCount: 1 }, 1)).toBe(true);
  });
  it('never hides what is not published', () => {
    expect(shouldAutoHide({ status: 'hidden', reportCount: 9 }, 3)).toBe(false);
    expect(shouldAutoHide({ status: 'unconfirmed', reportCount: 9 }, 3)).toBe(false);
  });
});

describe('parts of a programme', () => {
  it('lists focus areas, goals and strategies in order, with keys that read back', () => {
    const parts = programmeParts(sampleProgramme());
    expect(parts.map((p) => p.key)).toEqual(['focus-area-21', 'goal-31', 'strategy-41']);
    expect(parts.map(partLabelSv)).toEqual([
      'fokusområdet ”Infrastruktur”',
      'målet ”Snabbare kollektivtrafik”',
      'strategi 1 under målet ”Snabbare kollektivtrafik”',
    ]);
    for (const p of parts) expect(parsePartKey(p.key)).toEqual({ kind: p.kind, id: p.id });
    expect(partKey({ kind: 'focus_area', id: 7 })).toBe('focus-area-7');
    expect(parsePartKey('goal-x')).toBeUndefined();
    expect(parsePartKey('mal-12')).toBeUndefined();
    expect(parsePartKey('goal-1234567890')).toBeUndefined();
  });
});

describe('answers that apply to a comment', () => {
  const answer = (id: number, fields: Partial<Answer>): Answer => ({
    id,
    consultationId: 1,
    commentId: null,
    themeId: null,
    body: '',
    outcome: 'noted',
    status: 'published',
    version: 1,
    createdAt: '',
    updatedAt: '',
    publishedAt: '',
    ...fields,
  });
  const answers = [
    answer(1, { commentId: 5 }),
    answer(2, { themeId: 9 }),
    answer(3, { commentId: 6, status: 'draft' }),
  ];
  it('are its own and its theme’s, published ones only unless drafts are asked for', () => {
    expect(answersFor({ id: 5, themeId: 9 }, answers).map((a) => a.id)).toEqual([1, 2]);
    expect(answersFor({ id: 6, themeId: null }, answers)).toEqual([]);
    expect(answersFor({ id: 6, themeId: null }, answers, true).map((a) => a.id)).toEqual([3]);
  });
});

describe('what the next version changed in one part', () => {
  const from = sampleProgramme();
  const to: Programme = structuredClone(from);
  to.id = 2;
  to.focusAreas[0]!.name = 'Infrastruktur och kollektivtrafik';
  to.focusAreas[0]!.goals[0]!.strategies = [{ id: 42, position: 1, text: 'Bygga ut spårtrafiken' }];
  const diff = diffProgrammes(from, to);

  it('names the focus area’s new name', () => {
    expect(partChangesSv(diff, { kind: 'focus_area', id: 21 })).toEqual([
      'fokusområdet Infrastruktur byter namn till Infrastruktur och kollektivtrafik',
    ]);
  });
  it('names the strategy’s new wording under its goal, and nothing for the goal’s own title', () => {
    const strategy = partChangesSv(diff, { kind: 'strategy', id: 41 }, 31);
    expect(strategy).toHaveLength(1);
    expect(strategy[0]).toMatch(/^strategin ”Bygga ut” (formuleras om till ”Bygga ut spårtrafiken”|utgår)/);
    expect(partChangesSv(diff, { kind: 'goal', id: 31 }).every((l) => l.includes('strategi'))).toBe(true);
  });
  it('says nothing of a part that did not change', () => {
    expect(partChangesSv(diffProgrammes(from, from), { kind: 'goal', id: 31 })).toEqual([]);
  });
  it('says a strategy goes with its goal', () => {
    const without: Programme = structuredClone(from);
    without.focusAreas[0]!.goals = [];
    const lines = partChangesSv(diffProgrammes(from, without), { kind: 'strategy', id: 41 }, 31);
    expect(lines).toEqual(['målet ”Snabbare kollektivtrafik” i Infrastruktur utgår']);
  });
});
