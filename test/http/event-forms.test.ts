/**
 * The event pages and forms over real HTTP on both databases: the public list and event page (and in
 * English), the calendar and the sitemap; the secretariat creating an event and documenting it; bad
 * input shown beside the fields in Swedish with what was typed kept and nothing changed (a wrong date, a
 * missing field, a recording to publish without captions); and a member officer or the public refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

const text = async (r: Response) =>
  (await r.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

const eventForm = (overrides: Record<string, string> = {}) => ({
  kind: 'radslaget',
  date: '2027-02-11',
  startTime: '09.00',
  endTime: '15.30',
  place: 'Salems kommunhus',
  hostMemberId: '',
  theme: 'Bostäder',
  programmeId: '',
  programmeText: 'Beslutsfattare och näringsliv möts.',
  status: 'scheduled',
  publication: 'published',
  source: 'Inbjudan',
  version: '0',
  ...overrides,
});

describe.each(testDialects)('event pages and forms over HTTP on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (path: string, cookie?: string) =>
    t.app.request(`http://localhost${path}`, cookie ? { headers: { Cookie: cookie } } : undefined);

  it('shows the public the events by kind, each with its source, in Swedish and in English', async () => {
    const list = await get('/evenemang', ANONYMOUS_COOKIE);
    expect(list.status).toBe(200);
    const listText = await text(list);
    expect(listText).toContain('Kommande evenemang Inga kommande evenemang är inlagda.');
    expect(listText).toContain('Rådslaget 2019 – 2019, tema: Infrastruktur, värd: Salem');
    expect(listText).toContain('Södertörnskonferensen 2020 – 2020 Inställt');
    expect(listText).toContain('Nyckeltalskonferensen');
    expect(listText).toContain('Inga tidigare evenemang av det här slaget är inlagda.');
    expect(listText).not.toContain('Nytt evenemang');

    const page = await text(await get('/evenemang/radslaget-2019', ANONYMOUS_COOKIE));
    expect(page).toContain('Tema: Infrastruktur');
    expect(page).toContain('Datum 2019 (bara året är känt)');
    expect(page).toContain('Värdkommun Salem');
    expect(page).toContain('Källa Tyresö kommun, sidan om Södertörnssamarbetet (tyreso.se)');
    expect(page).not.toContain('Ändra uppgifterna');
    const conference = await get('/evenemang/sodertornskonferensen-2019', ANONYMOUS_COOKIE);
    expect(await conference.text()).toContain('href="/program/sup-2035"');
    expect((await get('/evenemang/finns-inte', ANONYMOUS_COOKIE)).status).toBe(404);

    const english = await get('/en/evenemang/radslaget-2019', ANONYMOUS_COOKIE);
    expect(english.status).toBe(200);
    const englishText = await text(english);
    expect(englishText).toContain('Theme: Infrastruktur');
    expect(englishText).toContain('Date 2019 (only the year is known)');
    expect(await text(await get('/en/evenemang', ANONYMOUS_COOKIE))).toContain('Past events');
  });

  it('lists the published events in the sitemap and the day-dated ones in the calendar', async () => {
    const sitemap = await (await get('/sitemap.xml', ANONYMOUS_COOKIE)).text();
    expect(sitemap).toContain('/evenemang</loc>');
    expect(sitemap).toContain('/evenemang/radslaget-2019</loc>');
    const calendar = await get('/evenemang/kalender.ics', ANONYMOUS_COOKIE);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toContain('text/calendar');
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
  });

  it('lets the secretariat create and document an event', async () => {
    const created = await postForm(t.app, '/evenemang/nytt', eventForm());
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/evenemang/radslaget-2027?sparat=created');
    const page = await text(await get('/evenemang/radslaget-2027?sparat=created'));
    expect(page).toContain('Evenemanget är sparat.');
    expect(page).toContain('Tid 09.00–15.30');
    expect(page).toContain('Ändra uppgifterna');

    const agenda = await postForm(t.app, '/evenemang/radslaget-2027/dagordning', {
      agenda: '09.00–09.30 Välkomna\n12.00 Lunch',
      version: '1',
    });
    expect(agenda.status).toBe(303);
    expect(await text(await get('/evenemang/radslaget-2027'))).toContain('09.00–09.30 Välkomna');

    const file = await postForm(t.app, '/evenemang/radslaget-2027/filer', {
      fileName: 'Program',
      fileUrl: 'https://sodertornskommunerna.se/program.pdf',
      fileFormat: 'pdf',
      fileSize: '350 kB',
    });
    expect(file.headers.get('location')).toBe('/evenemang/radslaget-2027/dokumentation?sparat=file');
    const recording = await postForm(t.app, '/evenemang/radslaget-2027/inspelningar', {
      recordingTitle: 'Hela dagen',
      recordingUrl: 'https://play.example.se/radslaget-2027',
      recordingCaptions: 'ja',
      recordingPublished: 'ja',
    });
    expect(recording.status).toBe(303);
    const documented = await text(await get('/evenemang/radslaget-2027'));
    expect(documented).toContain('Program (PDF, 350 kB)');
    expect(documented).toContain('Hela dagen (textad)');
  });

  it('refuses a wrong date, a missing field and a recording without captions in Swedish, keeping the input and changing nothing', async () => {
    const before = await contentFingerprint(t.storage);
    const wrongDate = await postForm(t.app, '/evenemang/nytt', eventForm({ date: '11/2 2027', theme: 'Mitt tema' }));
    expect(wrongDate.status).toBe(422);
    const wrongHtml = await wrongDate.text();
    expect(wrongHtml).toContain('Det finns fel i formuläret');
    expect(wrongHtml).toContain(
      'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-11. Är bara månaden eller året känt: skriv ÅÅÅÅ-MM eller ÅÅÅÅ.',
    );
    expect(wrongHtml).toContain('href="#date"');
    expect(wrongHtml).toContain('value="Mitt tema"');
    expect(wrongHtml).toContain('<title>Fel: Nytt evenemang – samverkan</title>');

    const missing = await postForm(t.app, '/evenemang/nytt', eventForm({ kind: '' }));
    expect(missing.status).toBe(422);
    expect(await text(missing)).toContain('Välj vilket slags evenemang det är');

    const uncaptioned = await postForm(t.app, '/evenemang/radslaget-2019/inspelningar', {
      recordingTitle: 'Utan text',
      recordingUrl: 'https://play.example.se/utan-text',
      recordingPublished: 'ja',
    });
    expect(uncaptioned.status).toBe(422);
    const uncaptionedText = await text(uncaptioned);
    expect(uncaptionedText).toContain('En inspelning kan publiceras först när den har undertexter.');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('refuses a member officer and the public before reading the form, changing nothing', async () => {
    const officer = await t.session('member_officer', { member: '0128' });
    const before = await contentFingerprint(t.storage);
    expect((await postForm(t.app, '/evenemang/nytt', eventForm(), officer)).status).toBe(403);
    expect((await get('/evenemang/nytt', officer.cookie)).status).toBe(403);
    expect((await postForm(t.app, '/evenemang/radslaget-2019/dokumentation', { summary: 'x' }, officer)).status).toBe(
      403,
    );
    expect((await postForm(t.app, '/evenemang/nytt', eventForm(), null)).status).toBe(401);
    const signIn = await get('/evenemang/nytt', ANONYMOUS_COOKIE);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/logga-in?till=%2Fevenemang%2Fnytt');
    // The officer reads published events like everyone, without the secretariat's links.
    expect(await text(await get('/evenemang', officer.cookie))).not.toContain('Nytt evenemang');
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });
});
