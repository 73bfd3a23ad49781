import { boardDecisionsOf, type Decision, type Member } from '../../domain/adoption/decision.js';
import { memoStatus, type Memo, type MemoStatus } from '../../domain/memos/memo.js';
import type { Programme } from '../../domain/programme/programme.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';
import { loadProgramme } from '../programmes/get-programme.js';
import { loadMemoSubject, notProposed, type MemoSubject } from './memo-access.js';

export interface MemoView extends MemoSubject {
  status: MemoStatus;
  /** The board decision that settles the memo, once recorded. */
  decision: Decision | undefined;
}

/** One member's memo on a proposed version; memos are internal until the board has them. */
export async function getMemo(ctx: AppContext, ref: string, memberCode: string): Promise<MemoView> {
  authorize(ctx, 'read_internal');
  const subject = await loadMemoSubject(readRepos(ctx), ref, memberCode);
  const decision = subject.decisions.at(-1);
  return { ...subject, status: memoStatus(subject.memo, decision !== undefined), decision };
}

export interface MemoOverviewRow {
  member: Member;
  memo: Memo | undefined;
  status: MemoStatus;
  decision: Decision | undefined;
}

/** Where every member's memo on a proposed version stands, for the secretariat and the members. */
export async function getMemoOverview(
  ctx: AppContext,
  ref: string,
): Promise<{ programme: Programme; rows: MemoOverviewRow[] }> {
  authorize(ctx, 'read_internal');
  const repos = readRepos(ctx);
  const programme = await loadProgramme(repos, ref);
  if (programme.state !== 'proposed') throw notProposed();
  const collaboration = await currentCollaboration(repos);
  const [members, memos, decisions] = await Promise.all([
    repos.collaboration.members(collaboration.id),
    repos.memos.forProgramme(programme.id),
    repos.decisions.forProgrammes([programme.id]),
  ]);
  return {
    programme,
    rows: members.map((member) => {
      const memo = memos.find((m) => m.memberId === member.id);
      const decision = boardDecisionsOf(decisions, member.id).at(-1);
      return { member, memo, status: memoStatus(memo, decision !== undefined), decision };
    }),
  };
}
