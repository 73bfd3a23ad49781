import { z } from 'zod';
import type { Snapshot } from '../../domain/audit/snapshots.js';
import { notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { GoalIndicator, Measure } from '../../domain/indicators/goal-indicator.js';
import { GROUP_FIGURE_LABELS_SV } from '../../domain/indicators/group-figures.js';
import { YEAR_MAX, YEAR_MIN, type Indicator } from '../../domain/indicators/indicator.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { parseSwedishNumber } from '../../imports/tabular/swedish-number.js';
import type { Member } from '../../domain/adoption/decision.js';
import type { ComparisonArea } from '../../domain/collaboration.js';
import { authorize } from '../auth/authorize.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import { optionalText } from '../input.js';
import { inFieldOrder, parseEachField } from './define-indicator.js';

export const MEASURES: readonly Measure[] = ['unweighted_mean', 'weighted_mean', 'sum', 'area'];

export const MEASURE_LABELS_SV: Readonly<Record<Measure, string>> = {
  ...GROUP_FIGURE_LABELS_SV,
  area: 'Ett enskilt område',
};

const FOUR_DIGITS = /^\d{4}$/;

/** A year as a form sends it (text) or as a number; required. */
const year = (label: string, what: string, example: number) =>
  z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const s = v.trim();
      return s === '' ? undefined : FOUR_DIGITS.test(s) ? Number(s) : s;
    },
    z
      .number({
        error: (issue) =>
          issue.input === undefined
            ? `Skriv ${what} med fyra siffror, till exempel ${example}.`
            : `${label} ska vara ett årtal med fyra siffror, till exempel ${example}.`,
      })
      .int({ error: `${label} ska vara ett årtal med fyra siffror, till exempel ${example}.` })
      .min(YEAR_MIN, { error: `${label} ska ligga mellan ${YEAR_MIN} och ${YEAR_MAX}.` })
      .max(YEAR_MAX, { error: `${label} ska ligga mellan ${YEAR_MIN} och ${YEAR_MAX}.` }),
  );

/**
 * A value as Swedes write it ("12,5", "1 234,5", "45 %"); empty is null (not stated). A word such as
 * "saknas" is no value to aim for, so it is refused rather than read as empty.
 */
const swedishNumber = (label: string) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string') return v;
      if (v.trim() === '') return null;
      const parsed = parseSwedishNumber(v);
      return parsed.ok && parsed.value !== null ? parsed.value : v;
    },
    z
      .number({ error: `${label} ska vara ett tal, med decimalkomma om det behövs, till exempel 12,5.` })
      .refine(Number.isFinite, { error: `${label} ska vara ett tal, till exempel 12,5.` })
      .nullable(),
  );

const code = (label: string) => optionalText(10, label).transform((s) => (s === '' ? null : s));

export const goalIndicatorInput = z.object({
  indicatorKey: optionalText(64, 'Nyckeltalet').pipe(z.string().min(1, { error: 'Välj ett nyckeltal i listan.' })),
  measure: z.enum(MEASURES as [Measure, ...Measure[]], { error: 'Välj vad som ska följas.' }),
  areaCode: code('Området'),
  targetKind: z.enum(['absolute', 'relative'], {
    error: 'Välj slag av mål: ett målvärde, eller jämfört med ett annat område.',
  }),
  targetValue: swedishNumber('Målvärdet'),
  baseValue: swedishNumber('Basvärdet'),
  comparisonAreaCode: code('Jämförelseområdet'),
  direction: z.enum(['higher', 'lower'], { error: 'Välj om högre eller lägre värden är bättre.' }),
  baseYear: year('Basåret', 'basåret', 2023),
  targetYear: year('Målåret', 'målåret', 2035),
  note: optionalText(2000, 'Anteckningen'),
  source: optionalText(1000, 'Källan för målet'),
});
export type GoalIndicatorInput = z.output<typeof goalIndicatorInput>;

