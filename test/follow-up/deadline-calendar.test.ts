/**
 * The deadlines as an iCalendar feed, fetched from the real app without signing in and parsed as
 * RFC 5545 says: folded lines joined, one all-day VEVENT per round with a stable UID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRound, editRound } from '../../src/app/follow-up/rounds.js';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

interface Property {
  params: Record<string, string>;
  value: string;
}
type Component = Map<string, Property>;

/** Unfolds and parses a calendar into its VCALENDAR properties and its VEVENTs. */
function parseCalendar(text: string): { calendar: Component; events: Component[] } {
  expect(text).toMatch(/\r\n/); // CRLF line ends
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const calendar: Component = new Map();
  const events: Component[] = [];
  let current: Component | null = null;
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      const value = line
        .slice(colon + 1)
        .replace(/\\n/gi, '\n')
        .replace(/\\([,;\\])/g, '$1');
      const property = { params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value };
      (current ?? calendar).set(name!, property);
    }
  }
  return { calendar, events };
}

describe.each(testDialects)('the deadline calendar on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(() => t?.close());

  const fetchFeed = async () => {
    const res = await t.app.request('http://localhost/uppfoljning/kalender.ics', {
      headers: { Cookie: ANONYMOUS_COOKIE },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return parseCalendar(await res.text());
  };

  it('has one all-day event per round deadline, for the public, with stable ids', async () => {
    const first = await addRound(t.ctx, 2080, { name: 'Tertial 1', periodEnd: '2080-04-30', dueDate: '2080-05-15' });
    const annual = await addRound(t.ctx, 2080, {
      name: 'Årsuppföljning',
      periodEnd: '2080-12-31',
      dueDate: '2081-01-31',
    });
    const { calendar, events } = await fetchFeed();
    expect(calendar.get('VERSION')!.value).toBe('2.0');
    expect(calendar.get('X-WR-CALNAME')!.value).toBe('Uppföljning – Södertörnssamarbetet');

    const mine = events.filter((e) => e.get('SUMMARY')!.value.includes('2080'));
    expect(mine.map((e) => e.get('SUMMARY')!.value)).toEqual([
      'Uppföljning: Tertial 1 2080 – sista dag för rapport',
      'Uppföljning: Årsuppföljning 2080 – sista dag för rapport',
    ]);
    const [t1, year] = mine;
    expect(t1!.get('DTSTART')).toEqual({ params: { VALUE: 'DATE' }, value: '20800515' });
    expect(t1!.get('DTEND')).toEqual({ params: { VALUE: 'DATE' }, value: '20800516' });
    expect(year!.get('DTSTART')!.value).toBe('20810131');
    expect(year!.get('DTEND')!.value).toBe('20810201');
    expect(t1!.get('UID')!.value).toBe(`uppfoljning-${first.id}@sodertorn.samverkan`);
    expect(year!.get('UID')!.value).toBe(`uppfoljning-${annual.id}@sodertorn.samverkan`);
    expect(t1!.get('DESCRIPTION')!.value).toBe(
      [
        'Sista dag för aktivitetsansvariga i Södertörnssamarbetet att rapportera Tertial 1 2080.',
        'Rapporten gäller läget till och med 2080-04-30.',
        'Uppföljningen: http://localhost/uppfoljning?ar=2080',
      ].join('\n'),
    );
    // Every event has its own UID.
    const uids = events.map((e) => e.get('UID')!.value);
    expect(new Set(uids).size).toBe(events.length);

    // A changed deadline keeps its UID, so a subscribed calendar moves the event.
    await editRound(t.ctx, first.id, { name: 'Tertial 1', periodEnd: '2080-04-30', dueDate: '2080-05-22' });
    const moved = (await fetchFeed()).events.find(
      (e) => e.get('UID')!.value === `uppfoljning-${first.id}@sodertorn.samverkan`,
    );
    expect(moved!.get('DTSTART')!.value).toBe('20800522');
  });

  it('is linked from the follow-up page', async () => {
    const res = await t.app.request('http://localhost/uppfoljning', { headers: { Cookie: ANONYMOUS_COOKIE } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('href="/uppfoljning/kalender.ics"');
  });
});
