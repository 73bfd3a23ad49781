/**
 * The annual report as a document (a DocumentModel, before any rendering) on both databases, for the
 * demo's follow-up year 2026 (the invented example plans): the page's sections in the page's order,
 * every activity of the Excel file, each indicator as a chart with its table, the example notice, and
 * not found for a year without plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, readRepos } from '../../src/app/context.js';
import { getAnnualReportDocument } from '../../src/app/documents/annual-report-document.js';
import { annualReportTable, annualReportTitle } from '../../src/app/results/annual-report.js';
import { getYearResults, type GoalResult, type YearResults } from '../../src/app/results/year-results.js';
import { contentsEntries, contentText, type Block, type DocumentModel } from '../../src/documents/document-model.js';
import { ANONYMOUS } from '../../src/domain/auth/actor.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import { DomainError } from '../../src/domain/errors.js';
import { EXAMPLE_FIGURES_NOTICE } from '../../src/domain/plans/example-notices.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

const YEAR = 2026;
const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

const goalsOf = (r: YearResults): GoalResult[] => r.programmes.flatMap((p) => p.focusAreas.flatMap((a) => a.goals));
const figures = (doc: DocumentModel) => doc.blocks.flatMap((b) => (b.kind === 'figure' ? [b] : []));
const headingTexts = (doc: DocumentModel, level: number) =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));

function expectCleanText(doc: DocumentModel) {
  const json = JSON.stringify(doc);
  for (const bad of ['undefined', 'NaN', '[object', 'null']) expect(json).not.toContain(bad);
  const texts = doc.blocks.flatMap((b: Block) =>
    b.kind === 'paragraph' ? [contentText(b.content)] : b.kind === 'heading' ? [b.text] : [],
  );
  for (const text of texts) expect(text.trim()).not.toBe('');
}

async function notFoundOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe.each(testDialects)('annual report document on %s', (dialect) => {
  let t: TestContext;
  let results: YearResults;
  let doc: DocumentModel;
  let linkedGoal: GoalResult;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    // The demo links its one target to a 2013 goal; follow it on a goal the 2026 plans serve too.
    const repos = readRepos(t.ctx);
    const before = await getYearResults(t.ctx, YEAR);
    linkedGoal = goalsOf(before).find((g) => g.activities.length > 0)!;
    const [link] = await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id);
    const { id: _id, ...copy } = link!;
    await repos.goalIndicators.insert({ ...copy, goalId: linkedGoal.goal.id }, '2026-11-27T10:00:00.000Z');
    results = await getYearResults(t.ctx, YEAR, { indicators: true });
    doc = await getAnnualReportDocument(t.ctx, YEAR);
  });
  afterAll(() => t?.close());

  it('has the page title, the draft and example notices, and a Swedish file name', () => {
    expect(doc.kind).toBe('annual-report');
    expect(doc.title).toBe(annualReportTitle(YEAR));
    expect(doc.issuer).toBe('Södertörns samarbetskommitté');
    expect(doc.date).toBe('2026-11-27');
    expect(doc.fileName).toBe('arsredovisning-2026-utkast-exempel-2026-11-27');
    expect(results.includesExamples).toBe(true);
    const notices = doc.blocks.flatMap((b) => (b.kind === 'notice' ? [b.text] : []));
    expect(notices).toContain(EXAMPLE_FIGURES_NOTICE);
    expect(notices.some((n) => n.startsWith('Utkast.'))).toBe(true);
    // The notices come before the contents, the contents before the first section.
    const first = (kind: Block['kind']) => doc.blocks.findIndex((b) => b.kind === kind);
    expect(first('notice')).toBeLessThan(first('contents'));
    expect(first('contents')).toBeLessThan(first('heading'));
    expectCleanText(doc);
  });

  it('has the page’s sections in the page’s order: the plans, then each focus area with its goals', () => {
    const [programme] = results.programmes;
    expect(results.programmes).toHaveLength(1);
    expect(contentsEntries(doc).map((e) => e.text)).toEqual([
      'Planer som ingår',
      ...programme!.focusAreas.map((a) => a.focusArea.name),
    ]);
    expect(headingTexts(doc, 3)).toEqual(goalsOf(results).map((g) => g.goal.title));
    const plans = doc.blocks.find(
      (b) => b.kind === 'table' && b.caption === `Planer för ${YEAR} som siffrorna bygger på`,
    );
    expect(plans?.kind === 'table' && plans.rows.map((r) => r[0])).toEqual(
      results.plans.map((p) => `${p.plan.title} (exempel)`),
    );
  });

  it('rolls up each goal and lists every activity the Excel file lists', () => {
    for (const g of goalsOf(results)) {
      const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.level === 3 && b.text === g.goal.title);
      const facts = doc.blocks[at + 1];
      expect(facts?.kind).toBe('facts');
      if (facts?.kind !== 'facts') continue;
      expect(facts.items.map((i) => i.term)).toEqual(['Aktiviteter', 'Viktat framsteg P', 'Nyckeltalens bedömning']);
      expect(contentText(facts.items[0]!.value)).toMatch(new RegExp(`^${g.rollup.total} aktivitet`));
      const table = doc.blocks.find(
        (b) => b.kind === 'table' && b.caption === `Aktiviteter ${YEAR} för ${g.goal.title} och deras utfall`,
      );
      if (g.activities.length === 0) expect(table).toBeUndefined();
      else expect(table?.kind === 'table' && table.rows).toHaveLength(g.activities.length);
    }
    const activityCells = doc.blocks.flatMap((b) =>
      b.kind === 'table' && b.caption.startsWith(`Aktiviteter ${YEAR}`) ? b.rows.map((r) => r[0]!) : [],
    );
    const excel = annualReportTable(results, 'https://exempel.invalid/uppfoljning/2026/arsredovisning');
    const excelActivities = excel.rows.filter((r) => typeof r.activity === 'string' && !r.activity.startsWith('('));
    expect(excelActivities.length).toBeGreaterThan(0);
    for (const row of excelActivities) expect(activityCells.some((c) => c.startsWith(String(row.activity)))).toBe(true);
    expect(activityCells.length).toBe(excelActivities.length);
  });

  it('shows each goal’s indicator as a chart with its table, never a chart alone', () => {
    const all = figures(doc);
    expect(all).toHaveLength(linkedGoal ? 1 : 0);
    const view = goalsOf(results).find((g) => g.goal.id === linkedGoal.goal.id)!.indicators[0]!;
    for (const f of all) {
      expect(f.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(f.alt).toContain(view.evaluation.sentence);
      expect(f.table.kind).toBe('table');
      expect(f.table.rows.length).toBeGreaterThan(0);
      expect(f.table.rows).toHaveLength(view.series.length);
      expect(f.table.head).toEqual(['År', view.measuredName, 'Riket']);
      expect(f.table.rowHeaders).toBe(true);
      for (const row of f.table.rows) expect(row).toHaveLength(f.table.head.length);
    }
    // The figure belongs to its goal: after the goal's heading, before the next one.
    const goalAt = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === linkedGoal.goal.title);
    const figureAt = doc.blocks.indexOf(all[0]!);
    const nextHeading = doc.blocks.findIndex((b, i) => i > goalAt && b.kind === 'heading');
    expect(figureAt).toBeGreaterThan(goalAt);
    expect(nextHeading === -1 || figureAt < nextHeading).toBe(true);
    expect(doc.sources.some((s) => s.includes(view.indicator.source))).toBe(true);
  });

  it('names its sources: the plans and rounds of the year and the programme', () => {
    expect(doc.sources[0]).toContain(`planer för ${YEAR} (${results.plans.length} st)`);
    for (const r of results.rounds) expect(doc.sources[0]).toContain(r.name);
    expect(doc.sources.some((s) => s.startsWith(results.programmes[0]!.programme.name))).toBe(true);
    expect(new Set(doc.sources).size).toBe(doc.sources.length);
  });

  it('shows the public what the page shows it: the adopted plans', async () => {
    const publicDoc = await getAnnualReportDocument(actingAs(t.ctx, ANONYMOUS, PUBLIC_PRINCIPAL), YEAR);
    const publicResults = await getYearResults(actingAs(t.ctx, ANONYMOUS, PUBLIC_PRINCIPAL), YEAR);
    const plans = publicDoc.blocks.find((b) => b.kind === 'table' && b.caption.startsWith('Planer för'));
    expect(plans?.kind === 'table' && plans.rows).toHaveLength(publicResults.plans.length);
    expectCleanText(publicDoc);
  });

  it('says a year without plans, or a number that is no year, is not found', async () => {
    const none = await notFoundOf(getAnnualReportDocument(t.ctx, 2046));
    expect(none).toBeInstanceOf(DomainError);
    expect(none).toMatchObject({ code: 'not_found', message: 'Uppföljningen för 2046 finns inte.' });
    for (const year of [Number.NaN, 2026.5, 12345, -1])
      expect(await notFoundOf(getAnnualReportDocument(t.ctx, year))).toMatchObject({
        code: 'not_found',
        message: 'Uppföljningsåret finns inte.',
      });
  });
});