export interface GoalInContext {
  goalId: number;
  title: string;
  programme: ProgrammeSummary;
}

/** The goal, if it is a goal of a programme of this cooperation (drafts included). */
async function findGoal(repos: Repositories, goalId: number): Promise<GoalInContext> {
  const [row] = Number.isSafeInteger(goalId) ? await repos.programmes.goalsWithProgramme([goalId]) : [];
  const programme = row && (await repos.programmes.summary(row.programmeId));
  const collaboration = await currentCollaboration(repos);
  if (!row || !programme || programme.collaborationId !== collaboration.id) throw notFound('Målet');
  return { goalId: row.goalId, title: row.title, programme };
}

/** The choices the link form offers: the indicators followed, and the areas that have values. */
export interface LinkFormChoices {
  goal: GoalInContext;
  indicators: Indicator[];
  members: Member[];
  comparisonAreas: ComparisonArea[];
}

export async function linkFormChoices(ctx: AppContext, goalId: number): Promise<LinkFormChoices> {
  authorize(ctx, 'manage_indicators');
  const repos = readRepos(ctx);
  const goal = await findGoal(repos, goalId);
  const collaboration = await currentCollaboration(repos);
  const [indicators, members, comparisonAreas] = await Promise.all([
    repos.indicators.list(),
    repos.collaboration.members(collaboration.id),
    repos.collaboration.comparisonAreas(collaboration.id),
  ]);
  return { goal, indicators, members, comparisonAreas };
}

/** What the group figures of an indicator allow: a sum for counts, means for the rest, a weighted mean with a weight. */
function measureProblem(indicator: Indicator, measure: Measure): string | null {
  const name = `”${indicator.title}”`;
  if (indicator.aggregation === 'sum') {
    return measure === 'unweighted_mean' || measure === 'weighted_mean'
      ? `${name} är ett antal som summeras för gruppen. Välj summa eller ett enskilt område.`
      : null;
  }
  if (measure === 'sum') {
    return `${name} är ett medelvärde och kan inte summeras. Välj ett medelvärde eller ett enskilt område.`;
  }
  if (measure === 'weighted_mean' && !indicator.weightKey) {
    return `${name} har ingen vikt (till exempel befolkningen), så det finns inget befolkningsviktat medelvärde. Välj ovägt medelvärde eller ett enskilt område.`;
  }
  return null;
}

/**
 * Every problem with the link the well-formed fields show: the fields that belong together, the
 * areas, and a duplicate. A field that did not parse is `undefined` and has its own problem already.
 */
