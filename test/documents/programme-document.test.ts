/**
 * The programme as a document (a DocumentModel, before any rendering) on both databases: the real
 * Södertörn programmes of the demo, every focus area and goal with its real name, the adoption record
 * with one row per member, the indicator targets, and the programme page's not-found error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProgrammeDocument } from '../../src/app/documents/programme-document.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { actingAs, readRepos } from '../../src/app/context.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { ANONYMOUS } from '../../src/domain/auth/actor.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import {
  contentsEntries,
  contentText,
  type Block,
  type DocumentModel,
  type TableBlock,
} from '../../src/documents/document-model.js';
import { DomainError } from '../../src/domain/errors.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

const MEMBERS = ['Huddinge', 'Botkyrka', 'Salem', 'Haninge', 'Tyresö', 'Nykvarn', 'Södertälje', 'Nynäshamn'];
const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

const headings = (doc: DocumentModel, level?: number) =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' && (level === undefined || b.level === level) ? [b] : []));
const tables = (doc: DocumentModel): TableBlock[] =>
  doc.blocks.flatMap((b): TableBlock[] => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.table] : []));
const adoptionTable = (doc: DocumentModel) =>
  tables(doc).find((t) => t.caption === 'Medlemmarnas beslut om programmet')!;

/** Every text the model carries, for checks that no "undefined", "NaN" or "[object …]" slipped in. */
function expectCleanText(doc: DocumentModel) {
  const json = JSON.stringify(doc);
  for (const bad of ['undefined', 'NaN', '[object', 'null']) expect(json).not.toContain(bad);
  const blockTexts = doc.blocks.flatMap((b: Block) =>
    b.kind === 'paragraph' ? [contentText(b.content)] : b.kind === 'heading' ? [b.text] : [],
  );
  for (const text of blockTexts) expect(text.trim()).not.toBe('');
}

