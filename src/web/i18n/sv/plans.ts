/** The chief networks' plans: the list and a plan's page with its activities. */
import { REPORT_STATUS_LABELS, REPORT_STATUS_SHORT, type ReportStatus } from '../../../domain/plans/follow-up.js';
import { CARRIED_DATES_RULE } from '../../../domain/plans/plan-rules.js';
import {
  CLIMATE_EFFECT_LABELS,
  DIMENSION_LABELS,
  PLAN_KIND_LABELS,
  PLAN_STATE_LABELS,
  type ClimateEffect,
  type PlanKind,
  type PlanState,
  type SustainabilityDimension,
} from '../../../domain/plans/plan.js';
import type { DecisionOutcome } from '../../../domain/adoption/decision.js';

export const plans = {
  title: 'Planer',
  description:
    'Chefsnätverkens verksamhetsplaner och handlingsplaner per år, med status och antal aktiviteter, att filtrera på nätverk och år.',
  lead: 'Chefsnätverken konkretiserar programmet i en verksamhetsplan per år och handlingsplaner under den. Varje aktivitet i en plan bidrar till mål i programmet. Samarbetskommittén antar planerna; antagna planer är offentliga.',
  newPlan: 'Ny plan',
  filterLabel: 'Filtrera planerna',
  network: 'Nätverk',
  allNetworks: 'Alla nätverk',
  year: 'År',
  allYears: 'Alla år',
  showPlans: 'Visa planerna',
  noneMatch: 'Inga planer matchar filtret.',
  noneYet: 'Det finns inga planer som du kan se ännu.',
  examplesNotice:
    'Exempel: planer märkta Exempel är påhittade för att visa tjänsten; de är inte samverkans verkliga planer.',
  columns: { plan: 'Plan', kind: 'Slag', state: 'Läge', activities: 'Aktiviteter' },
  kind: PLAN_KIND_LABELS as Record<PlanKind, string>,
  state: PLAN_STATE_LABELS as Record<PlanState, string>,
  stateShort: { draft: 'Utkast', submitted: 'Inlämnad', adopted: 'Antagen' } as Record<PlanState, string>,

  // ---- A plan
  description1: (title: string, network: string, operational: boolean, year: number) =>
    `${title}: ${network}s ${operational ? 'verksamhetsplan' : 'handlingsplan'} för ${year} med aktiviteter, mål de bidrar till, senaste uppföljning och beslut.`,
  facts: {
    network: 'Nätverk',
    year: 'År',
    kind: 'Slag',
    state: 'Läge',
    programme: 'Program',
    operationalPlan: 'Verksamhetsplan',
    createdFrom: 'Skapad från',
  },
  history: 'Ändringshistorik',
  historyExplained: '– vem som har ändrat planen och dess aktiviteter, och när.',
  introduction: 'Inledning',
  actionPlans: 'Handlingsplaner',
  noActionPlans: 'Verksamhetsplanen har inga handlingsplaner.',
  activities: 'Aktiviteter',
  carriedNote: `Aktiviteter märkta ”Överförd från” följde med från förra årets plan. ${CARRIED_DATES_RULE}`,
  decisionsHeading: 'Samarbetskommitténs beslut',
  decisionsCaption: (title: string) => `Beslut om ${title}`,
  decisionColumns: { date: 'Datum', paragraph: 'Paragraf', decision: 'Beslut', note: 'Anteckning', source: 'Källa' },
  outcome: { adopted: 'Antagen', rejected: 'Avslagen', referred_back: 'Återremitterad' } as Record<
    DecisionOutcome,
    string
  >,
  noDecisions: 'Inga beslut är registrerade.',
  activitiesCaption: (title: string) => `Aktiviteter i ${title}`,
  activityColumns: {
    activity: 'Aktivitet',
    goal: 'Mål',
    owner: 'Ansvarig',
    period: 'Period',
    latest: 'Senaste rapport',
  },
  carriedOverFrom: (year: number) => `Överförd från ${year}`,
  chooseGoal: 'Välj mål',
  chooseGoalFor: (title: string) => ` för ${title}`,
  noGoal: 'Inget mål',
  report: 'Rapportera',
  reportOn: (title: string) => ` om ${title}`,
  noActivities: 'Planen har inga aktiviteter ännu.',
  noReport: 'Ingen rapport',
  reportShort: REPORT_STATUS_SHORT as Record<ReportStatus, string>,
  reportLong: REPORT_STATUS_LABELS as Record<ReportStatus, string>,

  // ---- Managing the plan (the networks' and the secretariat's, Swedish pages)
  manage: 'Hantera planen',
  addActivity: 'Lägg till aktivitet',
  editNameAndIntro: 'Ändra namn och inledning',
  newActionPlan: 'Ny handlingsplan',
  recordDecision: 'Registrera kommitténs beslut',
  submitText:
    'När planen är klar lämnar du in den till samarbetskommittén. Därefter kan den inte ändras, om inte kommittén återremitterar den.',
  submit: 'Lämna in till samarbetskommittén',
  nextYearExists: 'Nästa års plan finns redan:',
  nextYearHeading: 'Nästa års plan',
  nextYearText: (nextYear: number, year: number) =>
    `Skapar ett utkast för ${nextYear} med verksamhetsplanen och dess handlingsplaner. Bara aktiviteter som inte är slutförda följer med – de vars senaste rapport säger under 100 procent eller som saknar rapport – och de märks ”Överförd från ${year}”. ${CARRIED_DATES_RULE} Mål som inte finns i programmet för nya planer tas bort; en aktivitet utan mål märks ”Välj mål”.`,
  createNextYear: 'Skapa nästa års plan från denna',

  // ---- An activity in full
  goalsLabel: 'Mål',
  chooseGoalLong: 'Välj mål: aktiviteten bidrar inte till något mål i programmet planen följer.',
  strategies: 'Strategier',
  noneChosen: 'Inga valda',
  owner: 'Ansvarig',
  members: 'Deltagande kommuner',
  noneGiven: 'Inga angivna',
  period: 'Period',
  budget: 'Budget',
  noBudget: 'Ingen egen budget',
  weight: 'Vikt i uppföljningen',
  climate: 'Förväntad klimateffekt',
  climateEffect: CLIMATE_EFFECT_LABELS as Record<ClimateEffect, string>,
  dimension: 'Hållbarhetsdimension',
  dimensions: DIMENSION_LABELS as Record<SustainabilityDimension, string>,
  carriedFrom: 'Överförd från',
  planFor: (year: number) => `Planen för ${year}`,
  followUp: 'Uppföljning',
  noReportYet: 'Ingen rapport ännu.',
  round: 'Omgång',
  edit: 'Ändra',
  remove: 'Ta bort',

  // ---- The programme the plans follow
  noProgrammeWithGoals:
    'Det finns inget program med registrerade mål. Planernas aktiviteter ska bidra till programmets mål, så programmet och dess mål behöver registreras först.',
  contributesTo: 'Aktiviteterna bidrar till målen i',
  /** Around the name of the programme in force that has no goals. */
  inForceWithoutGoals: [
    ' Programmet som gäller, ',
    ', har inga registrerade mål i tjänsten, så planerna följer målen i det senaste programmet som har det.',
  ] as [string, string],
};

export type PlansTexts = typeof plans;
