/**
 * The cooperation's events on both databases: the demo's sourced events; the secretariat creating and
 * editing an event, its agenda and documentation, each change audited; bad input refused in Swedish with
 * nothing changed (a recording never published without captions); who may do what; the list by kind,
 * upcoming and past; the calendar feed and the sitemap's addresses.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { eventCalendar } from '../../src/app/events/event-calendar.js';
import {
  addFile,
  addOutcome,
  addRecording,
  removeFile,
  removeOutcome,
  removeRecording,
  saveSummary,
  updateRecording,
} from '../../src/app/events/event-documentation.js';
import { eventPaths, getEvent, listEvents } from '../../src/app/events/get-events.js';
import { createEvent, saveAgenda, updateEvent } from '../../src/app/events/save-event.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { lastDayOf, parseAgendaLine, parseEventDate } from '../../src/domain/events/event.js';
import { DEMO_DATA_FILE } from '../../src/seed/demo-dataset.js';
import { DEMO_EVENTS } from '../../src/seed/demo-events.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { eventsOf, rejection } from '../support/plans.js';

async function memberId(ctx: AppContext, code: string): Promise<number> {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  return (await repos.collaboration.members(collaboration.id)).find((m) => m.code === code)!.id;
}

async function as(ctx: AppContext, role: Role, code?: string): Promise<AppContext> {
  const id = code ? await memberId(ctx, code) : null;
  return actingAs(
    ctx,
    { kind: 'user', userId: 1, name: `Test ${role}` },
    { signedIn: true, grants: [{ role, memberId: id, networkId: null }] },
  );
}

const publicOf = (ctx: AppContext) => actingAs(ctx, { kind: 'anonymous' }, PUBLIC_PRINCIPAL);

const form = (overrides: Record<string, string> = {}) => ({
  kind: 'radslaget',
  date: '2027-02-11',
  startTime: '09.00',
  endTime: '16.00',
  place: 'Tyresö',
  hostMemberId: '',
  theme: 'Kompetensförsörjning',
  programmeId: '',
  programmeText: 'Rådslaget samlar beslutsfattare och näringsliv.\n\nAnmälan senast i januari.',
  status: 'scheduled',
  publication: 'published',
  source: 'Testets inbjudan',
  version: '0',
  ...overrides,
});

describe('event dates and agenda lines', () => {
  it('keeps a date to the precision it is known, and no further', () => {
    expect(parseEventDate('2019')).toEqual({ precision: 'year', value: '2019' });
    expect(parseEventDate('2019-02')).toEqual({ precision: 'month', value: '2019-02' });
    expect(parseEventDate('2019-02-14')).toEqual({ precision: 'day', value: '2019-02-14' });
    expect(parseEventDate('2019-02-30')).toBeUndefined();
    expect(parseEventDate('2019-13')).toBeUndefined();
    expect(parseEventDate('februari 2019')).toBeUndefined();
    expect(lastDayOf({ precision: 'month', value: '2024-02' })).toBe('2024-02-29');
    expect(lastDayOf({ precision: 'year', value: '2019' })).toBe('2019-12-31');
  });

  it('reads an agenda line’s time and title', () => {
    expect(parseAgendaLine('09.00–09.30 Välkomna')).toEqual({
      startTime: '09:00',
      endTime: '09:30',
      title: 'Välkomna',
    });
    expect(parseAgendaLine('13:00 Lunch')).toEqual({ startTime: '13:00', endTime: '', title: 'Lunch' });
    expect(parseAgendaLine('Avslutning')).toEqual({ startTime: '', endTime: '', title: 'Avslutning' });
    expect(parseAgendaLine('25.00 Natt')).toBe('bad_time');
    expect(parseAgendaLine('10.00-09.00 Baklänges')).toBe('bad_time');
    expect(parseAgendaLine('10.00')).toBe('no_title');
  });
});

describe('the demo data file names the events the seed stores', () => {
  it('says what the seeded events carry: Salem 2019 on infrastructure, the 2019 conference theme, 2020 cancelled', () => {
    const text = readFileSync(DEMO_DATA_FILE, 'utf8');
    expect(text).toContain('Salem 2019, theme infrastructure');
    expect(text).toContain('2019 theme: Utvecklingsprogram 2035; 2020 cancelled');
    expect(DEMO_EVENTS).toHaveLength(3);
  });
});

describe.each(testDialects)('events on %s', (dialect) => {
  let t: TestContext;
  let admin: AppContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    admin = await as(t.ctx, 'admin');
  });
  afterAll(() => t?.close());

  it('has the events the sources name, each with its year only, its source, and nothing made up', async () => {
    const view = await listEvents(publicOf(t.ctx));
    expect(view.upcoming).toEqual([]);
    const past = view.kinds.flatMap((k) => k.past);
    expect(past.map((e) => [e.slug, e.date, e.theme, e.hostMemberName, e.status])).toEqual([
      ['radslaget-2019', { precision: 'year', value: '2019' }, 'Infrastruktur', 'Salem', 'scheduled'],
      ['sodertornskonferensen-2020', { precision: 'year', value: '2020' }, '', null, 'cancelled'],
      [
        'sodertornskonferensen-2019',
        { precision: 'year', value: '2019' },
        'Utvecklingsprogram 2035',
        null,
        'scheduled',
      ],
    ]);
    // The key-indicator and planning conferences have no dated occasion in the sources: their kinds
    // are described (from the sources) and have no events.
    const byKind = new Map(view.kinds.map((k) => [k.kind, k]));
    expect(byKind.get('nyckeltalskonferensen')!.past).toEqual([]);
    expect(byKind.get('planeringskonferensen')!.past).toEqual([]);
    expect(byKind.get('nyckeltalskonferensen')!.series?.whenText).toBe('Vartannat år.');
    expect(byKind.get('planeringskonferensen')!.series?.whenText).toBe('Januari.');

    const radslaget = await getEvent(publicOf(t.ctx), 'radslaget-2019');
    expect(radslaget.event.source).toContain('Tyresö kommun');
    expect(radslaget.event.source).toContain('Flemingsberg Science');
    expect(radslaget.event).toMatchObject({ startTime: '', place: '', programmeText: '', summary: '', agenda: [] });
    const conference = await getEvent(publicOf(t.ctx), 'sodertornskonferensen-2019');
    expect(conference.programme).toEqual({ slug: 'sup-2035', name: 'Södertörns utvecklingsprogram 2035' });
    expect(conference.event.source).toContain('Tidigare teman för Södertörnskonferenserna');
    const created = await eventsOf(t.ctx, 'event.created');
    expect(created.map((e) => e.summary)).toEqual([
      'Lade till evenemanget Rådslaget 2019 från demodata.',
      'Lade till evenemanget Södertörnskonferensen 2019 från demodata.',
      'Lade till evenemanget Södertörnskonferensen 2020 från demodata.',
    ]);
  });

  it('lets the secretariat create an event with a free address, audited', async () => {
    const tyreso = await memberId(t.ctx, '0138');
    const first = await createEvent(admin, form({ hostMemberId: String(tyreso) }));
    expect(first).toMatchObject({
      slug: 'radslaget-2027',
      date: { precision: 'day', value: '2027-02-11' },
      startTime: '09:00',
      endTime: '16:00',
      hostMemberId: tyreso,
      version: 1,
    });
    const second = await createEvent(admin, form({ date: '2027-10', startTime: '', endTime: '' }));
    expect(second.slug).toBe('radslaget-2027-2');
    const audit = (await eventsOf(t.ctx, 'event.created')).at(-2)!;
    expect(audit.entity_type).toBe('event');
    expect(audit.entity_id).toBe(String(first.id));
    expect(audit.summary).toBe('Lade till evenemanget Rådslaget 2027 (publicerat).');
    expect(JSON.parse(audit.after_json!)).toMatchObject({
      hostMember: 'Tyresö',
      date: '2027-02-11',
      eventKind: 'radslaget',
    });

    const view = await listEvents(publicOf(t.ctx));
    expect(view.upcoming.map((e) => e.slug)).toEqual(['radslaget-2027', 'radslaget-2027-2']);
  });

  it('refuses bad input in Swedish and changes nothing', async () => {
    const before = await contentFingerprint(t.storage);
    const wrongDay = await rejection(createEvent(admin, form({ date: '2027-02-30' })));
    expect(wrongDay.code).toBe('validation_failed');
    expect(wrongDay.problems).toEqual([
      {
        field: 'date',
        message: 'Datumet 2027-02-30 finns inte i kalendern. Skriv ett datum som finns, till exempel 2027-02-11.',
      },
    ]);
    const missing = await rejection(createEvent(admin, form({ kind: '', date: '' })));
    expect(missing.problems.map((p) => p.field)).toEqual(['kind', 'date']);
    expect(missing.problems[1]!.message).toBe('Skriv datumet, till exempel 2027-02-11.');
    const yearWithTime = await rejection(createEvent(admin, form({ date: '2027' })));
    expect(yearWithTime.problems).toEqual([
      {
        field: 'startTime',
        message:
          'Klockslag kan bara anges när dagen är känd. Skriv hela datumet (ÅÅÅÅ-MM-DD) eller ta bort klockslaget.',
      },
    ]);
    const backwards = await rejection(createEvent(admin, form({ startTime: '15.00', endTime: '09.00' })));
    expect(backwards.problems).toEqual([{ field: 'endTime', message: 'Sluttiden ska vara efter starttiden.' }]);
    const badTime = await rejection(createEvent(admin, form({ startTime: '25.00' })));
    expect(badTime.problems).toEqual([
      { field: 'startTime', message: 'Skriv starttiden som TT.MM, till exempel 09.30.' },
    ]);
    const foreign = await rejection(createEvent(admin, form({ hostMemberId: '999999', programmeId: '999999' })));
    expect(foreign.problems.map((p) => p.field)).toEqual(['hostMemberId', 'programmeId']);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('saves edits over the version opened, and refuses a stale one', async () => {
    const created = await createEvent(admin, form({ kind: 'planeringskonferensen', date: '2028-01-20' }));
    const updated = await updateEvent(
      admin,
      created.slug,
      form({ kind: 'planeringskonferensen', date: '2028-01-21', version: '1' }),
    );
    expect(updated).toMatchObject({ version: 2, date: { value: '2028-01-21' }, slug: 'planeringskonferensen-2028' });
    const audit = (await eventsOf(t.ctx, 'event.updated')).at(-1)!;
    expect(audit.summary).toBe('Ändrade uppgifterna om evenemanget Planeringskonferensen 2028.');
    expect(JSON.parse(audit.before_json!)).toEqual({ date: '2028-01-20' });
    expect(JSON.parse(audit.after_json!)).toEqual({ date: '2028-01-21' });
    const stale = await rejection(
      updateEvent(admin, created.slug, form({ kind: 'planeringskonferensen', version: '1' })),
    );
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/^Evenemanget har ändrats av någon annan/);
    // By number too.
    expect((await getEvent(admin, String(created.id))).event.slug).toBe('planeringskonferensen-2028');
  });

  it('stores the agenda line by line, refusing a time that does not exist', async () => {
    const e = await createEvent(admin, form({ kind: 'nyckeltalskonferensen', date: '2028-03-02' }));
    const saved = await saveAgenda(admin, e.slug, {
      agenda: '09.00–09.30 Välkomna\n\n13.00 Lunch\nAvslutning',
      version: '1',
    });
    expect(saved.agenda).toEqual([
      { startTime: '09:00', endTime: '09:30', title: 'Välkomna' },
      { startTime: '13:00', endTime: '', title: 'Lunch' },
      { startTime: '', endTime: '', title: 'Avslutning' },
    ]);
    expect((await eventsOf(t.ctx, 'event.agenda_saved')).at(-1)!.summary).toBe(
      'Sparade dagordningen för Nyckeltalskonferensen 2028 (3 punkter).',
    );
    const before = await contentFingerprint(t.storage);
    const bad = await rejection(saveAgenda(admin, e.slug, { agenda: '09.00 Välkomna\n24.30 Mingel', version: '2' }));
    expect(bad.problems).toEqual([
      {
        field: 'agenda',
        message:
          'Punkt 2 (”24.30 Mingel”) har en tid som inte finns. Skriv tiden som TT.MM eller TT.MM–TT.MM, till exempel 09.00–09.30, och sluttiden efter starttiden.',
      },
    ]);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('documents an event: summary, files, recordings only with captions, outcomes; each audited', async () => {
    const e = await createEvent(
      admin,
      form({ kind: 'sodertornskonferensen', date: '2026-10-01', startTime: '', endTime: '' }),
    );
    await saveSummary(admin, e.slug, { summary: 'Konferensen samlade 200 deltagare.', version: '1' });
    const withFile = await addFile(admin, e.slug, {
      fileName: 'Presentationer',
      fileUrl: 'https://sodertornskommunerna.se/presentationer.pdf',
      fileFormat: 'pdf',
      fileSize: '2,4 MB',
    });
    expect(withFile.files).toEqual([
      {
        id: expect.any(Number),
        name: 'Presentationer',
        url: 'https://sodertornskommunerna.se/presentationer.pdf',
        format: 'pdf',
        sizeBytes: 2_400_000,
      },
    ]);

    // A recording without captions is never published; the refusal is Swedish and nothing changes.
    const before = await contentFingerprint(t.storage);
    const refused = await rejection(
      addRecording(admin, e.slug, {
        recordingTitle: 'Förmiddagen',
        recordingUrl: 'https://play.example.se/forvmiddagen',
        recordingPublished: 'ja',
      }),
    );
    expect(refused.code).toBe('validation_failed');
    expect(refused.problems).toEqual([
      {
        field: 'recordingCaptions',
        message:
          'En inspelning kan publiceras först när den har undertexter. Lägg till undertexter i inspelningen och markera att den har det, eller spara den utan att publicera.',
      },
    ]);
    expect(await contentFingerprint(t.storage)).toEqual(before);

    const unpublished = await addRecording(admin, e.slug, {
      recordingTitle: 'Förmiddagen',
      recordingUrl: 'https://play.example.se/formiddagen',
    });
    const recording = unpublished.recordings[0]!;
    expect(recording).toMatchObject({ hasCaptions: false, published: false });
    const stillRefused = await rejection(updateRecording(admin, e.slug, recording.id, { published: 'ja' }));
    expect(stillRefused.problems[0]!.field).toBe(`recording-${recording.id}-captions`);
    const published = await updateRecording(admin, e.slug, recording.id, { hasCaptions: 'ja', published: 'ja' });
    expect(published.recordings[0]).toMatchObject({ hasCaptions: true, published: true });

    const withOutcome = await addOutcome(admin, e.slug, {
      outcomeText: 'Synpunkterna på programförslaget lämnades till samrådet.',
      outcomeUrl: '/program/sup-2035',
    });
    expect(withOutcome.outcomes).toEqual([
      {
        id: expect.any(Number),
        text: 'Synpunkterna på programförslaget lämnades till samrådet.',
        url: '/program/sup-2035',
      },
    ]);
    const summaries = (await eventsOf(t.ctx, 'event.documentation_changed')).slice(-5).map((a) => a.summary);
    expect(summaries).toEqual([
      'Sparade sammanfattningen av Södertörnskonferensen 2026.',
      'Lade till filen ”Presentationer” i dokumentationen av Södertörnskonferensen 2026.',
      'Lade till inspelningen ”Förmiddagen” (inte publicerad) i dokumentationen av Södertörnskonferensen 2026.',
      'Ändrade inspelningen ”Förmiddagen” i Södertörnskonferensen 2026 (publicerad, med undertexter).',
      'Lade till ett resultat av Södertörnskonferensen 2026.',
    ]);

    const badInput = await rejection(
      addFile(admin, e.slug, { fileName: '', fileUrl: 'javascript:alert(1)', fileFormat: 'exe', fileSize: 'stor' }),
    );
    expect(badInput.problems.map((p) => p.field)).toEqual(['fileName', 'fileUrl', 'fileFormat', 'fileSize']);
    const badLink = await rejection(
      addOutcome(admin, e.slug, { outcomeText: 'Ett beslut', outcomeUrl: '//evil.example' }),
    );
    expect(badLink.problems.map((p) => p.field)).toEqual(['outcomeUrl']);

    const after = await removeOutcome(admin, e.slug, withOutcome.outcomes[0]!.id)
      .then(() => removeRecording(admin, e.slug, recording.id))
      .then(() => removeFile(admin, e.slug, withFile.files[0]!.id));
    expect(after).toMatchObject({
      files: [],
      recordings: [],
      outcomes: [],
      summary: 'Konferensen samlade 200 deltagare.',
    });
    expect((await rejection(removeFile(admin, e.slug, withFile.files[0]!.id))).code).toBe('not_found');
  });

  it('lets only the secretariat change events; drafts only for the cooperation’s own people', async () => {
    const before = await contentFingerprint(t.storage);
    const officer = await as(t.ctx, 'member_officer', '0136');
    expect((await rejection(createEvent(officer, form()))).code).toBe('forbidden');
    expect((await rejection(createEvent(publicOf(t.ctx), form()))).code).toBe('unauthenticated');
    expect((await rejection(saveSummary(officer, 'radslaget-2019', { summary: 'x', version: '1' }))).code).toBe(
      'forbidden',
    );
    expect(await contentFingerprint(t.storage)).toEqual(before);

    const draft = await createEvent(admin, form({ date: '2029-02-08', publication: 'draft' }));
    expect((await rejection(getEvent(publicOf(t.ctx), draft.slug))).code).toBe('unauthenticated');
    expect((await listEvents(publicOf(t.ctx))).upcoming.map((e) => e.slug)).not.toContain(draft.slug);
    expect((await listEvents(await as(t.ctx, 'reader'))).upcoming.map((e) => e.slug)).toContain(draft.slug);
    expect((await getEvent(await as(t.ctx, 'reader'), draft.slug)).mayEdit).toBe(false);
    expect(await eventPaths(admin)).not.toContain(`/evenemang/${draft.slug}`);
    expect(await eventPaths(admin)).toContain('/evenemang/radslaget-2019');
  });

  it('offers the published events whose day is known as a calendar', async () => {
    const ics = await eventCalendar(t.ctx, { baseUrl: 'https://samverkan.example' });
    expect(ics).toContain('BEGIN:VCALENDAR');
    // Rådslaget 2027-02-11 09.00–16.00 Swedish time is 08.00–15.00 UTC.
    expect(ics).toMatch(/DTSTART:20270211T080000Z/);
    expect(ics).toMatch(/DTEND:20270211T150000Z/);
    expect(ics).toContain('https://samverkan.example/evenemang/radslaget-2027');
    // Year-only (the demo's) and draft events are not in it.
    expect(ics).not.toContain('radslaget-2019');
    expect(ics).not.toContain('2029');
  });
});
