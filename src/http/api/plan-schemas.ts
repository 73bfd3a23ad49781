/**
 * The public contract of the plan routes (`/plans…`) as zod schemas, as schemas.ts is for the programmes:
 * the OpenAPI document is generated from these and the presenters are typed by them. Query and path
 * parameters are validated here; a bad one answers 422 validation_failed with a Swedish message naming the
 * parameter (through defaultHook).
 */
import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES } from '../../domain/plans/follow-up.js';
import { DecisionDate, Member, Network, ProgrammeRef } from './schemas.js';

/** A named schema or null, kept nullable in the document (see `orNull` in schemas.ts). */
const orNull = <S extends z.ZodType>(schema: S) => z.union([schema, z.null()]);

const IsoDate = z.string().openapi({ format: 'date', description: 'Datum, ÅÅÅÅ-MM-DD.', example: '2026-04-30' });

/** The years a plan may be for. */
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;

// ---------------------------------------------------------------------------------------------- request

const YEAR_MESSAGE = `Ange året (year) som ett helt årtal mellan ${PLAN_YEAR_MIN} och ${PLAN_YEAR_MAX}, till exempel 2026.`;
const NETWORK_MESSAGE = 'Ange nätverket (network) med dess nyckel, till exempel network=planeringschefer.';

export const PlanListQuery = z.object({
  network: z
    .string({ error: NETWORK_MESSAGE })
    .min(1, { error: NETWORK_MESSAGE })
    .max(100, { error: 'Nätverkets nyckel får vara högst 100 tecken.' })
    .optional()
    .openapi({
      param: { name: 'network', in: 'query' },
      description:
        'Bara planerna för nätverket med den här nyckeln (se `networks` i svaret). Ett okänt nätverk ger 404.',
      example: 'planeringschefer',
    }),
  year: z.coerce
    .number({ error: YEAR_MESSAGE })
    .int({ error: YEAR_MESSAGE })
    .min(PLAN_YEAR_MIN, { error: YEAR_MESSAGE })
    .max(PLAN_YEAR_MAX, { error: YEAR_MESSAGE })
    .optional()
    .openapi({ param: { name: 'year', in: 'query' }, description: 'Bara planerna för det året.', example: 2026 }),
});

const idParam = (name: string, what: string, description: string) => {
  const message = `Ange ${what} (${name}) som ett heltal, till exempel 1.`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .positive({ error: message })
    .openapi({ param: { name, in: 'path' }, description, example: 1 });
};

export const PlanParams = z.object({ id: idParam('id', 'planens nummer', 'Planens nummer (id i listan).') });

export const ReportParams = z.object({
  id: idParam('id', 'planens nummer', 'Planens nummer.'),
  activityId: idParam('activityId', 'aktivitetens nummer', 'Aktivitetens nummer; aktiviteten ska höra till planen.'),
});

/**
 * The report body, for the document only: reportActivity validates the raw JSON itself (with the web
 * form's Swedish messages), so the route refers to this schema instead of letting the library validate.
 */
export const ReportRequest = z
  .object({
    roundId: z.number().int().openapi({
      description: 'Uppföljningsomgången (id i planens `rounds`); den ska gälla planens år.',
      example: 1,
    }),
    status: z.enum(REPORT_STATUSES as ['green', 'yellow', 'red']).openapi({
      description: 'green: enligt plan; yellow: risk för avvikelse; red: avviker från plan.',
      example: 'yellow',
    }),
    progress: z.number().int().min(0).max(100).openapi({
      description: 'Hur stor del av aktiviteten som är genomförd, i hela procent 0–100.',
      example: 40,
    }),
    comment: z.string().max(4000).optional().openapi({
      description: 'Vad som avviker och vad som görs åt det. Krävs vid gul och röd status.',
      example: 'Underlaget kom sent; arbetet är två veckor efter planen.',
    }),
  })
  .openapi('ReportRequest', {
    description:
      'En rapport för en aktivitet i en uppföljningsomgång. En ny rapport för samma omgång ersätter den tidigare; ' +
      'granskningsloggen behåller båda.',
    example: { roundId: 1, status: 'yellow', progress: 40, comment: 'Underlaget kom sent.' },
  });

// ---------------------------------------------------------------------------------------------- responses

const PlanKind = z
  .enum(['operational', 'action'])
  .openapi({ description: 'operational: verksamhetsplan; action: handlingsplan (hör till en verksamhetsplan).' });

