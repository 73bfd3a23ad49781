/**
 * An audit event's before and after as lines a person can read: a Swedish label per changed field
 * ("Målet ”Ökad tillgänglighet”: strategier") and values with ids turned into names.
 */
import { MEMO_STATUS_LABELS } from '../domain/memos/memo.js';
import { EVENT_KIND_NAMES } from '../domain/events/event.js';
import type { HistoryEntry, HistoryNames } from '../app/audit/get-history.js';
import { PART_NOUNS, PROGRAMME_FIELD_NAMES } from '../domain/audit/audit-summary-sv.js';
import { changedKeys, partOf, type Snapshot, type SnapshotValue } from '../domain/audit/snapshots.js';
import { REPORT_STATUS_SHORT } from '../domain/plans/follow-up.js';
import { CLIMATE_EFFECT_LABELS, DIMENSION_LABELS, PLAN_KIND_LABELS } from '../domain/plans/plan.js';
import { MEASURE_LABELS_SV } from '../app/indicators/link-goal-indicator.js';
import { formatNumber } from './format.js';
import { BODY_KIND_LABELS, OUTCOME_LABELS } from './present.js';

/** A value as shown: text, or a list (strategies, members). */
export type Shown = string | string[];

export interface ChangeLine {
  label: string;
  /** Absent for a record created or removed: `after` is then its one value (as it was when removed). */
  before?: Shown;
  after: Shown;
}

const DECISION_FIELD_NAMES: Record<string, string> = {
  programmeId: 'program',
  memberId: 'kommun',
  bodyId: 'organ',
  bodyKind: 'slag av organ',
  datePrecision: 'hur säkert datumet är känt',
  decidedOn: 'beslutsdatum',
  paragraph: 'paragraf',
  outcome: 'beslut',
  note: 'anteckning',
  source: 'källa',
};

const COLLABORATION_FIELD_NAMES: Record<string, string> = {
  slug: 'adress',
  name: 'namn',
  formalisedYear: 'formaliserad år',
  members: 'medlemmar',
  bodies: 'organ',
  networks: 'nätverk',
};

const PART_FIELD_NAMES: Record<string, string> = {
  name: 'namn',
  title: 'lydelse',
  description: 'beskrivning',
  networkId: 'ansvarigt nätverk',
  note: 'anteckning',
  position: 'plats i ordningen',
  focusAreaId: 'fokusområde',
  strategies: 'strategier',
  predecessorGoalIds: 'föregående mål',
  statements: 'bidrag',
  nameEn: 'namn på engelska',
  titleEn: 'lydelse på engelska',
  descriptionEn: 'beskrivning på engelska',
  strategiesEn: 'strategier på engelska',
};

