/**
 * The annual report draft as an Excel download, read back with exceljs: the lines above the table say
 * the year, that it is a draft, the source and (only then) that it builds on example plans; one row
 * per goal and activity with the goal's roll-up and its indicator verdicts in their own columns; the
 * public gets adopted plans only.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import type { Activity } from '../../src/domain/plans/plan.js';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { resultsFixture, type ResultsFixture } from '../support/plans.js';

const YEAR = 2041;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Sheet {
  name: string;
  preamble: string[];
  headerRow: number;
  frozenRows: number | undefined;
  rows: Record<string, unknown>[];
}

async function download(t: TestApp, year: number, cookie: string): Promise<{ res: Response; sheet: Sheet }> {
  const res = await t.app.request(`/uppfoljning/${year}/arsredovisning.xlsx`, { headers: { Cookie: cookie } });
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  expect(workbook.worksheets).toHaveLength(1);
  const ws = workbook.worksheets[0]!;
  const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  let headerRow = 1;
  while (values(headerRow)[0] !== 'Fokusområde') headerRow++;
  const headers = values(headerRow) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const cells = values(n);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null])));
  }
  const preamble = Array.from({ length: headerRow - 1 }, (_, i) => String(values(i + 1)[0] ?? ''));
  return {
    res,
    sheet: {
      name: ws.name,
      preamble,
      headerRow,
      frozenRows: (ws.views[0] as { ySplit?: number } | undefined)?.ySplit,
      rows,
    },
  };
}

describe.each(testDialects)('annual report download on %s', (dialect) => {
  let t: TestApp;
  let f: ResultsFixture;
  let a1: Activity, a2: Activity, draftActivity: Activity;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    f = await resultsFixture(t.ctx);
    const repos = readRepos(t.ctx);
    const [link] = await repos.goalIndicators.forIndicator(
      (await repos.indicators.byKey('sm-eftergymnasial-3ar-25-64'))!.id,
    );
    const { id: _id, ...copy } = link!;
    await repos.goalIndicators.insert({ ...copy, goalId: f.goalA1.id }, '2026-11-27T10:00:00.000Z');
    const plan = await f.plan({ year: YEAR });
    a1 = await f.activity(plan, { title: 'Gemensam analys', goalIds: [f.goalA1.id, f.goalA2.id], weight: 2 });
    a2 = await f.activity(plan, { title: '=HYPERLINK("http://example.invalid")', goalIds: [f.goalA1.id] });
    const draft = await f.plan({ year: YEAR, network: 1, state: 'draft' });
    draftActivity = await f.activity(draft, { title: 'Utkastets aktivitet', goalIds: [f.goalB1.id] });
    const round = await f.round(YEAR, 'Tertial 1', `${YEAR}-05-15`);
    await f.report(a1, round, 'yellow', 60, 'Försenad upphandling');
    await f.report(a2, round, 'green', 30);
  });
  afterAll(() => t?.close());

  it('states the year, the draft and the source above a table of goals and activities', async () => {
    const { res, sheet } = await download(t, YEAR, ANONYMOUS_COOKIE);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain(`filename="arsredovisning-${YEAR}-utkast.xlsx"`);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(sheet.name).toBe(`Årsredovisning ${YEAR}`);
    expect(sheet.preamble[0]).toBe(`Årsredovisning ${YEAR} – utkast`);
    expect(sheet.preamble[1]).toMatch(/^Utkast sammanställt 2026-11-27/);
    expect(sheet.preamble[2]).toMatch(
      /^Källa: samverkans planer för 2041 \(1 st\) och uppföljningsomgångarna Tertial 1/,
    );
    expect(sheet.preamble.join(' ')).toContain('P = Σ wᵢ·pᵢ / Σ wᵢ');
    expect(sheet.preamble.join(' ')).not.toContain('exempelplaner');
    expect(sheet.frozenRows).toBe(sheet.headerRow);

    const ofGoal = (goalTitle: string) => sheet.rows.filter((r) => r['Mål'] === goalTitle);
    const goalA1 = ofGoal(f.goalA1.title);
    expect(goalA1.map((r) => r['Aktivitet'])).toEqual(['Gemensam analys', '=HYPERLINK("http://example.invalid")']);
    expect(goalA1[0]).toMatchObject({
      Fokusområde: f.areaA.name,
      Nätverk: f.networks[0]!.name,
      Status: 'Gul – risk för avvikelse',
      'Framsteg (%)': 60,
      'Rapporterad i omgång': 'Tertial 1',
      Kommentar: 'Försenad upphandling',
      Vikt: 2,
      'Normaliserad vikt i målet': 0.6667,
      // (2·60 + 1·30) / 3 = 50; the whole weight reported.
      'Målets viktade framsteg P (%)': 50,
      'Målets täckningsgrad T (%)': 100,
      'Målets aktiviteter (antal)': 2,
      'Planens läge': 'Antagen av samarbetskommittén',
    });
    // A title that looks like a formula stays text.
    expect(typeof goalA1[1]!['Aktivitet']).toBe('string');
    expect(goalA1[1]!['Normaliserad vikt i målet']).toBe(0.3333);
    // The verdict beside, in its own column: not merged into P.
    expect(String(goalA1[0]!['Nyckeltalens bedömning (räknas inte in i P)'])).toContain('Inte i fas');
    // a1 serves goal A2 as well, and counts there fully.
    expect(ofGoal(f.goalA2.title)).toEqual([
      expect.objectContaining({
        Aktivitet: 'Gemensam analys',
        'Normaliserad vikt i målet': 1,
        'Målets viktade framsteg P (%)': 60,
      }),
    ]);
    // A goal without activities has one row that says so; the public does not see the draft's activity.
    expect(ofGoal(f.goalB1.title)).toEqual([
      expect.objectContaining({ Aktivitet: '(inga aktiviteter i årets planer)', 'Målets aktiviteter (antal)': 0 }),
    ]);
    const goals = f.programme.focusAreas.flatMap((a) => a.goals);
    expect(new Set(sheet.rows.map((r) => r['Mål']))).toEqual(new Set(goals.map((g) => g.title)));
  });

  it('gives the secretariat the draft plan’s activities too, marked with the plan’s state', async () => {
    const { sheet } = await download(t, YEAR, t.admin.cookie);
    const row = sheet.rows.find((r) => r['Aktivitet'] === draftActivity.title)!;
    expect(row).toMatchObject({
      Mål: f.goalB1.title,
      'Planens läge': 'Utkast',
      Status: 'Ej rapporterad i årets omgångar',
      'Framsteg (%)': null,
      'Målets täckningsgrad T (%)': 0,
      'Målets viktade framsteg P (%)': null,
    });
    expect(sheet.preamble[2]).toContain('(2 st)');
  });

  it('says when the figures build on example plans (the demo year)', async () => {
    const { res, sheet } = await download(t, 2026, ANONYMOUS_COOKIE);
    expect(res.headers.get('content-disposition')).toContain('arsredovisning-2026-utkast-exempel.xlsx');
    expect(sheet.preamble).toContain(
      'Exempel: uppgifterna bygger på påhittade exempelplaner som visar tjänsten; de är inte samverkans verkliga planer.',
    );
    const withActivity = sheet.rows.filter((r) => r['Nätverk']);
    expect(withActivity.length).toBeGreaterThan(0);
    for (const r of withActivity) expect(r['Exempel']).toBe('Exempel');
  });

  it('is not there for a year that is not four digits', async () => {
    expect((await t.app.request('/uppfoljning/26/arsredovisning.xlsx')).status).toBe(404);
  });
});
