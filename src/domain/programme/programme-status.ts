/**
 * A programme's status is derived, never stored: from its recorded state, its decisions, the members
 * who must adopt it, its successors and today's date.
 */
import { boardDecisionsOf, type Decision, type DecisionDate, type Member } from '../adoption/decision.js';
import { endOfYear, startOfYear, type IsoDate } from '../dates.js';
import type { ProgrammeSummary } from './programme.js';

/** When a programme came (or comes) into force, as precisely as the decisions allow. */
export type InForceDate = DecisionDate;

export type ProgrammeStatusKind = 'draft' | 'proposed' | 'adopting' | 'in_force' | 'replaced' | 'expired';

export type Standing = 'adopted' | 'rejected' | 'referred_back' | 'none';

export interface MemberStanding {
  memberId: number;
  standing: Standing;
  /** The decision the standing rests on (the member board's latest); null when it has none. */
  decision: Decision | null;
}

/**
 * What the status of a programme needs to know about one of its successors (a programme whose
 * replacesProgrammeId or derivedFromProgrammeId points here). Build it with `asSuccessor`.
 */
export interface SuccessorStatus {
  programmeId: number;
  /**
   * The successor has come into force, today or earlier. A successor that has since been replaced or
   * has expired still counts: it superseded this programme when it came into force.
   */
  inForce: boolean;
  inForceFrom: InForceDate | null;
}

export interface ProgrammeStatusInput {
  programme: Pick<ProgrammeSummary, 'state' | 'adoptionRule' | 'validFromYear' | 'validToYear'>;
  /** This programme's decisions, in the order they were recorded. */
  decisions: readonly Decision[];
  members: readonly Member[];
  successors: readonly SuccessorStatus[];
  today: IsoDate;
}

export interface ProgrammeStatus {
  kind: ProgrammeStatusKind;
  /** Members whose board has adopted it (rule all_members), or 1/0 for the committee (rule committee). */
  adoptedCount: number;
  requiredCount: number;
  /** Each member's standing from its board's latest decision, in the order of `members`. */
  members: MemberStanding[];
  /** The committee's standing; null unless the rule is 'committee'. */
  committee: { standing: Standing; decision: Decision | null } | null;
  /**
   * When the programme's own adoption makes it apply: set once adoption is complete, even if that date
   * is still ahead (status 'adopting') or the programme has since been replaced or has expired.
   */
  inForceFrom: InForceDate | null;
  /** Its own adoption is complete and the in-force date has been reached (whatever happened later). */
  tookEffect: boolean;
  replacedBy: number | null;
  replacedFrom: InForceDate | null;
  expiredOn: IsoDate | null;
}

export function computeProgrammeStatus(input: ProgrammeStatusInput): ProgrammeStatus {
  const { programme, decisions, members, successors, today } = input;

  const memberStandings = members.map((m) => standingOf(boardDecisionsOf(decisions, m.id), m.id));
  const committee =
    programme.adoptionRule === 'committee' ? standingOfBody(decisions.filter((d) => d.bodyKind === 'committee')) : null;

  const adoptions = committee
    ? committee.standing === 'adopted' && committee.decision
      ? [committee.decision]
      : []
    : memberStandings.flatMap((s) => (s.standing === 'adopted' && s.decision ? [s.decision] : []));
  const requiredCount = committee ? 1 : members.length;
  const adoptedCount = adoptions.length;
  const complete = requiredCount > 0 && adoptedCount === requiredCount;

  const isDraft = programme.state === 'draft';
  const inForceFrom =
    complete && !isDraft
      ? inForceDateOf(
          adoptions.map((d) => d.decided),
          programme.validFromYear,
        )
      : null;
  const notYetStarted = inForceFrom?.precision === 'exact' && inForceFrom.date > today;
  const tookEffect = inForceFrom !== null && !notYetStarted;

  const base: ProgrammeStatus = {
    kind: 'proposed',
    adoptedCount,
    requiredCount,
    members: memberStandings,
    committee,
    inForceFrom,
    tookEffect,
    replacedBy: null,
    replacedFrom: null,
    expiredOn: null,
  };

  if (isDraft) return { ...base, kind: 'draft' };

  // Replacement wins even over an incomplete record: the 2013 programme's adoption is known from one
  // board only, yet it was certainly replaced once the 2035 programme applied.
  const successor = successors.find((s) => s.inForce);
  if (successor)
    return { ...base, kind: 'replaced', replacedBy: successor.programmeId, replacedFrom: successor.inForceFrom };

  if (!tookEffect) return { ...base, kind: decisions.length === 0 ? 'proposed' : 'adopting' };

  if (programme.validToYear !== null && today > endOfYear(programme.validToYear)) {
    return { ...base, kind: 'expired', expiredOn: endOfYear(programme.validToYear) };
  }
  return { ...base, kind: 'in_force' };
}