const FIELD_NAMES: Record<HistoryEntry['entityType'], Record<string, string>> = {
  programme: PROGRAMME_FIELD_NAMES,
  decision: DECISION_FIELD_NAMES,
  collaboration: COLLABORATION_FIELD_NAMES,
  user: { status: 'status', roles: 'roller', password: 'lösenord' },
  api_token: { name: 'namn', owner: 'ägare', status: 'status', roles: 'roll' },
  indicator: {
    key: 'id',
    origin: 'ursprung',
    title: 'namn',
    definition: 'definition',
    unit: 'enhet',
    decimals: 'decimaler',
    aggregation: 'gruppens värde',
    weightKey: 'vikt',
    byGender: 'per kön',
    source: 'källa',
    licence: 'licens',
  },
  indicator_import: {
    kind: 'slag',
    sourceName: 'källa',
    sha256: 'kontrollsumma',
    rowsRead: 'lästa rader',
    rowsChanged: 'ändrade värden',
    rowsDeleted: 'borttagna värden',
    indicators: 'nyckeltal',
  },
  kolada_catalogue: { kpis: 'nyckeltal', areas: 'kommuner och regioner', groups: 'kommungrupper' },
  goal_indicator: {
    goal: 'programmål',
    indicator: 'nyckeltal',
    measure: 'mått',
    areaCode: 'område',
    target: 'mål',
    targetKind: 'slag av mål',
    direction: 'bättre är',
    baseYear: 'basår',
    baseValue: 'basvärde',
    targetYear: 'målår',
    targetValue: 'målvärde',
    comparisonAreaCode: 'jämförelseområde',
    note: 'anteckning',
    source: 'källa för målet',
  },
  plan: {
    network: 'nätverk',
    year: 'år',
    kind: 'slag av plan',
    title: 'namn',
    parentPlanId: 'verksamhetsplan',
    programme: 'program',
    state: 'läge',
    summary: 'inledning',
    isExample: 'exempel',
    copiedFromPlanId: 'kopierad från plan',
  },
  plan_decision: DECISION_FIELD_NAMES,
  activity: {
    plan: 'plan',
    title: 'namn',
    description: 'beskrivning',
    goals: 'mål',
    strategies: 'strategier',
    ownerName: 'ansvarig',
    ownerUserId: 'ansvarigs konto',
    members: 'deltagande kommuner',
    startDate: 'start',
    endDate: 'slut',
    budgetKr: 'budget (kr)',
    weight: 'vikt',
    climateEffect: 'klimateffekt',
    climateJustification: 'motivering av klimateffekten',
    dimension: 'hållbarhetsdimension',
    carriedOverFromActivityId: 'överförd från aktivitet',
  },
  follow_up_round: {
    year: 'år',
    name: 'namn',
    periodEnd: 'perioden slutar',
    dueDate: 'senast rapport',
    activities: 'aktiviteter',
    recipients: 'mottagare',
  },
  memo: {
    programme: 'program',
    member: 'kommun',
    memoStatus: 'läge',
    diarienummer: 'diarienummer',
    officer: 'handläggare',
    committee: 'utskott',
    administration: 'förvaltning',
    consequenceKinds: 'konsekvenser som beskrivs',
    summary: 'sammanfattning',
    assessment: 'förvaltningens bedömning',
    consequenceEconomy: 'ekonomiska konsekvenser',
    consequenceClimate: 'konsekvenser för klimat och miljö',
    consequenceGenderEquality: 'konsekvenser för jämställdhet',
    consequenceChildren: 'konsekvenser för barn',
    recipients: 'beslutet skickas till',
    signatories: 'underskrifter',
  },
  event: {
    slug: 'adress',
    eventKind: 'slag av evenemang',
    date: 'datum',
    startTime: 'starttid',
    endTime: 'sluttid',
    place: 'plats',
    hostMember: 'värdkommun',
    theme: 'tema',
    programme: 'program',
    programmeText: 'program för evenemanget',
    eventStatus: 'blir av',
    publication: 'publicering',
    source: 'källa',
    summary: 'sammanfattning',
    agenda: 'dagordning',
    files: 'filer',
    recordings: 'inspelningar',
    outcomes: 'resultat',
  },
  activity_report: {
    activity: 'aktivitet',
    round: 'uppföljning',
    status: 'status',
    progress: 'genomfört (%)',
    comment: 'kommentar',
    climateEffect: 'bedömd klimateffekt',
  },
  consultation: {
    programme: 'program',
    programmeId: 'programmets id',
    startDate: 'första dagen',
    endDate: 'sista dagen',
    responsible: 'tar emot synpunkterna',
    description: 'beskrivning',
    reportsToHide: 'anmälningar som döljer en kommentar',
  },
  consultation_comment: {
    consultationId: 'samråd',
    part: 'del av programmet',
    status: 'läge',
    reportCount: 'anmälningar',
    reason: 'skäl',
  },
  consultation_theme: { title: 'namn', commentIds: 'kommentarer' },
  consultation_answer: {
    commentId: 'kommentar',
    themeId: 'tema',
    body: 'svar',
    outcome: 'tas om hand',
    status: 'läge',
  },
  job: { job: 'jobb' },
  decision_document: {
    fileName: 'fil',
    sha256: 'SHA-256',
    sizeBytes: 'storlek (byte)',
    pages: 'sidor',
    decisionId: 'beslut',
    'read.date': 'inläst datum',
    'read.paragraph': 'inläst paragraf',
    'read.outcome': 'inläst beslut',
    'read.memberCode': 'inläst kommunkod',
    'confirmed.date': 'bekräftat datum',
    'confirmed.paragraph': 'bekräftad paragraf',
    'confirmed.outcome': 'bekräftat beslut',
    'confirmed.memberId': 'bekräftad kommun',
  },
};