async function checkLink(
  repos: Repositories,
  goal: GoalInContext,
  input: Partial<GoalIndicatorInput>,
): Promise<{ problems: FieldProblem[]; indicator: Indicator | undefined }> {
  const problems: FieldProblem[] = [];
  const add = (field: keyof GoalIndicatorInput, message: string) => problems.push({ field, message });
  const collaboration = await currentCollaboration(repos);
  const [indicator, members, comparisonAreas] = await Promise.all([
    input.indicatorKey === undefined ? undefined : repos.indicators.byKey(input.indicatorKey),
    repos.collaboration.members(collaboration.id),
    repos.collaboration.comparisonAreas(collaboration.id),
  ]);

  if (input.indicatorKey !== undefined && !indicator)
    add('indicatorKey', `Nyckeltalet ”${input.indicatorKey}” finns inte här. Välj ett i listan.`);
  const measureWrong = indicator && input.measure && measureProblem(indicator, input.measure);
  if (measureWrong) add('measure', measureWrong);

  const areas = [...members, ...comparisonAreas];
  const { areaCode, comparisonAreaCode, targetValue, baseValue } = input;
  if (input.measure === 'area') {
    if (areaCode === null) add('areaCode', 'Välj kommunen eller området som ska följas.');
    else if (areaCode !== undefined && !areas.some((a) => a.code === areaCode))
      add('areaCode', `Området ”${areaCode}” är varken medlem eller jämförelseområde. Välj ett i listan.`);
  } else if (input.measure !== undefined && areaCode) {
    add('areaCode', 'Välj inget område när gruppens värde följs, eller välj att ett enskilt område följs.');
  }

  if (input.targetKind === 'absolute') {
    if (targetValue === null) add('targetValue', 'Skriv målvärdet, till exempel 12,5.');
    if (comparisonAreaCode)
      add(
        'comparisonAreaCode',
        'Ett målvärde jämförs inte med ett annat område. Välj inget jämförelseområde, eller välj ett mål jämfört med ett annat område.',
      );
  } else if (input.targetKind === 'relative') {
    if (comparisonAreaCode === null) add('comparisonAreaCode', 'Välj området målet jämförs med, till exempel Riket.');
    else if (comparisonAreaCode !== undefined && !comparisonAreas.some((a) => a.code === comparisonAreaCode))
      add('comparisonAreaCode', `Området ”${comparisonAreaCode}” är inget jämförelseområde. Välj ett i listan.`);
    else if (comparisonAreaCode !== undefined && input.measure === 'area' && areaCode === comparisonAreaCode)
      add('comparisonAreaCode', 'Ett område kan inte jämföras med sig självt. Välj ett annat jämförelseområde.');
    const noValue = 'Ett mål jämfört med ett annat område har inget';
    if (targetValue != null)
      add('targetValue', `${noValue} målvärde. Töm fältet, eller välj ett mål med ett målvärde.`);
    if (baseValue != null)
      add(
        'baseValue',
        `${noValue} basvärde: skillnaden basåret mäts. Töm fältet, eller välj ett mål med ett målvärde.`,
      );
  }

  if (input.baseYear !== undefined && input.targetYear !== undefined && input.targetYear <= input.baseYear)
    add('targetYear', `Målåret ska vara senare än basåret ${input.baseYear}.`);

  if (indicator && input.measure && !measureWrong) {
    const existing = (await repos.goalIndicators.forGoals([goal.goalId])).find(
      (l) => l.indicatorId === indicator.id && l.measure === input.measure,
    );
    if (existing) add('measure', duplicateMessage(indicator, existing, areas));
  }
  return { problems, indicator };
}

function duplicateMessage(indicator: Indicator, existing: GoalIndicator, areas: { code: string; name: string }[]) {
  const how =
    existing.measure === 'area'
      ? `för ${areas.find((a) => a.code === existing.areaCode)?.name ?? existing.areaCode}; ett mål följer ett nyckeltal för högst ett enskilt område`
      : `som ${MEASURE_LABELS_SV[existing.measure].toLowerCase()}`;
  return `Målet följer redan ”${indicator.title}” ${how}. Välj ett annat sätt att följa det, eller ta bort den kopplingen först.`;
}

/** A link as the audit trail keeps it: codes and figures, with the goal and indicator named. */
export const goalIndicatorSnapshot = (link: GoalIndicator, indicator: Indicator, goalTitle: string): Snapshot => ({
  goal: goalTitle,
  indicator: indicator.key,
  measure: link.measure,
  areaCode: link.areaCode,
  targetKind: link.targetKind,
  direction: link.direction,
  baseYear: link.baseYear,
  baseValue: link.baseValue,
  targetYear: link.targetYear,
  targetValue: link.targetValue,
  comparisonAreaCode: link.comparisonAreaCode,
  note: link.note,
  source: link.source,
});

/**
 * Links an indicator to a programme goal with its target: whose value is followed (a group figure or
 * one area) and what it should reach by the target year (a value, or a comparison area's level).
 * Goals of programmes in any state may be followed; the secretariat sets targets.
 */