/** The successor view of a computed status, for computing its predecessors' statuses. */
export const asSuccessor = (programmeId: number, status: ProgrammeStatus): SuccessorStatus => ({
  programmeId,
  inForce: status.tookEffect,
  inForceFrom: status.inForceFrom,
});

/**
 * The day adoption makes a programme apply: the last adoption, or 1 January of the first valid year if
 * that is later. An unknown date leaves it unknown: that adoption may have been the last one.
 */
export function inForceDateOf(dates: readonly DecisionDate[], validFromYear: number | null): InForceDate {
  const known: Array<{ precision: 'exact' | 'on_or_before'; date: IsoDate }> = [];
  for (const d of dates) {
    if (d.precision === 'unknown') return { precision: 'unknown' };
    known.push(d);
  }
  const latest = (precision: 'exact' | 'on_or_before'): IsoDate | null =>
    known
      .filter((d) => d.precision === precision)
      .reduce<IsoDate | null>((max, d) => (max === null || d.date > max ? d.date : max), null);
  const lastExact = latest('exact');
  const lastBound = latest('on_or_before');

  // An "on or before" adoption no later than a known exact one cannot have been the last.
  const last: InForceDate | null =
    lastBound === null || (lastExact !== null && lastExact >= lastBound)
      ? lastExact === null
        ? null
        : { precision: 'exact', date: lastExact }
      : { precision: 'on_or_before', date: lastBound };

  const periodStart = validFromYear === null ? null : startOfYear(validFromYear);
  if (periodStart !== null && (last === null || periodStart >= last.date))
    return { precision: 'exact', date: periodStart };
  return last ?? { precision: 'unknown' };
}

function standingOf(boardDecisions: readonly Decision[], memberId: number): MemberStanding {
  return { memberId, ...standingOfBody(boardDecisions) };
}

function standingOfBody(decisions: readonly Decision[]): { standing: Standing; decision: Decision | null } {
  const decision = latestDecision(decisions);
  return { standing: decision ? decision.outcome : 'none', decision };
}

/**
 * The latest decision: by date where known; an undated decision is taken to follow the decision recorded
 * just before it, and equal dates keep the recorded order. This keeps the order total and stable, so
 * "rejected, then adopted" and "adopted, then referred back" both come out as recorded.
 */
export function latestDecision(decisions: readonly Decision[]): Decision | null {
  let carriedDate = '';
  const keyed = decisions.map((decision, index) => {
    if (decision.decided.precision !== 'unknown') carriedDate = decision.decided.date;
    return { decision, date: carriedDate, index };
  });
  keyed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  return keyed.at(-1)?.decision ?? null;
}

/** Swedish label for lists and badges, e.g. "Antas (3 av 8)". */
export function programmeStatusLabel(status: Pick<ProgrammeStatus, 'kind' | 'adoptedCount' | 'requiredCount'>): string {
  switch (status.kind) {
    case 'draft':
      return 'Utkast';
    case 'proposed':
      return 'Föreslaget';
    case 'adopting':
      return `Antas (${status.adoptedCount} av ${status.requiredCount})`;
    case 'in_force':
      return 'Gällande';
    case 'replaced':
      return 'Ersatt';
    case 'expired':
      return 'Upphört';
  }
}

/** Programme fields the collaboration-wide computation needs. */
export type ProgrammeForStatus = Pick<
  ProgrammeSummary,
  'id' | 'state' | 'adoptionRule' | 'validFromYear' | 'validToYear' | 'replacesProgrammeId' | 'derivedFromProgrammeId'
>;

/**
 * Statuses of all programmes of one collaboration, successors before predecessors. A cycle in the
 * replaces/derived-from links (which storage should prevent) is cut rather than recursed forever.
 */
export function computeProgrammeStatuses(
  programmes: readonly ProgrammeForStatus[],
  decisions: readonly Decision[],
  members: readonly Member[],
  today: IsoDate,
): Map<number, ProgrammeStatus> {
  const statuses = new Map<number, ProgrammeStatus>();
  const inProgress = new Set<number>();

  const statusOf = (p: ProgrammeForStatus): ProgrammeStatus => {
    const done = statuses.get(p.id);
    if (done) return done;
    inProgress.add(p.id);
    const successors = programmes
      .filter(
        (s) =>
          s.id !== p.id &&
          !inProgress.has(s.id) &&
          (s.replacesProgrammeId === p.id || s.derivedFromProgrammeId === p.id),
      )
      .map((s) => asSuccessor(s.id, statusOf(s)));
    const status = computeProgrammeStatus({
      programme: p,
      decisions: decisions.filter((d) => d.programmeId === p.id),
      members,
      successors,
      today,
    });
    inProgress.delete(p.id);
    statuses.set(p.id, status);
    return status;
  };

  for (const p of programmes) statusOf(p);
  return statuses;
}
