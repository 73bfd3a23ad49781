import type { Decision, DecisionDate, Member } from '../../domain/adoption/decision.js';
import { isIsoDate, todayInSweden } from '../../domain/dates.js';
import { DomainError, validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { Body } from '../../storage/collaboration.repository.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, timestamp, type AppContext } from '../context.js';
import { parseInput } from '../input.js';
import { loadProgramme } from '../programmes/get-programme.js';
import { decisionInput, type DecisionInput } from './decision-input.js';

/** Checks that cross the input and today's date: the form alone cannot see these. */
function checkDate(input: DecisionInput, today: string): { decided: DecisionDate; problems: FieldProblem[] } {
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
  return inTransaction(ctx, async (repos) => {
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
    return repos.decisions.insert(
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
  });
}