export async function linkIndicatorToGoal(ctx: AppContext, goalId: number, raw: unknown): Promise<GoalIndicator> {
  authorize(ctx, 'manage_indicators');
  const repos = readRepos(ctx);
  const goal = await findGoal(repos, goalId);
  const parsed = parseEachField(goalIndicatorInput, raw);
  const { problems, indicator } = await checkLink(repos, goal, parsed.values);
  problems.unshift(...parsed.problems);
  if (problems.length > 0 || !indicator) throw validationFailed(inFieldOrder(goalIndicatorInput, problems));
  // Every field parsed, or there would have been a problem.
  const input = parsed.values as GoalIndicatorInput;
  try {
    return await inTransaction(ctx, async (tx) => {
      const link = await tx.goalIndicators.insert(
        {
          goalId: goal.goalId,
          indicatorId: indicator.id,
          measure: input.measure,
          areaCode: input.measure === 'area' ? input.areaCode : null,
          targetKind: input.targetKind,
          direction: input.direction,
          baseYear: input.baseYear,
          baseValue: input.targetKind === 'absolute' ? input.baseValue : null,
          targetYear: input.targetYear,
          targetValue: input.targetKind === 'absolute' ? input.targetValue : null,
          comparisonAreaCode: input.targetKind === 'relative' ? input.comparisonAreaCode : null,
          note: input.note,
          source: input.source,
        },
        timestamp(ctx),
      );
      await recordEvent(ctx, tx, {
        action: 'goal_indicator.linked',
        entityType: 'goal_indicator',
        entityId: link.id,
        summary: `Kopplade nyckeltalet ”${indicator.title}” till målet ”${goal.title}” (${goal.programme.name}).`,
        before: null,
        after: goalIndicatorSnapshot(link, indicator, goal.title),
      });
      return link;
    });
  } catch (error) {
    // The same link saved by someone else between the check and the insert (the table's unique key).
    if (ctx.storage.dialect.isUniqueViolation(error)) {
      const existing = (await repos.goalIndicators.forGoals([goal.goalId])).find(
        (l) => l.indicatorId === indicator.id && l.measure === input.measure,
      );
      if (existing) throw validationFailed([{ field: 'measure', message: duplicateMessage(indicator, existing, []) }]);
    }
    throw error;
  }
}

/** A link about to be removed, with what the confirmation names. */
export interface LinkToRemove {
  link: GoalIndicator;
  indicator: Indicator;
  goal: GoalInContext;
}

/** The link `linkId` of goal `goalId`; a link of another goal is not found here. */
export async function findLinkToRemove(ctx: AppContext, goalId: number, linkId: number): Promise<LinkToRemove> {
  authorize(ctx, 'manage_indicators');
  return loadLink(readRepos(ctx), goalId, linkId);
}

async function loadLink(repos: Repositories, goalId: number, linkId: number): Promise<LinkToRemove> {
  const goal = await findGoal(repos, goalId);
  const link = Number.isSafeInteger(linkId) ? await repos.goalIndicators.byId(linkId) : undefined;
  const indicator = link && (await repos.indicators.byId(link.indicatorId));
  if (!link || link.goalId !== goal.goalId || !indicator) throw notFound('Kopplingen mellan målet och nyckeltalet');
  return { link, indicator, goal };
}

/**
 * Stops following an indicator on a goal. The link is a configuration and is deleted; the audit
 * trail keeps what it was (the whole target), so it can be set up again.
 */
export async function unlinkIndicatorFromGoal(ctx: AppContext, goalId: number, linkId: number): Promise<LinkToRemove> {
  authorize(ctx, 'manage_indicators');
  const found = await loadLink(readRepos(ctx), goalId, linkId);
  return inTransaction(ctx, async (tx) => {
    if (!(await tx.goalIndicators.remove(linkId))) throw notFound('Kopplingen mellan målet och nyckeltalet');
    await recordEvent(ctx, tx, {
      action: 'goal_indicator.removed',
      entityType: 'goal_indicator',
      entityId: linkId,
      summary: `Tog bort nyckeltalet ”${found.indicator.title}” från målet ”${found.goal.title}” (${found.goal.programme.name}).`,
      before: goalIndicatorSnapshot(found.link, found.indicator, found.goal.title),
      after: null,
    });
    return found;
  });
}