describe.each(testDialects)('programme document on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  it('publishes sup-2035 with its sections in order, named by the cooperation', async () => {
    const doc = await getProgrammeDocument(t.ctx, 'sup-2035');
    const { programme } = await getProgramme(t.ctx, 'sup-2035');
    expect(doc.kind).toBe('programme');
    expect(doc.title).toBe(programme.name);
    expect(doc.issuer).toBe('Södertörns samarbetskommitté');
    expect(doc.subtitle).toContain(`version ${programme.version}`);
    expect(doc.date).toBe('2026-11-27');
    expect(doc.fileName).toBe(`sodertorns-utvecklingsprogram-2035-version-${programme.version}-2026-11-27`);
    expect(doc.fileName).toMatch(/^[a-z0-9-]+$/);
    expect(doc.header.map((h) => h.term)).toEqual(
      expect.arrayContaining(['Version', 'Status', 'Giltighetstid', 'Målår', 'Datum']),
    );
    expect(contentText(doc.header.find((h) => h.term === 'Målår')!.value)).toBe(String(programme.targetYear));

    expect(doc.blocks.filter((b) => b.kind === 'contents')).toHaveLength(1);
    const sections = contentsEntries(doc).map((e) => e.text);
    const required = ['Vision', 'Övergripande mål', 'Genomgående perspektiv', 'Fokusområden och mål', 'Antagande'];
    expect(sections.filter((s) => required.includes(s))).toEqual(required);
    // Every level-2 heading has an id, so the contents list them all.
    expect(headings(doc, 2).every((h) => h.kind === 'heading' && h.id)).toBe(true);
    expect(new Set(contentsEntries(doc).map((e) => e.id)).size).toBe(contentsEntries(doc).length);
    expectCleanText(doc);
  });

  it('has every focus area as h3 and every goal as h4 with its strategies, in the programme order', async () => {
    for (const ref of ['sup-2035', 'sup-2035-proposal', 'sup-2013']) {
      const doc = await getProgrammeDocument(t.ctx, ref);
      const { programme } = await getProgramme(t.ctx, ref);
      expect(headings(doc, 3).map((h) => h.text)).toEqual(programme.focusAreas.map((a) => a.name));
      expect(headings(doc, 4).map((h) => h.text)).toEqual(goalsOf(programme).map((g) => g.title));
      const listed = doc.blocks.flatMap((b) => (b.kind === 'list' ? b.items.map(contentText) : []));
      for (const s of goalsOf(programme).flatMap((g) => g.strategies)) expect(listed).toContain(s.text);
      const facts = doc.blocks.flatMap((b) => (b.kind === 'facts' ? b.items.map((i) => i.term) : []));
      expect(facts.filter((f) => f === 'Ansvarigt nätverk').length).toBeGreaterThanOrEqual(goalsOf(programme).length);
      expectCleanText(doc);
    }
    // The real programme has focus areas and goals.
    const { programme } = await getProgramme(t.ctx, 'sup-2035');
    expect(programme.focusAreas.length).toBeGreaterThan(0);
    expect(goalsOf(programme).length).toBeGreaterThan(0);
  });

  it('records the adoption with one row per member, those without a decision saying so', async () => {
    const doc = await getProgrammeDocument(t.ctx, 'sup-2035');
    const table = adoptionTable(doc);
    expect(table.head).toEqual(['Kommun', 'Beslutande organ', 'Datum', 'Paragraf', 'Beslut']);
    expect(table.rowHeaders).toBe(true);
    expect(table.rows.map((r) => r[0]).sort()).toEqual([...MEMBERS].sort());
    // The demo: all eight adopted on or before 2019-10-11 (the cooperation's news item).
    for (const row of table.rows) {
      expect(row[4]).toMatch(/^Antaget/);
      expect(row[2]).toBe('senast 2019-10-11');
    }
    expect(doc.sources.some((s) => s.startsWith('Beslut: '))).toBe(true);
    expect(doc.sources.some((s) => s.startsWith('Programmets text: '))).toBe(true);

    // The 2013 programme: the memo cites one board's decision without naming it; no member has one.
    const old = adoptionTable(await getProgrammeDocument(t.ctx, 'sup-2013'));
    expect(old.rows).toHaveLength(MEMBERS.length);
    expect(old.rows.every((r) => r[4] === 'Inget beslut registrerat')).toBe(true);
  });

  it('lists the indicators and targets linked to a goal as a table', async () => {
    const repos = readRepos(t.ctx);
    const indicator = (await repos.indicators.byKey(EDUCATION))!;
    const [link] = await repos.goalIndicators.forIndicator(indicator.id);
    const doc = await getProgrammeDocument(t.ctx, 'sup-2013');
    const { programme } = await getProgramme(t.ctx, 'sup-2013');
    const goal = goalsOf(programme).find((g) => g.id === link!.goalId)!;
    const table = tables(doc).find((tb) => tb.caption === `Nyckeltal och målvärden för målet ”${goal.title}”`)!;
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]![0]).toBe(indicator.title);
    expect(table.rows[0]![2]).toBe('minst lika högt som Riket');
    expect(table.rows[0]![4]).toBe(String(link!.targetYear));
    // The table follows the goal's heading.
    const goalIndex = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === goal.title);
    expect(doc.blocks.indexOf(table)).toBeGreaterThan(goalIndex);
    expect(doc.sources.some((s) => s.includes(indicator.source))).toBe(true);
  });

  it('carries no notice for the real programmes, and marks a draft, which the public may not read', async () => {
    const real = await getProgrammeDocument(t.ctx, 'sup-2035');
    expect(real.blocks.filter((b) => b.kind === 'notice')).toEqual([]);

    const { slug } = await createDraft(t.ctx, { from: 'sup-2035', name: 'Södertörns utvecklingsprogram 2040' });
    const draft = await getProgrammeDocument(t.ctx, slug);
    expect(draft.subtitle).toMatch(/^Utkast, version \d+$/);
    expect(draft.blocks[0]).toMatchObject({ kind: 'notice', text: expect.stringMatching(/^Utkast:/) });
    expect(draft.fileName).toMatch(/^sodertorns-utvecklingsprogram-2040-version-\d+-2026-11-27$/);
    expectCleanText(draft);
    const publicCtx = actingAs(t.ctx, ANONYMOUS, PUBLIC_PRINCIPAL);
    await expect(getProgrammeDocument(publicCtx, slug)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('says the programme does not exist, as the programme page does', async () => {
    for (const ref of ['finns-inte', '999999', '12345678901234']) {
      const error = await getProgrammeDocument(t.ctx, ref).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'not_found', message: 'Programmet finns inte.' });
    }
  });
});
