/**
 * The memo (tjänsteskrivelse) a member's administration writes for its board on a proposed programme
 * version. Most of it follows from the programme and the decisions held; what the member writes itself
 * is kept here, per member and version. Pure types and rules.
 */

/** Where a member's memo stands. `not_started` and `decided` are derived, never stored. */
export type MemoStatus = 'not_started' | 'draft' | 'ready' | 'sent' | 'decided';
/** The statuses a person sets; the others follow from what is recorded. */
export type StoredMemoStatus = 'draft' | 'ready' | 'sent';
export const STORED_MEMO_STATUSES: readonly StoredMemoStatus[] = ['draft', 'ready', 'sent'];

export const MEMO_STATUS_LABELS: Readonly<Record<MemoStatus, string>> = {
  not_started: 'Inte påbörjad',
  draft: 'Utkast',
  ready: 'Klar',
  sent: 'Skickad till kommunstyrelsen',
  decided: 'Beslutad',
};

/** The consequences a memo may describe; which of them is each member's setting. */
export type ConsequenceKind = 'economy' | 'climate' | 'gender_equality' | 'children';
export const CONSEQUENCE_KINDS: readonly ConsequenceKind[] = ['economy', 'climate', 'gender_equality', 'children'];

export const CONSEQUENCE_HEADINGS: Readonly<Record<ConsequenceKind, string>> = {
  economy: 'Ekonomiska konsekvenser',
  climate: 'Konsekvenser för klimat och miljö',
  gender_equality: 'Konsekvenser för jämställdhet',
  children: 'Konsekvenser för barn (barnkonsekvensanalys)',
};

/** A member's own settings for every memo it writes. */
export interface MemoSettings {
  memberId: number;
  /** The board's committee the memo goes to first, e.g. "Kommunledningsutskottet"; empty: not set. */
  committee: string;
  /** The administration that writes it, e.g. "Kommunstyrelseförvaltningen"; empty: not set. */
  administration: string;
  consequences: ConsequenceKind[];
}

/** What the member writes in its memo on one programme version. */
export interface MemoTexts {
  diarienummer: string;
  /** Handläggare: name and title, as the member writes it. */
  officer: string;
  /** Replaces the summary samverkan writes from the programme; empty keeps that one. */
  summary: string;
  /** Förvaltningens bedömning; empty leaves the section out. */
  assessment: string;
  consequences: Record<ConsequenceKind, string>;
  /** Beslutet skickas till: one recipient per item. */
  recipients: string[];
  /** Who signs: name and title. */
  signatories: { name: string; title: string }[];
}

export interface Memo extends MemoTexts {
  id: number;
  programmeId: number;
  memberId: number;
  status: StoredMemoStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_MEMO_SETTINGS = (memberId: number): MemoSettings => ({
  memberId,
  committee: '',
  administration: 'Kommunstyrelseförvaltningen',
  consequences: [...CONSEQUENCE_KINDS],
});

export const EMPTY_MEMO_TEXTS: MemoTexts = {
  diarienummer: '',
  officer: '',
  summary: '',
  assessment: '',
  consequences: { economy: '', climate: '', gender_equality: '', children: '' },
  recipients: [],
  signatories: [],
};

/** "Anna Andersson, kommundirektör" → name and title; a line without a comma is a name. */
export function parseSignatory(line: string): { name: string; title: string } {
  const at = line.indexOf(',');
  return at < 0
    ? { name: line.trim(), title: '' }
    : { name: line.slice(0, at).trim(), title: line.slice(at + 1).trim() };
}

export const signatoryLine = (s: { name: string; title: string }): string =>
  s.title ? `${s.name}, ${s.title}` : s.name;

/** The status shown: decided once the member's board decision is recorded, else what was set. */
export const memoStatus = (memo: Pick<Memo, 'status'> | undefined, decided: boolean): MemoStatus =>
  decided ? 'decided' : (memo?.status ?? 'not_started');
