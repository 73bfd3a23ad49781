/**
 * A member's memo (tjänsteskrivelse) on a proposed version, on both databases: the document samverkan
 * writes from what it holds (the member's earlier decision looked up, a placeholder where it is not
 * known), the member's own texts saved per member and version with the version check and audit, and
 * where each of the eight stands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { getMemoDocument } from '../../src/app/documents/memo-document.js';
import { getMemo, getMemoOverview } from '../../src/app/memos/get-memos.js';
import { saveMemo } from '../../src/app/memos/save-memo.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { contentText, type Block, type DocumentModel } from '../../src/documents/document-model.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { eventsOf, rejection } from '../support/plans.js';

const PROPOSAL = 'sup-2035-proposal';
const HANINGE = '0136';

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

const headings = (doc: DocumentModel) => doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const textOf = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
      return contentText(block.content);
    case 'list':
      return block.items.map(contentText).join('\n');
    case 'heading':
      return block.text;
    default:
      return '';
  }
};
const allText = (doc: DocumentModel) => doc.blocks.map(textOf).join('\n');

const form = (overrides: Record<string, unknown> = {}) => ({
  status: 'draft',
  diarienummer: 'KS 2019/124',
  officer: 'Handläggaren Testsson, utvecklingsstrateg',
  committee: 'Kommunledningsutskottet',
  administration: 'Kommunstyrelseförvaltningen',
  summary: '',
  assessment: 'Förvaltningen tillstyrker förslaget.',
  consequenceKinds: ['economy', 'children'],
  consequenceEconomy: 'Förslaget medför inga nya kostnader.',
  consequenceClimate: '',
  consequenceGenderEquality: '',
  consequenceChildren: '',
  recipients: 'Södertörns samarbetskommitté\nKommunledningskontoret',
  signatories: 'Förnamn Efternamn, kommundirektör\nAnnan Person, chef medborgarfokus',
  version: '0',
  ...overrides,
});

describe.each(testDialects)('member memos on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  it('writes the Haninge memo on the 2035 proposal in the memo’s order, asking for the unknown earlier decision', async () => {
    const doc = await getMemoDocument(await as(t.ctx, 'reader'), PROPOSAL, HANINGE);
    expect(doc).toMatchObject({
      kind: 'memo',
      title: 'Södertörns utvecklingsprogram 2035',
      issuer: 'Haninge kommun',
      documentType: 'Tjänsteskrivelse',
      date: '2026-11-27',
      fileName: 'tjansteskrivelse-haninge-sodertorns-utvecklingsprogram-2035-version-1-2026-11-27',
    });
    expect(doc.subtitle).toBe('Kommunstyrelseförvaltningens förslag till utskottet för beslut i kommunstyrelsen');
    expect(headings(doc)).toEqual([
      'Förslag till beslut',
      'Sammanfattning',
      'Beskrivning av ärendet',
      'Konsekvenser',
      'Ekonomiska konsekvenser',
      'Konsekvenser för klimat och miljö',
      'Konsekvenser för jämställdhet',
      'Konsekvenser för barn (barnkonsekvensanalys)',
      'Bilagor',
      'Beslutet skickas till',
    ]);
    const proposal = doc.blocks.find((b) => b.kind === 'list')!;
    expect(textOf(proposal)).toBe(
      'Förslag till Södertörns utvecklingsprogram 2035 godkänns och ersätter motsvarande program som godkändes av kommunstyrelsen datum och § för kommunstyrelsens beslut om Södertörns utvecklingsprogram.',
    );
    // The unknown decision is a visible placeholder, not a guess (2013-04-29 § 78 is the memo's unnamed municipality's).
    expect(JSON.stringify(proposal)).toContain('"placeholder":true');
    expect(allText(doc)).not.toContain('2013-04-29');
    const text = allText(doc);
    expect(text).toContain('Förändringar som föreslås från tidigare program är att:');
    expect(text).toContain('nytt målområde, funktionell samordning, införs');
    expect(text).toContain('nytt fokusområde, Funktionell samordning, införs');
    expect(text.indexOf('nytt målområde, funktionell samordning, införs')).toBeLessThan(
      text.indexOf('nytt fokusområde, Funktionell samordning, införs'),
    );
    expect(text).toContain('ska gälla 2019–2022');
    expect(doc.blocks[0]).toMatchObject({ kind: 'notice' });
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'signatures' });
    expect(JSON.stringify(doc)).not.toMatch(/undefined|NaN|\[object/);
    expect(doc.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('names the member’s own earlier decision when it is recorded', async () => {
    const doc = await getMemoDocument(await as(t.ctx, 'reader'), 'sup-2035-rev-2021', HANINGE);
    const proposal = doc.blocks.find((b) => b.kind === 'list')!;
    expect(textOf(proposal)).toBe(
      'Förslag till Södertörns utvecklingsprogram 2035 (justerat) godkänns och ersätter motsvarande program som godkändes av kommunstyrelsen senast 2019-10-11 §.',
    );
  });

  it('keeps a memo internal and refuses a draft programme and an unknown member', async () => {
    const publicCtx = actingAs(t.ctx, { kind: 'anonymous' }, PUBLIC_PRINCIPAL);
    expect((await rejection(getMemo(publicCtx, PROPOSAL, HANINGE))).code).toBe('unauthenticated');
    expect((await rejection(getMemo(t.ctx, PROPOSAL, '9999'))).code).toBe('not_found');
  });

  it('saves a member officer’s texts for their own member, audited, and shows them in the document', async () => {
    const officer = await as(t.ctx, 'member_officer', HANINGE);
    const saved = await saveMemo(officer, PROPOSAL, HANINGE, form());
    expect(saved).toMatchObject({ status: 'draft', version: 1, diarienummer: 'KS 2019/124' });
    const event = (await eventsOf(t.ctx, 'memo.saved')).at(-1)!;
    expect(event.entity_id).toBe(String(saved.id));
    expect(event.summary).toBe(
      'Sparade tjänsteskrivelsen för Haninge om ”Södertörns utvecklingsprogram 2035” (utkast).',
    );
    expect(JSON.parse(event.after_json!)).toMatchObject({ member: 'Haninge', committee: 'Kommunledningsutskottet' });

    const doc = await getMemoDocument(officer, PROPOSAL, HANINGE);
    expect(doc.subtitle).toBe(
      'Kommunstyrelseförvaltningens förslag till kommunledningsutskottet för beslut i kommunstyrelsen',
    );
    expect(headings(doc)).toEqual([
      'Förslag till beslut',
      'Sammanfattning',
      'Beskrivning av ärendet',
      'Förvaltningens bedömning',
      'Konsekvenser',
      'Ekonomiska konsekvenser',
      'Konsekvenser för barn (barnkonsekvensanalys)',
      'Bilagor',
      'Beslutet skickas till',
    ]);
    expect(doc.header).toContainEqual({ term: 'Diarienummer', value: 'KS 2019/124' });
    expect(doc.blocks.at(-1)).toEqual({
      kind: 'signatures',
      people: [
        { name: 'Förnamn Efternamn', title: 'kommundirektör' },
        { name: 'Annan Person', title: 'chef medborgarfokus' },
      ],
    });
  });

  it('refuses another member’s memo, a stale version and bad input in Swedish, changing nothing', async () => {
    const before = await contentFingerprint(t.storage);
    const botkyrka = await as(t.ctx, 'member_officer', '0127');
    expect((await rejection(saveMemo(botkyrka, PROPOSAL, HANINGE, form({ version: '1' })))).code).toBe('forbidden');
    const officer = await as(t.ctx, 'member_officer', HANINGE);
    const stale = await rejection(saveMemo(officer, PROPOSAL, HANINGE, form({ version: '0' })));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/^Tjänsteskrivelsen har ändrats av någon annan/);
    const bad = await rejection(
      saveMemo(officer, PROPOSAL, HANINGE, form({ status: 'beslutad', consequenceKinds: ['vader'], version: '1' })),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.problems).toEqual([
      { field: 'status', message: 'Välj var tjänsteskrivelsen står: utkast, klar eller skickad.' },
      { field: 'consequenceKinds', message: 'Välj bland konsekvenserna i listan.' },
    ]);
    expect(await contentFingerprint(t.storage)).toEqual(before);
  });

  it('shows the secretariat where all eight stand, decided once the board decision is recorded', async () => {
    const admin = await as(t.ctx, 'admin');
    const overview = await getMemoOverview(admin, PROPOSAL);
    expect(overview.rows.map((r) => [r.member.name, r.status])).toEqual([
      ['Botkyrka', 'not_started'],
      ['Haninge', 'draft'],
      ['Huddinge', 'not_started'],
      ['Nykvarn', 'not_started'],
      ['Nynäshamn', 'not_started'],
      ['Salem', 'not_started'],
      ['Södertälje', 'not_started'],
      ['Tyresö', 'not_started'],
    ]);
    const adopted = await getMemoOverview(admin, 'sup-2035');
    expect(adopted.rows.every((r) => r.status === 'decided' && r.decision !== undefined)).toBe(true);
  });
});
