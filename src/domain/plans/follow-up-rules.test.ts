import { describe, expect, it } from 'vitest';
import {
  daysLate,
  expectsReport,
  isPastDue,
  parseProgress,
  roundDateProblems,
  roundTitle,
  standardRounds,
} from './follow-up-rules.js';
import { reminderMail } from './follow-up-summary-sv.js';

describe('follow-up rules', () => {
  it('reads progress as whole per cent 0–100, as people write it', () => {
    expect(['40', '40 %', '40%', ' 0 ', '100', '100\u00a0%', '7 procent'].map(parseProgress)).toEqual([
      40, 40, 40, 0, 100, 100, 7,
    ]);
    expect([40, 0, 100].map(parseProgress)).toEqual([40, 0, 100]);
    for (const bad of ['101', '-5', '12,5', '12.5', 'fyrtio', '', '40 %%', 40.5, -1, 101, null, undefined])
      expect(parseProgress(bad), String(bad)).toBeNull();
  });

  it('gives the standard rounds, the annual one due in January the year after', () => {
    expect(standardRounds(2026)).toEqual([
      { name: 'Tertial 1', periodEnd: '2026-04-30', dueDate: '2026-05-15' },
      { name: 'Tertial 2', periodEnd: '2026-08-31', dueDate: '2026-09-15' },
      { name: 'Årsuppföljning', periodEnd: '2026-12-31', dueDate: '2027-01-31' },
    ]);
    for (const r of standardRounds(2028)) expect(roundDateProblems(2028, r.periodEnd, r.dueDate)).toEqual([]);
  });

  it('checks a round’s dates against the plan year', () => {
    expect(roundDateProblems(2026, '2026-02-29', '2026-03-15').map((p) => p.field)).toEqual(['periodEnd']);
    expect(roundDateProblems(2028, '2028-02-29', '2028-03-15')).toEqual([]);
    expect(roundDateProblems(2026, '2025-12-31', '2026-01-15')[0]!.message).toBe(
      'Perioden ska sluta under planåret 2026.',
    );
    expect(roundDateProblems(2026, '2026-06-30', '2026-06-29')[0]!.field).toBe('dueDate');
    expect(roundDateProblems(2026, '2026-06-30', '2026-06-30')).toEqual([]);
    expect(roundDateProblems(2026, '2026-12-31', '2028-01-01')[0]!.field).toBe('dueDate');
  });

  it('expects a report from an activity that had started when the period ended', () => {
    const round = { periodEnd: '2026-04-30', dueDate: '2026-05-15' };
    expect(expectsReport(round, { startDate: '2026-04-30' })).toBe(true);
    expect(expectsReport(round, { startDate: '2026-05-01' })).toBe(false);
    expect(isPastDue(round, '2026-05-15')).toBe(false);
    expect(isPastDue(round, '2026-05-16')).toBe(true);
    expect(daysLate(round, '2026-05-15')).toBe(0);
    expect(daysLate(round, '2026-05-16')).toBe(1);
    // Across the change to summer time and a leap day.
    expect(daysLate({ dueDate: '2028-02-28' }, '2028-04-01')).toBe(33);
  });

  it('names a round with its year once', () => {
    expect(roundTitle({ name: 'Tertial 1', year: 2026 })).toBe('Tertial 1 2026');
    expect(roundTitle({ name: 'Årsuppföljning 2026', year: 2026 })).toBe('Årsuppföljning 2026');
  });

  it('writes the reminder in Swedish, marking an example plan', () => {
    const mail = reminderMail({
      collaborationName: 'Södertörnssamarbetet',
      networkName: 'Planeringschefer',
      planTitle: 'Verksamhetsplan 2026',
      planIsExample: false,
      activityTitle: 'Bostadsanalys',
      ownerName: 'Anna',
      round: { name: 'Tertial 2', year: 2026, periodEnd: '2026-08-31', dueDate: '2026-09-15' },
      daysLate: 1,
      to: 'owner',
      reportLink: '/planer/1/aktiviteter/2/rapport?omgang=3',
    });
    expect(mail.subject).toBe('Påminnelse: rapport saknas för ”Bostadsanalys” (Tertial 2 2026)');
    expect(mail.text).toContain('Sista dag var 2026-09-15 – det är 1 dag sedan.');
    expect(mail.text).not.toContain('Exempel');
  });
});
