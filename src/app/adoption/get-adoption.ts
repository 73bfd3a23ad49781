import type { Decision, Member } from '../../domain/adoption/decision.js';
import type { Standing } from '../../domain/programme/programme-status.js';
import type { Body } from '../../domain/collaboration.js';
import { allows } from '../../domain/auth/policies.js';
import type { DecisionSource } from '../../domain/decision-documents/decision-document.js';
import { readRepos, type AppContext } from '../context.js';
import { readProgramme, type ProgrammeView } from '../programmes/get-programme.js';

export interface MemberAdoption {
  member: Member;
  standing: Standing;
  /** The member board's decisions on the programme, oldest first as recorded. */
  decisions: Decision[];
}

export interface AdoptionOverview extends ProgrammeView {
  members: MemberAdoption[];
  /** The cooperation's deciding bodies (the decision form's choices). */
  bodies: Body[];
  /** Decisions by the committee, and decisions whose member the source does not name. */
  otherDecisions: Decision[];
  /**
   * The documents decisions were confirmed from, for those who read the cooperation's internal records
   * (empty for the public: a minutes extract names people, and the public's page is the same for all).
   */
  sources: DecisionSource[];
}

/** Which boards have adopted a programme, which remain, and since when it is in force. */
export async function getAdoption(ctx: AppContext, ref: string): Promise<AdoptionOverview> {
  // The cooperation is read once, by readProgramme, and its members come with the register.
  const { view, collaboration, register } = await readProgramme(ctx, ref);
  const repos = readRepos(ctx);
  const [bodies, sources] = await Promise.all([
    repos.collaboration.bodies(collaboration.id),
    allows(ctx.principal, 'read_internal') ? repos.decisionDocuments.sourcesOf(view.decisions.map((d) => d.id)) : [],
  ]);
  const members = register.members;
  const standings = new Map(view.status.members.map((m) => [m.memberId, m.standing]));
  return {
    ...view,
    members: members.map((member) => ({
      member,
      standing: standings.get(member.id) ?? 'none',
      decisions: view.decisions.filter((d) => d.memberId === member.id),
    })),
    otherDecisions: view.decisions.filter((d) => d.memberId === null),
    bodies,
    sources,
  };
}
