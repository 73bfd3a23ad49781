import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  CONSEQUENCE_KINDS,
  parseSignatory,
  signatoryLine,
  type ConsequenceKind,
  type Memo,
  type MemoSettings,
  type MemoTexts,
  type StoredMemoStatus,
} from '../domain/memos/memo.js';
import type { Database, MemberMemoSettingsTable, MemberMemoTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const lines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

const toMemo = (row: Selectable<MemberMemoTable>): Memo => ({
  id: row.id,
  programmeId: row.programme_id,
  memberId: row.member_id,
  status: row.status as StoredMemoStatus,
  diarienummer: row.diarienummer,
  officer: row.officer,
  summary: row.summary,
  assessment: row.assessment,
  consequences: {
    economy: row.consequence_economy,
    climate: row.consequence_climate,
    gender_equality: row.consequence_gender_equality,
    children: row.consequence_children,
  },
  recipients: lines(row.recipients),
  signatories: lines(row.signatories).map(parseSignatory),
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const textColumns = (texts: MemoTexts) => ({
  diarienummer: texts.diarienummer,
  officer: texts.officer,
  summary: texts.summary,
  assessment: texts.assessment,
  consequence_economy: texts.consequences.economy,
  consequence_climate: texts.consequences.climate,
  consequence_gender_equality: texts.consequences.gender_equality,
  consequence_children: texts.consequences.children,
  recipients: texts.recipients.join('\n'),
  signatories: texts.signatories.map(signatoryLine).join('\n'),
});

const consequencesFrom = (text: string): ConsequenceKind[] =>
  text.split(',').filter((k): k is ConsequenceKind => (CONSEQUENCE_KINDS as readonly string[]).includes(k));

const toSettings = (row: Selectable<MemberMemoSettingsTable>): MemoSettings => ({
  memberId: row.member_id,
  committee: row.committee,
  administration: row.administration,
  consequences: consequencesFrom(row.consequences),
});

/** The members' memos on programme versions, and each member's memo settings. */
export const memoRepository = (db: Db) => ({
  async get(programmeId: number, memberId: number): Promise<Memo | undefined> {
    const row = await db
      .selectFrom('member_memos')
      .selectAll()
      .where('programme_id', '=', programmeId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return row && toMemo(row);
  },

  async forProgramme(programmeId: number): Promise<Memo[]> {
    const rows = await db.selectFrom('member_memos').selectAll().where('programme_id', '=', programmeId).execute();
    return rows.map(toMemo);
  },

  /** The first save of a member's memo on a version; undefined when someone else saved one first. */
  async insert(
    programmeId: number,
    memberId: number,
    status: StoredMemoStatus,
    texts: MemoTexts,
    at: string,
  ): Promise<Memo | undefined> {
    const row = await db
      .insertInto('member_memos')
      .values({
        programme_id: programmeId,
        member_id: memberId,
        status,
        ...textColumns(texts),
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['programme_id', 'member_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toMemo(row);
  },

  /** Saves over `expectedVersion`; undefined when the memo changed since (nothing saved). */
  async update(
    id: number,
    status: StoredMemoStatus,
    texts: MemoTexts,
    expectedVersion: number,
    at: string,
  ): Promise<Memo | undefined> {
    const row = await db
      .updateTable('member_memos')
      .set((eb) => ({ status, ...textColumns(texts), updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    return row && toMemo(row);
  },

  async settings(memberId: number): Promise<MemoSettings | undefined> {
    const row = await db
      .selectFrom('member_memo_settings')
      .selectAll()
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return row && toSettings(row);
  },

  async allSettings(): Promise<MemoSettings[]> {
    const rows = await db.selectFrom('member_memo_settings').selectAll().execute();
    return rows.map(toSettings);
  },

  async saveSettings(settings: MemoSettings, at: string): Promise<void> {
    const values = {
      committee: settings.committee,
      administration: settings.administration,
      consequences: settings.consequences.join(','),
      updated_at: at,
    };
    await db
      .insertInto('member_memo_settings')
      .values({ member_id: settings.memberId, ...values })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
      .execute();
  },
});
