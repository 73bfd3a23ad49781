import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.js';
import { scheduleInWords } from './jobs-sv.js';
import { cronProblem, nextRunAfter } from './schedule.js';

describe('schedules', () => {
  it('reads cron expressions in Swedish time, summer and winter', () => {
    // Winter (UTC+1) and summer (UTC+2).
    expect(nextRunAfter('15 3 * * *', new Date('2026-11-27T10:00:00Z'))?.toISOString()).toBe(
      '2026-11-28T02:15:00.000Z',
    );
    expect(nextRunAfter('15 3 * * *', new Date('2026-06-01T10:00:00Z'))?.toISOString()).toBe(
      '2026-06-02T01:15:00.000Z',
    );
    // Friday 11:00 → Monday 07:00.
    expect(nextRunAfter('0 7 * * 1-5', new Date('2026-11-27T10:00:00Z'))?.toISOString()).toBe(
      '2026-11-30T06:00:00.000Z',
    );
    expect(nextRunAfter('5 * * * *', new Date('2026-11-27T10:00:00Z'))?.toISOString()).toBe('2026-11-27T10:05:00.000Z');
  });

  it('says what is wrong with a schedule, and accepts five fields or six', () => {
    expect(cronProblem('15 3 * * *')).toBeNull();
    expect(cronProblem('*/10 * * * * *')).toBeNull();
    expect(cronProblem('15 3 * *')).toMatch(/^ska vara ett cron-uttryck med fem fält/);
    expect(cronProblem('61 3 * * *')).toMatch(/^är inget giltigt cron-uttryck/);
    expect(cronProblem('0 0 31 2 *')).toBe('inträffar aldrig');
  });

  it('KOLADA_SYNC_SCHEDULE is a schedule or off, JOBS on or off; a bad one stops the boot naming it', () => {
    expect(loadConfig({})).toMatchObject({
      JOBS: 'on',
      KOLADA_SYNC_SCHEDULE: '15 3 * * *',
      KOLADA_BASE_URL: 'https://api.kolada.se/v3',
    });
    expect(loadConfig({ KOLADA_SYNC_SCHEDULE: 'off', JOBS: 'off' })).toMatchObject({
      JOBS: 'off',
      KOLADA_SYNC_SCHEDULE: 'off',
    });
    expect(() => loadConfig({ KOLADA_SYNC_SCHEDULE: 'varje natt' })).toThrow(
      /KOLADA_SYNC_SCHEDULE: ska vara ett cron-uttryck/,
    );
    expect(() => loadConfig({ JOBS: 'ja' })).toThrow(/JOBS/);
    expect(() => loadConfig({ KOLADA_BASE_URL: 'ftp://kolada.se' })).toThrow(/KOLADA_BASE_URL/);
  });

  it('puts a schedule in words, or names the expression it cannot', () => {
    expect(scheduleInWords('15 3 * * *')).toBe('Varje dag kl. 03.15 (svensk tid).');
    expect(scheduleInWords('0 7 * * 1-5')).toBe('Vardagar (måndag–fredag) kl. 07.00 (svensk tid).');
    expect(scheduleInWords('5 * * * *')).toBe('Varje timme, 5 minuter över hel timme.');
    expect(scheduleInWords('0 * * * *')).toBe('Varje hel timme.');
    expect(scheduleInWords('*/15 * * * *')).toBe('Var 15:e minut.');
    expect(scheduleInWords('30 6 * * 1')).toBe('Varje måndag kl. 06.30 (svensk tid).');
    expect(scheduleInWords('0 22 * * 0,6')).toBe('Söndag och lördag kl. 22.00 (svensk tid).');
    expect(scheduleInWords('0 9 * * 1,3,5')).toBe('Måndag, onsdag och fredag kl. 09.00 (svensk tid).');
    expect(scheduleInWords('0 9 * * 2-4')).toBe('Tisdag–torsdag kl. 09.00 (svensk tid).');
    expect(scheduleInWords('0 3 1 * *')).toBe('Enligt cron-uttrycket 0 3 1 * * (svensk tid).');
    expect(scheduleInWords('* * * * * *')).toBe('Enligt cron-uttrycket * * * * * * (svensk tid).');
    expect(scheduleInWords(null)).toBe('Avstängt: körs bara när någon väljer Kör nu.');
  });
});
