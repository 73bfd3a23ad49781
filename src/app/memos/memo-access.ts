import { boardDecisionsOf, type Decision, type Member } from '../../domain/adoption/decision.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { DEFAULT_MEMO_SETTINGS, type Memo, type MemoSettings } from '../../domain/memos/memo.js';
import type { Programme } from '../../domain/programme/programme.js';
import { currentCollaboration } from '../collaboration.js';
import type { Repositories } from '../context.js';
import { loadProgramme } from '../programmes/get-programme.js';

/** What a member's memo on a programme version is written from. */
export interface MemoSubject {
  programme: Programme;
  member: Member;
  members: Member[];
  memo: Memo | undefined;
  settings: MemoSettings;
  /** The member board's decisions on this version, oldest first. */
  decisions: Decision[];
}

/** A memo proposes a version to the boards: drafts are not proposed yet. */
export const notProposed = (): DomainError =>
  new DomainError(
    'not_proposed',
    'Programmet är ett utkast. Tjänsteskrivelser skrivs när samarbetskommittén har föreslagit programmet.',
  );

/** The programme (proposed) and member (by SCB code) of a memo, with what is stored about it. */
export async function loadMemoSubject(repos: Repositories, ref: string, memberCode: string): Promise<MemoSubject> {
  const programme = await loadProgramme(repos, ref);
  if (programme.state !== 'proposed') throw notProposed();
  const collaboration = await currentCollaboration(repos);
  const members = await repos.collaboration.members(collaboration.id);
  const member = members.find((m) => m.code === memberCode);
  if (!member) throw notFound('Kommunen');
  const [memo, settings, decisions] = await Promise.all([
    repos.memos.get(programme.id, member.id),
    repos.memos.settings(member.id),
    repos.decisions.forProgrammes([programme.id]),
  ]);
  return {
    programme,
    member,
    members,
    memo,
    settings: settings ?? DEFAULT_MEMO_SETTINGS(member.id),
    decisions: boardDecisionsOf(decisions, member.id),
  };
}