const PlanState = z.enum(['draft', 'submitted', 'adopted']).openapi({
  description:
    'draft: utkast; submitted: inlämnad till samarbetskommittén; adopted: antagen av samarbetskommittén. ' +
    'Den som inte är inloggad ser bara antagna planer.',
});

const ReportStatus = z
  .enum(['green', 'yellow', 'red'])
  .openapi({ description: 'green: enligt plan; yellow: risk för avvikelse; red: avviker från plan.' });

const isExample = z.boolean().openapi({
  description:
    'true: planen är ett påhittat exempel som visar tjänsten (demodata), inte samverkans verkliga plan. Visa det ' +
    'tydligt när planen eller något som bygger på den visas.',
});

const exampleNote = z.string().nullable().openapi({
  description: 'När planen är ett exempel: texten som ska visas med den. Annars null.',
  example: 'Exempel: planen är påhittad för att visa tjänsten; den är inte samverkans verkliga plan.',
});

export const FollowUpRound = z
  .object({
    id: z.number().int(),
    year: z.number().int().openapi({ description: 'Planåret omgången följer upp.', example: 2026 }),
    name: z.string().openapi({ example: 'Tertial 1' }),
    periodEnd: IsoDate.openapi({ description: 'Sista dagen rapporten gäller.' }),
    dueDate: IsoDate.openapi({ description: 'Sista dag för rapport; en rapport som saknas efter den är sen.' }),
  })
  .openapi('FollowUpRound');

export const ActivityReport = z
  .object({
    roundId: z.number().int(),
    round: z.string().openapi({ description: 'Omgångens namn med år.', example: 'Tertial 1 2026' }),
    status: ReportStatus,
    statusLabel: z.string().openapi({ example: 'Gul – risk för avvikelse' }),
    progress: z.number().int().openapi({ description: 'Genomfört, hela procent 0–100.', example: 40 }),
    comment: z.string().openapi({ description: 'Tom bara vid grön status.' }),
    climateEffect: z
      .enum(['reduces', 'neutral', 'increases', 'unknown'])
      .nullable()
      .openapi({ description: 'Den ansvariges bedömning av klimateffekten hittills; null när den inte bedömts.' }),
    reportedBy: z.string().openapi({ description: 'Vem som rapporterade.', example: 'Anna Andersson' }),
    reportedAt: z.string().openapi({ format: 'date-time', description: 'När rapporten lämnades (UTC).' }),
  })
  .openapi('ActivityReport');

const PlanCounts = z
  .object({
    activities: z.number().int().openapi({ description: 'Antal aktiviteter i planen.' }),
    byLatestStatus: z
      .object({
        green: z.number().int(),
        yellow: z.number().int(),
        red: z.number().int(),
        notReported: z.number().int(),
      })
      .openapi({ description: 'Aktiviteterna efter status i deras senaste rapport; notReported: ingen rapport än.' }),
  })
  .openapi('PlanCounts');

const planShape = {
  id: z.number().int().openapi({ example: 1 }),
  network: Network,
  year: z.number().int().openapi({ example: 2026 }),
  kind: PlanKind,
  title: z.string().openapi({ example: 'Verksamhetsplan 2026 för planeringschefernas nätverk' }),
  state: PlanState,
  stateLabel: z.string().openapi({ example: 'Antagen av samarbetskommittén' }),
  isExample,
  exampleNote,
  /** The programme whose goals and strategies the plan's activities serve. */
  programme: ProgrammeRef,
  parentPlanId: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'För en handlingsplan: verksamhetsplanen den hör till.' }),
};

export const PlanSummary = z
  .object({
    ...planShape,
    counts: PlanCounts,
    links: z.object({ self: z.string().openapi({ example: '/api/v1/plans/1' }) }),
  })
  .openapi('PlanSummary');

export const PlanList = z
  .object({
    plans: z
      .array(PlanSummary)
      .openapi({ description: 'Planerna, nyaste året först, verksamhetsplanen före handlingsplanerna.' }),
    years: z.array(z.number().int()).openapi({ description: 'Åren som har planer du får se, nyaste först.' }),
    networks: z.array(Network).openapi({ description: 'Nätverken att filtrera på.' }),
  })
  .openapi('PlanList');

const GoalRef = z
  .object({
    id: z.number().int().openapi({ description: 'Målets id, som i programmets mål (`/programmes/{id}`).' }),
    title: z.string(),
    focusArea: z.object({ id: z.number().int(), name: z.string() }),
  })
  .openapi('PlanGoalRef');