const CODE_LABELS: Record<string, Record<string, string>> = {
  state: { draft: 'Utkast', proposed: 'Föreslaget', submitted: 'Inlämnad', adopted: 'Antagen' },
  kind: PLAN_KIND_LABELS,
  isExample: { 1: 'Ja', 0: 'Nej', true: 'Ja', false: 'Nej' },
  status: REPORT_STATUS_SHORT,
  memoStatus: MEMO_STATUS_LABELS,
  climateEffect: CLIMATE_EFFECT_LABELS,
  dimension: DIMENSION_LABELS,
  adoptionRule: { all_members: 'Alla medlemmars kommunstyrelser', committee: 'Samarbetskommittén' },
  bodyKind: BODY_KIND_LABELS,
  outcome: OUTCOME_LABELS,
  datePrecision: { exact: 'Exakt datum', on_or_before: 'Senast det datumet', unknown: 'Datum okänt' },
  origin: { kolada: 'Kolada', local: 'Eget nyckeltal' },
  aggregation: { mean: 'Medelvärde', sum: 'Summa' },
  byGender: { 1: 'Ja', 0: 'Nej' },
  measure: MEASURE_LABELS_SV,
  targetKind: { absolute: 'Ett målvärde', relative: 'Jämfört med ett annat område' },
  direction: { higher: 'Högre värden', lower: 'Lägre värden' },
  eventKind: EVENT_KIND_NAMES,
  eventStatus: { scheduled: 'Enligt plan', cancelled: 'Inställt' },
  publication: { draft: 'Utkast', published: 'Publicerat' },
};

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Which name list an id field's value is looked up in. */
function namesFor(field: string, names: HistoryNames): Map<number, string> | undefined {
  switch (field) {
    case 'networkId':
      return names.networks;
    case 'focusAreaId':
      return names.focusAreas;
    case 'predecessorGoalIds':
      return names.goals;
    case 'programmeId':
    case 'replacesProgrammeId':
    case 'derivedFromProgrammeId':
      return names.programmes;
    case 'memberId':
      return names.members;
    case 'bodyId':
      return names.bodies;
    case 'ownerUserId':
      return names.accounts;
    case 'copiedFromPlanId':
      return names.plans;
    case 'carriedOverFromActivityId':
      return names.activities;
    default:
      return undefined;
  }
}

/** Amounts shown in Swedish digit groups and decimal comma (a year stays as it is). */
const NUMBER_FIELDS = new Set(['budgetKr', 'weight']);

function show(field: string, value: SnapshotValue | undefined, names: HistoryNames): Shown {
  const lookup = namesFor(field, names);
  const one = (v: string | number) =>
    lookup
      ? (lookup.get(Number(v)) ?? `nr ${v}`)
      : NUMBER_FIELDS.has(field) && typeof v === 'number'
        ? formatNumber(v)
        : (CODE_LABELS[field]?.[v] ?? String(v));
  if (value === undefined || value === null || value === '') return '–';
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(one);
  return one(value as string | number);
}

function label(key: string, entityType: HistoryEntry['entityType'], context: Snapshot): string {
  const { part, nameKey } = partOf(key);
  if (!part || !nameKey) return capitalised(FIELD_NAMES[entityType][key] ?? key);
  const [kind, , field, perspectiveId] = key.split('.');
  const noun = PART_NOUNS[kind!]?.one ?? kind!;
  const what =
    field === 'statements'
      ? `bidrag till ${String(context[`perspectives.${perspectiveId}.name`] ?? 'ett borttaget perspektiv').toLowerCase()}`
      : (PART_FIELD_NAMES[field!] ?? field!);
  return `${capitalised(noun)} ”${String(context[nameKey] ?? '')}”: ${what}`;
}

const FIELD_ORDER = ['', 'perspectives', 'focusAreas', 'goals'];

/** Document order: the record's own fields as listed above, then perspectives, areas and goals by id. */
function order(entityType: HistoryEntry['entityType'], key: string): number[] {
  const [kind, id, field] = key.split('.');
  if (id === undefined) return [0, Object.keys(FIELD_NAMES[entityType]).indexOf(key)];
  return [FIELD_ORDER.indexOf(kind!), Number(id), Object.keys(PART_FIELD_NAMES).indexOf(field!)];
}

const byOrder = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/**
 * The lines to show for an event: every stored field of a created record (or of a removed one, as it
 * was), or only the fields that differ for a change (the unchanged names kept for context are not
 * lines of their own).
 */
export function changeLines(
  entry: Pick<HistoryEntry, 'entityType' | 'before' | 'after'>,
  names: HistoryNames,
): ChangeLine[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const context = { ...before, ...after };
  // `goals.12.statements.3` is a statement; any other key's field is its last segment.
  const field = (key: string) => key.split('.').at(key.includes('.statements.') ? -2 : -1)!;
  // A record created or removed is shown whole, from its one side.
  const whole = entry.before === null ? after : entry.after === null ? before : undefined;
  const keys = whole
    ? Object.keys(whole).filter((k) => show(field(k), whole[k], names) !== '–')
    : changedKeys(before, after);
  return (
    keys
      .sort((a, b) => byOrder(order(entry.entityType, a), order(entry.entityType, b)))
      .map((key) => ({
        label: label(key, entry.entityType, context),
        ...(whole ? {} : { before: show(field(key), before[key], names) }),
        after: show(field(key), (whole ?? after)[key], names),
      }))
      // An empty text that appears or goes with its goal is no change worth a line.
      .filter((line) => JSON.stringify(line.before) !== JSON.stringify(line.after))
  );
}
