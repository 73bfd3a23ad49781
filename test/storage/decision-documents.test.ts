/**
 * Migration 0014 (decision_documents) and its repository on both databases: a document is kept with its
 * bytes exactly as received (every byte value), what was read from it comes back as it was written, the
 * list is per reader (or everyone's), and a document becomes a decision's source once only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories, type Repositories } from '../../src/app/context.js';
import type { ExtractedDecision } from '../../src/domain/decision-documents/document-reading.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import type { NewDecisionDocument } from '../../src/storage/decision-document.repository.js';
import { openTestStorage, testDialects, type TestStorage } from '../support/databases.js';
import { sampleProgramme } from '../support/sample-programme.js';

const EXTRACTION: ExtractedDecision = {
  kind: 'minutes',
  kindReason: 'Rubriken ”Protokollsutdrag”.',
  fields: {
    body: 'Kommunstyrelsen',
    member: { code: '0126', name: 'Huddinge' },
    date: '2019-10-14',
    paragraph: '§ 142',
    diarienummer: 'KS-2019/1234',
    outcome: 'adopted',
    programme: null,
    earlierDecision: { body: 'kommunstyrelsen', date: '2013-04-29', paragraph: '§ 78' },
    signatories: ['Anna Andersson'],
  },
  evidence: { date: [{ at: 40, length: 10, text: '2019-10-14' }] },
};

/** Every byte value, so a driver that treats the column as text would be caught. */
const BYTES = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));

describe.each(testDialects)('decision documents on %s', (dialect) => {
  let storage: TestStorage;
  let repos: Repositories;
  let anna: number;
  let bo: number;

  const document = (readBy: number, name: string): NewDecisionDocument => ({
    fileName: name,
    mediaType: 'application/pdf',
    sha256: 'a'.repeat(64),
    sizeBytes: BYTES.length,
    pages: 2,
    readMethod: 'ocr',
    ocrConfidence: 87.5,
    readText: 'Forslag godkinns',
    repairedText: 'Förslag godkänns',
    repairs: [
      { at: 0, from: 'Forslag', to: 'Förslag', reason: 'o → ö' },
      { at: 8, from: 'godkinns', to: 'godkänns', reason: 'i → ä' },
    ],
    extraction: EXTRACTION,
    readBy,
    readAt: '2026-12-08T09:00:00.000Z',
    content: BYTES,
  });

  beforeAll(async () => {
    storage = await openTestStorage(dialect, { upTo: '0013_job_runs' });
    repos = repositories(storage.db, storage.dialect);
  });
  afterAll(() => storage?.close());

  it('migration 0014 adds the table, empty', async () => {
    expect(await migrateToLatest(storage)).toEqual(['0014_decision_documents']);
    expect(await storage.db.selectFrom('decision_documents').selectAll().execute()).toEqual([]);
    anna = await repos.users.insert({ email: 'anna@test.invalid', name: 'Anna', passwordHash: null }, 'nu');
    bo = await repos.users.insert({ email: 'bo@test.invalid', name: 'Bo', passwordHash: null }, 'nu');
  });

  it('keeps the file byte for byte and gives back what was read as it was written', async () => {
    const kept = await repos.decisionDocuments.insert(document(anna, 'protokoll.pdf'));
    const { content, ...rest } = document(anna, 'protokoll.pdf');
    expect(kept).toEqual({ ...rest, id: kept.id, decisionId: null, confirmedBy: null, confirmedAt: null });
    expect(await repos.decisionDocuments.byId(kept.id)).toEqual(kept);
    expect(await repos.decisionDocuments.content(kept.id)).toEqual(content);
    expect(await repos.decisionDocuments.byId(kept.id + 1000)).toBeUndefined();
  });

  it('lists a reader’s documents, newest first, or everyone’s', async () => {
    await repos.decisionDocuments.insert(document(bo, 'bo.pdf'));
    await repos.decisionDocuments.insert(document(anna, 'senare.pdf'));
    expect((await repos.decisionDocuments.list(anna)).map((d) => d.fileName)).toEqual(['senare.pdf', 'protokoll.pdf']);
    expect((await repos.decisionDocuments.list(anna))[0]).toMatchObject({ kind: 'minutes', decisionId: null });
    expect((await repos.decisionDocuments.list(null)).map((d) => d.fileName)).toEqual([
      'senare.pdf',
      'bo.pdf',
      'protokoll.pdf',
    ]);
  });

  it('makes a document a decision’s source once only', async () => {
    const collaborationId = await repos.collaboration.insert(
      { slug: 's', name: 'S', formalisedYear: null, koladaGroupId: '', koladaGroupTitle: '', source: '' },
      'nu',
    );
    const {
      id: _id,
      version: _version,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      ...programme
    } = sampleProgramme();
    const { id: programmeId } = await repos.programmes.insert({ ...programme, collaborationId, focusAreas: [] }, 'nu');
    const decision = await repos.decisions.insert(
      {
        programmeId,
        memberId: null,
        bodyId: null,
        bodyKind: 'committee',
        decided: { precision: 'exact', date: '2019-10-14' },
        paragraph: '§ 142',
        outcome: 'adopted',
        note: '',
        source: '',
      },
      'nu',
    );
    const [first] = await repos.decisionDocuments.list(anna);
    expect(await repos.decisionDocuments.confirm(first!.id, decision.id, anna, '2026-12-08T10:00:00.000Z')).toBe(true);
    expect(await repos.decisionDocuments.confirm(first!.id, decision.id, bo, '2026-12-08T11:00:00.000Z')).toBe(false);
    expect(await repos.decisionDocuments.byId(first!.id)).toMatchObject({
      decisionId: decision.id,
      confirmedBy: anna,
      confirmedAt: '2026-12-08T10:00:00.000Z',
    });
    expect(await repos.decisionDocuments.sourcesOf([decision.id])).toEqual([
      { decisionId: decision.id, documentId: first!.id, fileName: 'senare.pdf' },
    ]);
    expect(await repos.decisionDocuments.sourcesOf([])).toEqual([]);
  });
});