export const Activity = z
  .object({
    id: z.number().int(),
    position: z.number().int().openapi({ description: 'Ordningen i planen, från 1.' }),
    title: z.string().openapi({ example: 'Gemensam plan för regionala cykelstråk' }),
    description: z.string(),
    goals: z.array(GoalRef).openapi({ description: 'Programmets mål som aktiviteten tjänar (minst ett).' }),
    strategies: z
      .array(z.object({ id: z.number().int(), goalId: z.number().int(), text: z.string() }))
      .openapi({ description: 'Strategierna (hos målen) som aktiviteten genomför; kan vara tom.' }),
    ownerName: z
      .string()
      .openapi({ description: 'Vem som ansvarar, som planen anger det.', example: 'Planeringschef, Huddinge kommun' }),
    members: z.array(Member).openapi({ description: 'Medlemskommunerna som deltar.' }),
    startDate: IsoDate,
    endDate: IsoDate,
    budgetKr: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Budget i hela kronor; null när aktiviteten inte har egen budget.', example: 200000 }),
    weight: z.number().openapi({
      description: 'Relativ vikt i sammanställningarna per mål och fokusområde (normaliseras där).',
      example: 1,
    }),
    climateEffect: z.enum(['reduces', 'neutral', 'increases', 'unknown']).openapi({
      description: 'Förväntad klimateffekt: minskar, neutral, ökar eller okänd klimatpåverkan.',
    }),
    climateJustification: z.string().openapi({ description: 'Motiveringen av klimateffekten.' }),
    dimension: z
      .enum(['ecological', 'social', 'economic'])
      .openapi({ description: 'Hållbarhetsdimension: ekologisk, social eller ekonomisk.' }),
    carriedOverFrom: orNull(
      z
        .object({
          activityId: z.number().int(),
          planId: z.number().int(),
          year: z.number().int(),
        })
        .openapi('CarriedOverFrom', {
          description: 'Aktiviteten i förra årets plan som den fördes över från, ofullbordad.',
        }),
    ),
    latestReport: orNull(ActivityReport).openapi({
      description: 'Rapporten i den senaste omgången som har en rapport; null när ingen har rapporterats.',
    }),
    links: z.object({
      reports: z.string().openapi({
        description: 'Dit en rapport skickas (POST).',
        example: '/api/v1/plans/1/activities/3/reports',
      }),
    }),
  })
  .openapi('Activity');

export const PlanDecision = z
  .object({
    decided: DecisionDate,
    paragraph: z.string().openapi({ example: '§ 5' }),
    outcome: z
      .enum(['adopted', 'rejected', 'referred_back'])
      .openapi({ description: 'adopted: antagen; rejected: avslagen; referred_back: återremitterad.' }),
    note: z.string(),
    source: z.string(),
  })
  .openapi('PlanDecision');

const PlanRef = z.object({ id: z.number().int(), title: z.string(), state: PlanState }).openapi('PlanRef');

export const Plan = z
  .object({
    ...planShape,
    summary: z.string().openapi({ description: 'Planens inledning: årets inriktning.' }),
    copiedFromPlanId: z.number().int().nullable().openapi({ description: 'Planen den kopierades från (förra årets).' }),
    parent: orNull(PlanRef).openapi({ description: 'För en handlingsplan: verksamhetsplanen.' }),
    actionPlans: z.array(PlanRef).openapi({ description: 'För en verksamhetsplan: dess handlingsplaner du får se.' }),
    activities: z.array(Activity),
    decisions: z.array(PlanDecision).openapi({ description: 'Samarbetskommitténs beslut om planen, äldst först.' }),
    rounds: z.array(FollowUpRound).openapi({ description: 'Uppföljningsomgångarna för planens år, i tidsordning.' }),
  })
  .openapi('Plan');

export const ReportSaved = z
  .object({
    plan: z.object({ id: z.number().int(), title: z.string(), isExample, exampleNote }),
    activity: z.object({ id: z.number().int(), title: z.string() }),
    report: ActivityReport,
  })
  .openapi('ReportSaved');

export type PlanListJson = z.infer<typeof PlanList>;
export type PlanSummaryJson = z.infer<typeof PlanSummary>;
export type PlanJson = z.infer<typeof Plan>;
export type ActivityJson = z.infer<typeof Activity>;
export type ActivityReportJson = z.infer<typeof ActivityReport>;
export type ReportSavedJson = z.infer<typeof ReportSaved>;
