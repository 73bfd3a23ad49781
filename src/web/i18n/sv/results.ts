/** Goal attainment (roll-up), the activities behind a figure, the annual report, and a goal's activities. */
import { annualReportTitle } from '../../../app/results/annual-report.js';
import type { PlanState } from '../../../domain/plans/plan.js';
import { PLAN_STATE_LABELS } from '../../../domain/plans/plan.js';
import type { RollupStatus } from '../../../domain/plans/rollup.js';
import { ROLLUP_STATUS_LABELS } from '../../../domain/plans/rollup.js';

export const results = {
  status: ROLLUP_STATUS_LABELS as Record<RollupStatus, string>,
  /** A count of activities, by status: [one, many]. */
  statusWords: {
    green: ['grön aktivitet', 'gröna aktiviteter'],
    yellow: ['gul aktivitet', 'gula aktiviteter'],
    red: ['röd aktivitet', 'röda aktiviteter'],
    not_reported: ['aktivitet utan rapport', 'aktiviteter utan rapport'],
  } as Record<RollupStatus, [string, string]>,
  activityWords: ['aktivitet', 'aktiviteter'] as [string, string],
  notReportedColumn: 'Ej rappor\u00adterad',
  total: 'Totalt',
  progressColumn: 'Framsteg P',
  coverageColumn: 'Täckning T',
  figureFor: (words: string, of: string) => `${words} för ${of}`,
  figureTotal: (words: string, of: string) => `${words} för ${of}, totalt`,
  noProgressFor: (of: string) => `inget viktat framsteg för ${of}: ingen aktivitet är rapporterad`,
  progressFor: (of: string) => `viktat framsteg för ${of}, över de rapporterade aktiviteterna`,
  noCoverageFor: (of: string) => `ingen täckningsgrad för ${of}: inga aktiviteter`,
  coverageFor: (of: string) => `täckningsgrad för ${of}: andelen av vikten som är rapporterad`,
  ofGoal: (goal: string) => `målet ${goal}`,
  ofGoalInYear: (goal: string, year: number) => `målet ${goal} ${year}`,
  ofArea: (area: string) => `fokusområdet ${area}`,
  ofAll: 'alla mål',

  formulaHeading: 'Så räknas siffrorna',
  formulaIntro:
    'Varje aktivitet räknas med sin senaste rapport i årets uppföljningsomgångar: grön, gul eller röd, och ett framsteg',
  formulaIntroAfter:
    'i procent. Aktiviteter utan rapport räknas som ”Ej rapporterad”. En aktivitet som tjänar två mål räknas fullt i båda målen, men bara en gång i ett fokusområde.',
  weightedProgress: 'Viktat framsteg',
  whereWeight: 'där',
  isWeightAnd: 'är aktivitetens vikt i planen och de normaliserade vikterna',
  sumToOne: 'summerar till 1. Summorna går över de',
  reported: 'rapporterade',
  activitiesDot: 'aktiviteterna.',
  coverage: 'Täckningsgrad',
  reportedSub: 'rapporterade',
  allSub: 'alla',
  coverageExplained: ': hur stor del av vikten',
  coverageExplained2:
    'bygger på. En aktivitet utan rapport räknas alltså aldrig som 0 procent och tas aldrig bort i tysthet – den sänker täckningsgraden. Finns ingen rapport alls visas inget',
  formulaIndicators:
    'Målens nyckeltal bedöms för sig (mot målbanan och trenden) och visas bredvid. Nyckeltalens bedömning och aktiviteternas framsteg räknas aldrig ihop till ett tal.',
  noIndicators: 'Inga nyckeltal kopplade',
  carriedOver: (year: number) => `Överförd från ${year}`,
  plansCaption: (year: number) => `Planer för ${year} som siffrorna bygger på`,
  planColumns: { plan: 'Plan', network: 'Nätverk', state: 'Läge' },
  planState: PLAN_STATE_LABELS as Record<PlanState, string>,
  noPlans: 'Inga planer',
  otherYears: 'Andra år',
  otherYearsColon: 'Andra år: ',

  // ---- Roll-up
  rollupTitle: (year: number) => `Måluppfyllelse ${year}`,
  rollupDescription: (year: number) =>
    `Måluppfyllelse ${year}: per fokusområde och mål hur nätverkens aktiviteter går (status och viktat framsteg) och vad nyckeltalen visar.`,
  areaCaption: (area: string, year: number) => `${area} ${year}: aktiviteter per mål och status`,
  goalColumn: 'Mål',
  indicatorsColumn: 'Nyckeltal (räknas inte in i P)',
  wholeArea: 'Hela fokusområdet',
  eachOnce: '(varje aktivitet en gång)',
  judgedPerGoal: 'Bedöms per mål',
  rollupLead: (year: number, programme: string | null, preparedOn: string, plans: number, activities: number) =>
    `Hur aktiviteterna i chefsnätverkens planer för ${year} går, per fokusområde och mål${programme ? ` i ${programme}` : ''}. Sammanställt ${preparedOn} ur ${plans} ${plans === 1 ? 'plan' : 'planer'} och ${activities} ${activities === 1 ? 'aktivitet' : 'aktiviteter'}.`,
  annualReportLink: (year: number) => `Årsredovisning ${year} – utkast`,
  allActivities: (year: number) => `Alla aktiviteter ${year}`,
  noPlansForYear: (year: number) =>
    `Det finns inga planer för ${year} som du kan se. Antagna planer är öppna för alla; utkast och inlämnade planer ser bara samverkans egna medarbetare när de är inloggade.`,
  eachFigureLinks:
    'Varje siffra är en länk till aktiviteterna bakom den. Nyckeltalens bedömning står bredvid målen och räknas aldrig ihop med aktiviteternas framsteg.',
  plansIncludedHeading: 'Planer som ingår',
  plansIncluded: (year: number) =>
    `Siffrorna bygger på de planer för ${year} som du kan se: antagna planer för alla, och för samverkans inloggade medarbetare även utkast och inlämnade planer.`,

  // ---- The activities behind a figure
  activitiesTitle: (year: number, scope: string) => `Aktiviteter ${year}: ${scope}`,
  activitiesDescription: (year: number, scope: string) =>
    `Aktiviteterna ${year} bakom talen för ${scope}: status, framsteg och vikt per aktivitet, och hur det sammanvägda talet räknas.`,
  activitiesBreadcrumb: (scope: string) => `Aktiviteter: ${scope}`,
  all: 'Alla',
  goal: 'Mål',
  focusArea: 'Fokusområde',
  inArea: (area: string) => `(fokusområdet ${area})`,
  programme: 'Program',
  statusLabel: 'Status',
  count: 'Antal',
  countOf: (count: string, total: string) => `${count} av ${total}`,
  statusFilter: 'Visa status',
  noneReported: (total: string, scope: string) =>
    `Ingen av de ${total} aktiviteterna för ${scope} är rapporterad i årets omgångar, så det finns inget viktat framsteg`,
  toShow: 'att visa.',
  over: 'över',
  withReport: 'med rapport; täckningsgraden',
  progressHeading: (scope: string) => `Viktat framsteg för ${scope}`,
  normalisedBefore: 'Den normaliserade vikten',
  normalisedAfter: (scope: string, filtered: boolean) =>
    `räknas över de rapporterade aktiviteterna för ${scope}${filtered ? ', även när listan visar bara en status' : ''}. En aktivitet utan rapport har ingen normaliserad vikt: den ingår inte i`,
  lowersCoverage: 'men sänker täckningsgraden',
  howCounted: 'Så räknas siffrorna',
  activitiesHeading: 'Aktiviteterna',
  activitiesCaption: (year: number, scope: string) => `Aktiviteter ${year} för ${scope}`,
  withStatus: (status: string) => `, status ${status.toLowerCase()}`,
  columns: {
    activity: 'Aktivitet',
    networkAndPlan: 'Nätverk och plan',
    status: 'Status',
    progress: 'Framsteg',
    comment: 'Kommentar',
    weight: 'Vikt',
    normalisedWeight: 'Normaliserad vikt',
    network: 'Nätverk',
  },
  noActivities: 'Inga aktiviteter',
  notIncluded: 'ingår inte',

  // ---- Annual report
  annualReportTitle: (year: number) => annualReportTitle(year),
  annualReportDescription: (title: string) =>
    `${title}: utfallet per fokusområde och mål, nätverkens aktiviteter och nyckeltalens bedömning, att skriva ut eller ladda ned.`,
  activities: 'Aktiviteter',
  weightedProgressP: 'Viktat framsteg P',
  noProgress: 'Inget (ingen aktivitet är rapporterad)',
  coverageT: (coverage: string) => `, täckningsgrad T ${coverage}`,
  verdictsHeading: 'Nyckeltalens bedömning',
  notCounted: 'Räknas inte in i aktiviteternas framsteg.',
  activitiesFor: (goal: string) => `Aktiviteter för ${goal}`,
  outcomeCaption: (year: number, goal: string) => `Aktiviteter ${year} för ${goal} och deras utfall`,
  areaCountsOnce: 'Fokusområdets siffror räknar varje aktivitet en gång, även när den tjänar flera av dess mål.',
  draft: 'Utkast.',
  draftNotice: (preparedOn: string, year: number) =>
    `Sammanställt ${preparedOn} ur chefsnätverkens planer för ${year} och deras uppföljningsrapporter. Inte granskat eller antaget av samarbetskommittén.`,
  downloadExcel: 'Ladda ner som Excel',
  annualReportDocument: 'Årsredovisningen',
  rollupWithFormula: (year: number) => `Måluppfyllelse ${year} med formeln`,
  noPlansToSee: (year: number) => `Det finns inga planer för ${year} som du kan se.`,
  plansServe: 'Planerna tjänar',
  reportIntro: 'Varje aktivitet redovisas med sin senaste rapport i årets uppföljningsomgångar (',
  noRounds: 'inga omgångar ännu',
  reportFormula: '). Viktat framsteg',
  reportFormulaAfter: 'över de rapporterade aktiviteterna; täckningsgraden',
  reportCoverageAfter:
    'är den rapporterade andelen av vikten. Nyckeltalens bedömning står för sig och räknas aldrig ihop med aktiviteternas framsteg.',

  // ---- A goal's activities
  goalActivitiesHeading: 'Aktiviteter i chefsnätverkens planer',
  noGoalActivities:
    'Inga aktiviteter i chefsnätverkens planer tjänar målet ännu (bland de planer du kan se: antagna planer är öppna för alla).',
  goalActivitiesLead: (year: number) =>
    `Aktiviteterna i planerna för ${year} som tjänar målet, med sin senaste rapport i årets uppföljning. Nyckeltalens bedömning ovan och aktiviteternas framsteg här visas bredvid varandra och räknas aldrig ihop till ett tal. Varje siffra leder till aktiviteterna bakom den;`,
  howCountedLower: 'så räknas siffrorna',
  goalRollupCaption: (year: number) => `Aktiviteternas status och viktade framsteg ${year} för målet`,
  year: 'År',
  goalActivitiesCaption: (year: number) => `Aktiviteter ${year} som tjänar målet`,
  rollupAllGoals: (year: number) => `Måluppfyllelse ${year} för alla mål`,
  activitiesForGoalIn: (year: number) => `Aktiviteter ${year} för målet`,
};

export type ResultsTexts = typeof results;
