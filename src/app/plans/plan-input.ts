/**
 * Plans, activities and decisions on plans as the forms (all text) and the JSON API (typed values)
 * send them. Each field parses on its own (parseEachField), so every problem shows at once.
 */
import { z } from 'zod';
import { parseKronor, parseWeight } from '../../domain/plans/plan-rules.js';
import { decisionInput } from '../adoption/decision-input.js';
import { idList, optionalId, optionalText, optionalYear, requiredId, requiredText, versionField } from '../input.js';

/** A form's empty choice is a missing choice. */
const emptyToUndefined = (v: unknown) => (v === null || v === '' ? undefined : v);

const planTitle = requiredText(200, 'Planens namn');
const planSummary = optionalText(8000, 'Inledningen');

export const planInput = z.object({
  networkId: requiredId('Nätverk'),
  year: optionalYear('Året').pipe(z.number({ error: 'Skriv året planen gäller, till exempel 2027.' })),
  kind: z.preprocess(
    emptyToUndefined,
    z.enum(['operational', 'action'], { error: 'Välj slag av plan: verksamhetsplan eller handlingsplan.' }),
  ),
  parentPlanId: optionalId,
  title: planTitle,
  summary: planSummary,
});
export type PlanInput = z.output<typeof planInput>;

export const planChangeInput = z.object({ title: planTitle, summary: planSummary, version: versionField });
export type PlanChangeInput = z.output<typeof planChangeInput>;

export const BUDGET_MESSAGE = 'Skriv budgeten i hela kronor, till exempel 1 250 000, eller lämna fältet tomt.';
export const WEIGHT_MESSAGE = 'Skriv vikten som ett tal större än 0, till exempel 1 eller 1,5.';

const kronor = z.unknown().transform((v, ctx) => {
  if (v === undefined || v === null) return null;
  const parsed = typeof v === 'number' ? (Number.isSafeInteger(v) && v >= 0 ? v : 'invalid') : parseKronor(String(v));
  if (parsed === 'invalid') {
    ctx.addIssue({ code: 'custom', message: BUDGET_MESSAGE });
    return z.NEVER;
  }
  return parsed;
});

const weight = z.unknown().transform((v, ctx) => {
  if (v === undefined || v === null) return 1;
  const parsed =
    typeof v === 'number' ? (Number.isFinite(v) && v > 0 && v <= 999 ? v : 'invalid') : parseWeight(String(v));
  if (parsed === 'invalid') {
    ctx.addIssue({ code: 'custom', message: WEIGHT_MESSAGE });
    return z.NEVER;
  }
  return parsed;
});

/** An activity, in the form's order (the error summary follows it). */
export const activityInput = z.object({
  title: requiredText(200, 'Aktivitetens namn'),
  description: optionalText(4000, 'Beskrivningen'),
  goalIds: idList,
  strategyIds: idList,
  ownerName: requiredText(200, 'Den ansvariges namn eller roll'),
  ownerUserId: optionalId,
  memberIds: idList,
  startDate: optionalText(10, 'Startdatum'),
  endDate: optionalText(10, 'Slutdatum'),
  budgetKr: kronor,
  weight,
  climateEffect: z.preprocess(
    emptyToUndefined,
    z.enum(['reduces', 'neutral', 'increases', 'unknown'], {
      error: 'Välj den förväntade klimateffekten: minskar, neutral, ökar eller okänd.',
    }),
  ),
  climateJustification: optionalText(2000, 'Motiveringen'),
  dimension: z.preprocess(
    emptyToUndefined,
    z.enum(['ecological', 'social', 'economic'], {
      error: 'Välj hållbarhetsdimension: ekologisk, social eller ekonomisk.',
    }),
  ),
});
export type ActivityInput = z.output<typeof activityInput>;

/** The version of the activity a change or removal was made from (the form's hidden field). */
export const activityVersionInput = z.object({ version: versionField });

/** The committee's decision on a plan: the decision fields without member and body. */
export const planDecisionInput = decisionInput.pick({
  outcome: true,
  datePrecision: true,
  date: true,
  paragraph: true,
  note: true,
  source: true,
});
export type PlanDecisionInput = z.output<typeof planDecisionInput>;
