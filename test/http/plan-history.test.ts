/**
 * A plan's change history over HTTP on both databases: every recorded change of the plan, its activities
 * (also one removed since, named from the audit trail and marked as removed), the committee's decision
 * and the follow-up reports, newest first with who and when; an edit's fields before and after; nothing
 * of another plan with the same name; and who may read it (the programme history's readers and the plan's network).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { makePlanWithHistory, type PlanWithHistory } from '../support/plan-history.js';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe.each(testDialects)('plan history over HTTP on %s', (dialect) => {
  let t: TestApp;
  let h: PlanWithHistory;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    h = await makePlanWithHistory(t.ctx);
  });
  afterAll(async () => t?.close());

  const get = async (path: string, cookie?: string): Promise<Response> =>
    t.app.request(`http://localhost${path}`, cookie ? { headers: { Cookie: cookie } } : undefined);
  const pageAt = async (path: string, cookie?: string) => (await get(path, cookie)).text();
  const historyPath = () => `/historik/plan/${h.plan.id}`;

  /** The entries' one-line summaries, in page order. */
  const summaries = (html: string) =>
    [...html.matchAll(/<p class="ds-paragraph history-entry__summary">(.*?)<\/p>/g)].map((m) => m[1]);
  /** The entries themselves, in page order. */
  const entries = (html: string) => html.split('<li class="history-entry">').slice(1);

  it('lists every change of the plan, its activities, decision and reports, newest first', async () => {
    const res = await get(historyPath());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Ändringshistorik: Klimatplan 2027 för Södertörn</h1>');
    const decided = 'Samarbetskommitténs beslut om planen ”Klimatplan 2027 för Södertörn”: antagen, 2026-11-20, § 4.';
    expect(summaries(html)).toEqual([
      'Förde över den ofullbordade aktiviteten ”Klimatanalys för Södertörn” från 2027 till planen ”Klimatplan 2028 för Södertörn”.',
      'Rapporterade för ”Klimatanalys för Södertörn” (Tertial 1 2027): gul, 40 % genomfört.',
      decided,
      decided,
      'Lämnade in planen ”Klimatplan 2027 för Södertörn” till samarbetskommittén.',
      'Ändrade namnet i planen ”Klimatplan 2027 för Södertörn”.',
      'Tog bort aktiviteten ”Solcellskartläggning” ur planen ”Klimatplan 2027”.',
      'Lade till aktiviteten ”Solcellskartläggning” i planen ”Klimatplan 2027”.',
      'Ändrade aktiviteten ”Klimatanalys för Södertörn” i planen ”Klimatplan 2027”.',
      'Lade till aktiviteten ”Klimatanalys” i planen ”Klimatplan 2027”.',
      'Skapade planen ”Klimatplan 2027” (Klimatstrateger, 2027).',
    ]);
    // Who and when, in the site's Swedish formats (TEST_NOW is 11.00 in Stockholm).
    const all = entries(html).map(text);
    expect(all[1]).toContain(`2026-11-27 kl. 11.00 · ${h.memberName}`);
    expect(all[4]).toContain(h.leadName);
    expect(all[2]).toContain('Systemet (samverkan)');
    // Another plan that had the same name lost an activity too: not this plan's history.
    expect(html).not.toContain('Främmande aktivitet');
  });

  it('names a removed activity from the audit trail and marks it as removed', async () => {
    const html = await pageAt(historyPath());
    const [removed, added] = entries(html)
      .slice(6, 8)
      .map((e) => text(e));
    expect(removed).toContain('Aktivitet: Solcellskartläggning Borttagen ur planen');
    expect(added).toContain('Aktivitet: Solcellskartläggning Borttagen ur planen');
    // What it was when removed, field by field.
    expect(removed).toContain('Visa uppgifterna före borttagningen');
    expect(removed).toContain('Ansvarig Klimatstrategen i Huddinge');
    // An activity still in the plan links to it.
    expect(html).toContain(`href="/planer/${h.plan.id}#aktivitet-${h.keptId}"`);
    expect(html).not.toContain(`#aktivitet-${h.removedId}"`);
  });

  it('shows an edit’s changed fields before and after', async () => {
    const html = await pageAt(historyPath());
    const edit = text(entries(html)[8]!);
    expect(edit).toContain('Visa vad som ändrades (2)');
    expect(edit).toMatch(/Namn Före: Klimatanalys Efter: Klimatanalys för Södertörn/);
    expect(edit).toMatch(/Budget \(kr\) Före: 100\s000 Efter: 150\s000/);
    // The unchanged fields are not repeated.
    expect(edit).not.toContain('Ansvarig');
    const renamed = text(entries(html)[5]!);
    expect(renamed).toMatch(/Namn Före: Klimatplan 2027 Efter: Klimatplan 2027 för Södertörn/);
  });

  it('is linked from the plan page for those who may read it, and the next year’s plan has its own', async () => {
    const planPage = await pageAt(`/planer/${h.plan.id}`);
    expect(planPage).toContain(`href="${historyPath()}"`);
    const publicPage = await pageAt(`/planer/${h.plan.id}`, ANONYMOUS_COOKIE);
    expect(publicPage).not.toContain(historyPath());

    const next = await pageAt(`/historik/plan/${h.nextYear.id}`);
    expect(summaries(next)).toEqual([
      'Förde över den ofullbordade aktiviteten ”Klimatanalys för Södertörn” från 2027 till planen ”Klimatplan 2028 för Södertörn”.',
      'Skapade planen ”Klimatplan 2028 för Södertörn” (Klimatstrateger, 2028), kopierad från planen för 2027.',
    ]);
  });

  it('is shown to the secretariat, readers and the plan’s own network, and to no one else', async () => {
    const anonymous = await get(historyPath(), ANONYMOUS_COOKIE);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/logga-in');
    const ownMember = await t.session('network_member', { network: 'klimatstrateger' });
    const own = await get(historyPath(), ownMember.cookie);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Solcellskartläggning');
    const otherMember = await t.session('network_member', { network: 'planeringschefer' });
    const refused = await get(historyPath(), otherMember.cookie);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('Solcellskartläggning');
    const officer = await t.session('member_officer', { member: '0127' });
    expect((await get(historyPath(), officer.cookie)).status).toBe(403);
    const reader = await t.session('reader');
    expect((await get(historyPath(), reader.cookie)).status).toBe(200);
    expect((await get('/historik/plan/999999')).status).toBe(404);
  });
});
