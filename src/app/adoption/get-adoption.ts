import type { Decision, Member } from '../../domain/adoption/decision.js';
import type { Standing } from '../../domain/programme/programme-status.js';
import { getCollaboration } from '../collaboration.js';
import type { AppContext } from '../context.js';
import { getProgramme, type ProgrammeView } from '../programmes/get-programme.js';

export interface MemberAdoption {
  member: Member;
  standing: Standing;
  /** The member board's decisions on the programme, oldest first as recorded. */
  decisions: Decision[];
}

export interface AdoptionOverview extends ProgrammeView {
  members: MemberAdoption[];
  /** Decisions by the committee, and decisions whose member the source does not name. */
  otherDecisions: Decision[];
}

/** Which boards have adopted a programme, which remain, and since when it is in force. */
export async function getAdoption(ctx: AppContext, ref: string): Promise<AdoptionOverview> {
  const [view, { members }] = await Promise.all([getProgramme(ctx, ref), getCollaboration(ctx)]);
  const standings = new Map(view.status.members.map((m) => [m.memberId, m.standing]));
  return {
    ...view,
    members: members.map((member) => ({
      member,
      standing: standings.get(member.id) ?? 'none',
      decisions: view.decisions.filter((d) => d.memberId === member.id),
    })),
    otherDecisions: view.decisions.filter((d) => d.memberId === null),
  };
}
