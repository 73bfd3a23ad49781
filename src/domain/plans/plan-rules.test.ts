import { describe, expect, it } from 'vitest';
import {
  activityProblems,
  carriedDates,
  isUnfinished,
  keepInProgramme,
  parseKronor,
  parseWeight,
  planYearProblem,
  planYearRange,
  type ProgrammeGoals,
} from './plan-rules.js';

const programme: ProgrammeGoals = {
  goalIds: new Set([1, 2]),
  strategyGoal: new Map([
    [10, 1],
    [11, 1],
    [20, 2],
  ]),
};

const valid = {
  goalIds: [1],
  strategyIds: [10],
  startDate: '2027-02-01',
  endDate: '2027-11-30',
  climateEffect: 'neutral' as const,
  climateJustification: '',
};

describe('plan rules', () => {
  it('allows plans from last year to two years ahead', () => {
    expect(planYearRange('2026-11-27')).toEqual({ first: 2025, last: 2028 });
    expect(planYearProblem(2025, '2026-01-01')).toBeUndefined();
    expect(planYearProblem(2028, '2026-12-31')).toBeUndefined();
    expect(planYearProblem(2024, '2026-06-01')).toBe('Året ska vara mellan 2025 och 2028.');
    expect(planYearProblem(2029, '2026-06-01')).toBe('Året ska vara mellan 2025 och 2028.');
  });

  it('calls an activity unfinished without a report or below 100 per cent', () => {
    expect(isUnfinished(null)).toBe(true);
    expect(isUnfinished(undefined)).toBe(true);
    expect(isUnfinished({ progress: 99 })).toBe(true);
    expect(isUnfinished({ progress: 100 })).toBe(false);
  });

  it('moves carried dates into the new year', () => {
    expect(carriedDates('2026-03-01', '2026-09-30', 2027)).toEqual({ startDate: '2027-01-01', endDate: '2027-12-31' });
    expect(carriedDates('2026-03-01', '2027-06-30', 2027)).toEqual({ startDate: '2027-01-01', endDate: '2027-06-30' });
    expect(carriedDates('2027-02-01', '2027-06-30', 2027)).toEqual({ startDate: '2027-02-01', endDate: '2027-06-30' });
  });

  it('keeps goals of the programme and strategies of kept goals only', () => {
    expect(keepInProgramme([1, 3], [10, 20, 30], programme)).toEqual({ goalIds: [1], strategyIds: [10] });
    expect(keepInProgramme([3], [30], programme)).toEqual({ goalIds: [], strategyIds: [] });
  });

  it('checks an activity against its programme and year', () => {
    expect(activityProblems(valid, programme, 2027)).toEqual([]);
    expect(activityProblems({ ...valid, goalIds: [], strategyIds: [] }, programme, 2027).map((p) => p.field)).toEqual([
      'goalIds',
    ]);
    expect(activityProblems({ ...valid, strategyIds: [20] }, programme, 2027)).toEqual([
      { field: 'strategyIds', message: 'Välj bara strategier som hör till de valda målen.' },
    ]);
    expect(activityProblems({ ...valid, startDate: '2027-13-01' }, programme, 2027).map((p) => p.field)).toEqual([
      'startDate',
    ]);
    expect(activityProblems({ ...valid, startDate: '2026-01-01', endDate: '2026-12-31' }, programme, 2027)).toEqual([
      { field: 'startDate', message: 'Aktiviteten ska pågå åtminstone en del av planens år, 2027.' },
    ]);
    // A multi-year activity that touches the year is fine.
    expect(activityProblems({ ...valid, startDate: '2026-06-01', endDate: '2027-01-01' }, programme, 2027)).toEqual([]);
    expect(activityProblems({ ...valid, climateEffect: 'reduces' }, programme, 2027).map((p) => p.field)).toEqual([
      'climateJustification',
    ]);
    expect(activityProblems({ ...valid, climateEffect: 'unknown' }, programme, 2027)).toEqual([]);
  });

  it('reads kronor and weights as people write them', () => {
    expect(parseKronor('1 250 000')).toBe(1_250_000);
    expect(parseKronor('1\u00a0250\u00a0000 kr')).toBe(1_250_000);
    expect(parseKronor('  ')).toBeNull();
    expect(parseKronor('0')).toBe(0);
    expect(parseKronor('-5')).toBe('invalid');
    expect(parseKronor('12,50')).toBe('invalid');
    expect(parseWeight('')).toBe(1);
    expect(parseWeight('1,5')).toBe(1.5);
    expect(parseWeight('0.25')).toBe(0.25);
    expect(parseWeight('0')).toBe('invalid');
    expect(parseWeight('-1')).toBe('invalid');
    expect(parseWeight('tre')).toBe('invalid');
  });
});
