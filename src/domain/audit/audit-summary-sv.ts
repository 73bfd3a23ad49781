/**
 * The Swedish one-line summaries of audit events: what someone reading the history, or a
 * registrar reading the raw table, needs to recognise the change without opening the details.
 */
import type { BodyKind, DecisionDate, DecisionOutcome } from '../adoption/decision.js';
import { changedKeys, nameKeyOf, partOf, type Snapshot } from './snapshots.js';

/** The programme's own fields, in lower case as they read inside a sentence. */
export const PROGRAMME_FIELD_NAMES: Readonly<Record<string, string>> = {
  slug: 'adress',
  name: 'namn',
  targetYear: 'målår',
  validFromYear: 'giltighetens första år',
  validToYear: 'giltighetens sista år',
  vision: 'vision',
  overarchingGoal: 'övergripande mål',
  state: 'läge',
  adoptionRule: 'vem som antar programmet',
  replacesProgrammeId: 'programmet det ersätter',
  derivedFromProgrammeId: 'programmet det bygger på',
  statedChanges: 'angivna förändringar',
  note: 'anteckning',
  source: 'källa',
  nameEn: 'namn på engelska',
  visionEn: 'vision på engelska',
  overarchingGoalEn: 'övergripande mål på engelska',
};

/** The parts of a programme, as "the goal" and "the goals". */
export const PART_NOUNS: Readonly<Record<string, { one: string; all: string }>> = {
  perspectives: { one: 'perspektivet', all: 'perspektiven' },
  focusAreas: { one: 'fokusområdet', all: 'fokusområdena' },
  goals: { one: 'målet', all: 'målen' },
};

const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  adopted: 'antaget',
  rejected: 'avslaget',
  referred_back: 'återremitterat',
};

const BODY_KIND_WORDS: Record<BodyKind, string> = {
  committee: 'Samarbetskommittén',
  management_group: 'Ledningsgruppen',
  board: 'En kommunstyrelse',
  board_committee: 'Ett kommunstyrelseutskott',
};

/** "a", "a och b", "a, b och c". */
export function swedishList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

const MAX_PARTS = 4;

/** What changed in a draft, from its snapshots before and after: "Utkastet ”X”: lade till målet ”Y”." */
export function programmeChangeSummary(before: Snapshot, after: Snapshot): string {
  const name = String(after.name ?? before.name);
  const keys = changedKeys(before, after);
  if (keys.length === 0) return `Utkastet ”${name}” sparades utan ändringar i innehållet.`;

  const parts: string[] = [];
  const fields = keys.filter((k) => partOf(k).part === '').map((k) => PROGRAMME_FIELD_NAMES[k] ?? k);
  if (fields.length) parts.push(`ändrade ${swedishList(fields)}`);

  const keysByPart = new Map<string, string[]>();
  for (const k of keys) {
    const { part } = partOf(k);
    if (part) keysByPart.set(part, [...(keysByPart.get(part) ?? []), k]);
  }
  const gone = (part: string) => {
    const nameKey = nameKeyOf(part)!;
    return nameKey in before && !(nameKey in after);
  };
  // What goes with a removal is not listed apart: a removed area's goals, statements on a removed perspective.
  const followsRemoval = (k: string): boolean => {
    const goal = /^goals\.(\d+)\.(\w+)(?:\.(\d+))?$/.exec(k);
    if (!goal) return false;
    if (goal[2] === 'statements' && gone(`perspectives.${goal[3]}`)) return true;
    const areaId = before[`goals.${goal[1]}.focusAreaId`];
    return areaId !== undefined && gone(`focusAreas.${String(areaId)}`);
  };
  const reordered = new Set<string>();
  for (const [part, partKeys] of keysByPart) {
    const kind = part.split('.')[0]!;
    const nameKey = nameKeyOf(part)!;
    const label = `${PART_NOUNS[kind]?.one ?? kind} ”${String(after[nameKey] ?? before[nameKey])}”`;
    if (!(nameKey in before)) parts.push(`lade till ${label}`);
    else if (!(nameKey in after)) {
      if (!followsRemoval(nameKey)) parts.push(`tog bort ${label}`);
    } else if (partKeys.every((k) => k.endsWith('.position'))) reordered.add(kind);
    else if (!partKeys.every(followsRemoval)) parts.push(`ändrade ${label}`);
  }
  for (const kind of reordered) parts.push(`ändrade ordningen av ${PART_NOUNS[kind]?.all ?? kind}`);

  const shown =
    parts.length > MAX_PARTS
      ? [...parts.slice(0, MAX_PARTS - 1), `${parts.length - MAX_PARTS + 1} ändringar till`]
      : parts;
  return `Utkastet ”${name}”: ${shown.join('; ')}.`;
}

export const draftCreatedSummary = (name: string, sourceName?: string): string =>
  sourceName ? `Skapade utkastet ”${name}” utifrån ”${sourceName}”.` : `Skapade utkastet ”${name}”.`;

export const programmeProposedSummary = (name: string): string => `Föreslog ”${name}” för beslut.`;

export const programmeSeededSummary = (name: string): string => `Läste in programmet ”${name}” från demodata.`;

export const collaborationSeededSummary = (name: string, members: number): string =>
  `Läste in samverkan ”${name}” med ${members} medlemmar från demodata.`;

function decisionDateWords(date: DecisionDate): string {
  if (date.precision === 'unknown') return 'datum okänt';
  return date.precision === 'exact' ? date.date : `senast ${date.date}`;
}

/** "Registrerade beslut om ”X”: Kommunstyrelsen i Huddinge – antaget, senast 2019-10-11, § 78." */
export function decisionRecordedSummary(d: {
  programmeName: string;
  bodyName: string | null;
  bodyKind: BodyKind;
  outcome: DecisionOutcome;
  decided: DecisionDate;
  paragraph: string;
}): string {
  const details = [OUTCOME_WORDS[d.outcome], decisionDateWords(d.decided), d.paragraph].filter(Boolean).join(', ');
  return `Registrerade beslut om ”${d.programmeName}”: ${d.bodyName ?? BODY_KIND_WORDS[d.bodyKind]} – ${details}.`;
}
