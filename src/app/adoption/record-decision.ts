import type { Decision, DecisionDate, Member } from '../../domain/adoption/decision.js';
import { decisionRecordedSummary } from '../../domain/audit/audit-summary-sv.js';
import { decisionSnapshot } from '../../domain/audit/snapshots.js';
import { isIsoDate, todayInSweden } from '../../domain/dates.js';
import { DomainError, validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { Body } from '../../domain/collaboration.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, timestamp, type AppContext, type Repositories } from '../context.js';
import { parseInput } from '../input.js';
import { loadProgramme } from '../programmes/get-programme.js';
import { decisionInput, type DecisionInput } from './decision-input.js';
import { authorize } from '../auth/authorize.js';

/**
 * Checks that cross the input and today's date: the form alone cannot see these. Shared with the
 * committee's decisions on plans (src/app/plans/record-plan-decision.ts).
 */
export function checkDate(
  input: Pick<DecisionInput, 'datePrecision' | 'date'>,
  today: string,
): { decided: DecisionDate; problems: FieldProblem[] } {
  if (input.datePrecision === 'unknown') return { decided: { precision: 'unknown' }, problems: [] };
  if (input.date === '')
    return {
      decided: { precision: 'unknown' },
      problems: [{ field: 'date', message: 'Skriv beslutsdatumet, till exempel 2019-10-11.' }],
    };
  if (!isIsoDate(input.date)) {
    return {
      decided: { precision: 'unknown' },
      problems: [
        { field: 'date', message: 'Datumet ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2019-10-11.' },
      ],
    };
  }
  if (input.date > today) {
    return {
      decided: { precision: 'unknown' },
      problems: [{ field: 'date', message: `Ett beslut kan inte ha fattats efter i dag (${today}).` }],
    };
  }
  return { decided: { precision: input.datePrecision, date: input.date }, problems: [] };
}

function resolveMember(input: DecisionInput, members: Member[]): Member | null | 'foreign' {
  if (input.memberId === null && input.memberCode === '') return null;
  const found = members.find((m) => (input.memberId !== null ? m.id === input.memberId : m.code === input.memberCode));
  return found ?? 'foreign';
}

function resolveBody(input: DecisionInput, member: Member | null, bodies: Body[]): Body | undefined {
  return input.bodyKind === 'board'
    ? bodies.find((b) => b.kind === 'board' && b.memberId === member?.id)
    : bodies.find((b) => b.kind === 'committee');
}

/**
 * Records a member board's (or the committee's) decision on a proposed programme.
 * Decisions are append-only public records; a later decision supersedes an earlier one.
 */
export async function recordDecision(ctx: AppContext, ref: string, raw: unknown): Promise<Decision> {
  const input = parseInput(decisionInput, raw);
  return inTransaction(ctx, (repos) => recordDecisionIn(ctx, repos, ref, input));
}

/** The same inside a transaction the caller holds (a decision confirmed from a document is recorded with it). */
export async function recordDecisionIn(
  ctx: AppContext,
  repos: Repositories,
  ref: string,
  input: DecisionInput,
): Promise<Decision> {
  const programme = await loadProgramme(repos, ref);
  if (programme.state === 'draft') {
    throw new DomainError(
      'not_proposed',
      'Programmet är ett utkast. Det måste föreslås innan beslut om det kan registreras.',
    );
  }
  const collaboration = await currentCollaboration(repos);
  const [members, bodies] = await Promise.all([
    repos.collaboration.members(collaboration.id),
    repos.collaboration.bodies(collaboration.id),
  ]);
  const member = resolveMember(input, members);
  // A member's officers record their own board's decisions only; the committee's are the secretariat's.
  if (input.bodyKind === 'committee') authorize(ctx, 'record_committee_decision');
  else
    authorize(ctx, 'record_member_decision', {
      memberId: member === 'foreign' || member === null ? null : member.id,
    });
  if (member === 'foreign') {
    throw new DomainError(
      'foreign_member',
      `Kommunen är inte medlem i ${collaboration.name}. Välj en av medlemskommunerna.`,
      [
        {
          field: input.memberId !== null ? 'memberId' : 'memberCode',
          message: `Kommunen är inte medlem i ${collaboration.name}.`,
        },
      ],
    );
  }
  const { decided, problems } = checkDate(input, todayInSweden(ctx.now()));
  if (input.bodyKind === 'board' && member === null) {
    problems.unshift({ field: 'memberId', message: 'Välj den kommun vars kommunstyrelse fattade beslutet.' });
  }
  if (input.bodyKind === 'committee' && member !== null) {
    problems.unshift({
      field: 'memberId',
      message: 'Samarbetskommitténs beslut gäller hela samverkan: välj ingen kommun.',
    });
  }
  if (problems.length) throw validationFailed(problems);
  const body = resolveBody(input, member, bodies);
  const decision = await repos.decisions.insert(
    {
      programmeId: programme.id,
      memberId: member?.id ?? null,
      bodyId: body?.id ?? null,
      bodyKind: input.bodyKind,
      decided,
      paragraph: input.paragraph,
      outcome: input.outcome,
      note: input.note,
      source: input.source,
    },
    timestamp(ctx),
  );
  await recordEvent(ctx, repos, {
    action: 'decision.recorded',
    entityType: 'decision',
    entityId: decision.id,
    summary: decisionRecordedSummary({ ...decision, programmeName: programme.name, bodyName: body?.name ?? null }),
    before: null,
    after: decisionSnapshot(decision),
  });
  return decision;
}
