/**
 * A programme version as a publication: cover, key facts, contents, vision, overarching goal,
 * cross-cutting perspectives, focus areas with their goals, strategies, responsible networks and the
 * indicators with their targets, and the adoption record (one row per member). Pure data: the HTML,
 * DOCX and PDF renderers (src/documents/) decide how it looks.
 *
 * Everything comes from the use cases the programme and adoption pages use (getAdoption, which reads
 * getProgramme; getCollaboration; goalIndicatorViews); nothing is read from storage here.
 */
import type { Block, DocumentModel, TableBlock } from '../../documents/document-model.js';
import type { Decision } from '../../domain/adoption/decision.js';
import type { IsoDate } from '../../domain/dates.js';
import { formatNumber } from '../../domain/format-sv.js';
import { latestDecision, programmeStatusLabel, type ProgrammeStatus } from '../../domain/programme/programme-status.js';
import { goalsOf, type FocusArea, type Goal, type Perspective } from '../../domain/programme/programme.js';
import type { Body } from '../../domain/collaboration.js';
import { documentSlug } from './file-names.js';
import { getCollaboration, type CollaborationView } from '../collaboration.js';
import { today, type AppContext } from '../context.js';
import { getAdoption, type AdoptionOverview } from '../adoption/get-adoption.js';
import { goalIndicatorViews, type GoalIndicatorView } from '../indicators/goal-targets.js';
import {
  BODY_KIND_LABELS,
  decisionDateText,
  inForceText,
  OUTCOME_LABELS,
  STANDING_LABELS,
} from '../../domain/adoption/adoption-sv.js';

/** The section ids, which the contents list links to (the same in every format). */
export const PROGRAMME_SECTION_IDS = {
  vision: 'vision',
  overarchingGoal: 'overgripande-mal',
  perspectives: 'perspektiv',
  focusAreas: 'fokusomraden',
  statedChanges: 'forandringar',
  adoption: 'antagande',
  note: 'om-uppgifterna',
} as const;

/**
 * Who issues the cooperation's documents: its committee as the collaboration record names it (e.g.
 * "Södertörns samarbetskommitté"), or the cooperation's own name when no committee is recorded.
 */
export const cooperationIssuer = (view: Pick<CollaborationView, 'collaboration' | 'bodies'>): string =>
  view.bodies.find((b) => b.kind === 'committee' && b.memberId === null)?.name ?? view.collaboration.name;

/** The status as a cover line: "Förslag", "Antaget – gällande", "Utkast", … */
export function coverStatusText(status: ProgrammeStatus): string {
  switch (status.kind) {
    case 'draft':
      return 'Utkast';
    case 'proposed':
      return 'Förslag';
    case 'adopting':
      return status.inForceFrom
        ? 'Antaget'
        : `Förslag – antaget av ${formatNumber(status.adoptedCount)} av ${formatNumber(status.requiredCount)}`;
    case 'in_force':
      return 'Antaget – gällande';
    case 'replaced':
      return status.tookEffect ? 'Antaget – ersatt av ett senare program' : 'Ersatt av ett senare program';
    case 'expired':
      return 'Antaget – giltighetstiden har gått ut';
  }
}

const validityText = (from: number | null, to: number | null): string =>
  from === null ? 'Inte angiven' : to === null ? `från ${from}` : to === from ? String(from) : `${from}\u2013${to}`;

const networkNameOf = (networks: CollaborationView['networks'], id: number | null): string | null =>
  id === null ? null : (networks.find((n) => n.id === id)?.name ?? null);

const heading = (level: 2 | 3 | 4, text: string, id?: string): Block =>
  id === undefined ? { kind: 'heading', level, text } : { kind: 'heading', level, text, id };

const note = (content: string): Block => ({ kind: 'paragraph', content, style: 'note' });

/** A value with the indicator's decimals and unit words, or "saknas" (never 0 for a missing value). */
const valueText = (value: number | null, decimals: number): string =>
  value === null ? 'saknas' : formatNumber(value, { decimals });

/** The target of an indicator link in words, as the goal page says it. */
export function targetText(v: GoalIndicatorView): string {
  const { link, indicator } = v;
  if (link.targetKind === 'relative') {
    const better = link.direction === 'higher' ? 'minst lika högt som' : 'högst lika högt som';
    return `${better} ${v.comparisonName ?? link.comparisonAreaCode ?? 'jämförelseområdet'}`;
  }
  const unit = indicator.unit.trim();
  return [
    `${valueText(link.targetValue, indicator.decimals)}${unit ? `\u00a0${unit}` : ''}`,
    link.direction === 'higher' ? 'högre är bättre' : 'lägre är bättre',
    ...(link.baseValue === null ? [] : [`basvärde ${valueText(link.baseValue, indicator.decimals)}`]),
  ].join(', ');
}

/** The indicators and targets linked to a goal, one row per link. */
function indicatorTable(goal: Goal, views: readonly GoalIndicatorView[]): TableBlock {
  return {
    kind: 'table',
    caption: `Nyckeltal och målvärden för målet ”${goal.title}”`,
    head: ['Nyckeltal', 'Mäts som', 'Målvärde och riktning', 'Basår', 'Målår', 'Källa för målet'],
    rows: views.map((v) => [
      v.indicator.title,
      v.measuredName,
      targetText(v),
      String(v.link.baseYear),
      String(v.link.targetYear),
      v.link.source || 'Inte angiven',
    ]),
    numericColumns: [3, 4],
    rowHeaders: true,
  };
}

function goalBlocks(
  goal: Goal,
  area: FocusArea,
  perspectives: readonly Perspective[],
  networks: CollaborationView['networks'],
  views: readonly GoalIndicatorView[],
): Block[] {
  const own = networkNameOf(networks, goal.networkId);
  const areaNetwork = networkNameOf(networks, area.networkId);
  const network = own ?? (areaNetwork ? `${areaNetwork} (fokusområdets nätverk)` : 'Inte angivet i källan');
  const blocks: Block[] = [heading(4, goal.title)];
  if (goal.description) blocks.push({ kind: 'paragraph', content: goal.description });
  blocks.push({
    kind: 'facts',
    items: [
      { term: 'Ansvarigt nätverk', value: network },
      ...perspectives.map((p) => ({
        term: `Bidrag till ${p.name.toLowerCase()}`,
        value: goal.statements[p.id] || 'Inte redovisat',
      })),
    ],
  });
  if (goal.strategies.length > 0) {
    blocks.push({ kind: 'paragraph', content: 'Strategier:' });
    blocks.push({ kind: 'list', ordered: false, items: goal.strategies.map((s) => s.text) });
  } else {
    blocks.push(note('Inga strategier finns i källan.'));
  }
  if (goal.note) blocks.push(note(`Anmärkning: ${goal.note}`));
  if (views.length > 0) {
    blocks.push(indicatorTable(goal, views));
    for (const v of views)
      if (v.link.note) blocks.push(note(`${v.indicator.title}, ${v.measuredName}: ${v.link.note}`));
  }
  return blocks;
}

function focusAreaBlocks(
  area: FocusArea,
  perspectives: readonly Perspective[],
  networks: CollaborationView['networks'],
  indicators: ReadonlyMap<number, GoalIndicatorView[]>,
): Block[] {
  const network = networkNameOf(networks, area.networkId);
  return [
    heading(3, area.name),
    ...(network ? [{ kind: 'facts', items: [{ term: 'Ansvarigt nätverk', value: network }] } as Block] : []),
    ...(area.description ? [{ kind: 'paragraph', content: area.description } as Block] : []),
    ...(area.note ? [note(`Anmärkning: ${area.note}`)] : []),
    ...(area.goals.length === 0 ? [note('Inga mål registrerade i området.')] : []),
    ...area.goals.flatMap((g) => goalBlocks(g, area, perspectives, networks, indicators.get(g.id) ?? [])),
  ];
}

const bodyName = (d: Decision, bodies: readonly Body[]): string =>
  bodies.find((b) => b.id === d.bodyId)?.name ?? BODY_KIND_LABELS[d.bodyKind];

const decisionSummary = (d: Decision): string =>
  [OUTCOME_LABELS[d.outcome], decisionDateText(d.decided), d.paragraph].filter(Boolean).join(' ');

function adoptionBlocks(overview: AdoptionOverview, bodies: readonly Body[]): Block[] {
  const { programme, status } = overview;
  const adopted = overview.members.filter((m) => m.standing === 'adopted');
  const remaining = overview.members.filter((m) => m.standing !== 'adopted');
  const rule =
    programme.adoptionRule === 'all_members'
      ? `Programmet antas av varje medlemskommuns kommunstyrelse och gäller när alla har antagit det. ` +
        `Registrerade beslut om att anta programmet: ${formatNumber(adopted.length)} av ${formatNumber(overview.members.length)} medlemmar.` +
        ((status.kind === 'proposed' || status.kind === 'adopting') && remaining.length > 0
          ? ` Återstår: ${remaining.map((m) => m.member.name).join(', ')}.`
          : '')
      : 'Den här versionen beslutas av samarbetskommittén; medlemmarnas kommunstyrelser behöver inte anta den.';
  const blocks: Block[] = [
    heading(2, 'Antagande', PROGRAMME_SECTION_IDS.adoption),
    { kind: 'paragraph', content: `${programmeStatusLabel(status)}. ${inForceText(status)}` },
    { kind: 'paragraph', content: rule },
    {
      kind: 'table',
      caption: 'Medlemmarnas beslut om programmet',
      head: ['Kommun', 'Beslutande organ', 'Datum', 'Paragraf', 'Beslut'],
      rows: overview.members.map((m) => {
        const latest = latestDecision(m.decisions);
        if (!latest) return [m.member.name, '–', '–', '–', STANDING_LABELS.none];
        const earlier = m.decisions.filter((d) => d !== latest);
        return [
          m.member.name,
          bodyName(latest, bodies),
          decisionDateText(latest.decided),
          latest.paragraph || 'uppgift saknas',
          OUTCOME_LABELS[latest.outcome] +
            (earlier.length > 0 ? ` (tidigare: ${earlier.map(decisionSummary).join('; ')})` : ''),
        ];
      }),
      rowHeaders: true,
    },
  ];
  // A note shared by several members' decisions (e.g. "exact dates not known") is said once.
  const membersByNote = new Map<string, string[]>();
  for (const m of overview.members)
    for (const d of m.decisions)
      if (d.note) membersByNote.set(d.note, [...new Set([...(membersByNote.get(d.note) ?? []), m.member.name])]);
  const withDecisions = overview.members.filter((m) => m.decisions.length > 0).length;
  for (const [text, names] of membersByNote)
    blocks.push(note(names.length === withDecisions && names.length > 1 ? text : `${names.join(', ')}: ${text}`));
  if (overview.otherDecisions.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Övriga beslut om programmet',
      head: ['Organ', 'Datum', 'Paragraf', 'Beslut', 'Anteckning'],
      rows: overview.otherDecisions.map((d) => [
        bodyName(d, bodies),
        decisionDateText(d.decided),
        d.paragraph || 'uppgift saknas',
        OUTCOME_LABELS[d.outcome],
        d.note || '–',
      ]),
      rowHeaders: true,
    });
  }
  return blocks;
}

/** The programme's own source, the sources of its decisions and targets, and the register itself. */
function sourcesOf(
  overview: AdoptionOverview,
  views: readonly GoalIndicatorView[],
  cooperation: string,
  date: IsoDate,
): string[] {
  const { programme } = overview;
  return [
    ...new Set(
      [
        programme.source && `Programmets text: ${programme.source}`,
        ...overview.decisions.map((d) => d.source && `Beslut: ${d.source}`),
        ...views.map((v) => v.link.source && `Målvärde för ${v.indicator.title}: ${v.link.source}`),
        ...views.map((v) => v.indicator.source && `Nyckeltalet ${v.indicator.title}: ${v.indicator.source}`),
        `Status och beslut enligt samverkans register (${cooperation}), ${date}.`,
      ].filter((s): s is string => Boolean(s)),
    ),
  ];
}

/** A programme version as a document; the same not-found error as the programme page for an unknown ref. */
export async function getProgrammeDocument(ctx: AppContext, ref: string): Promise<DocumentModel> {
  // getAdoption reads the programme through getProgramme: not found and drafts' access as on the page.
  const overview = await getAdoption(ctx, ref);
  const collaborationView = await getCollaboration(ctx);
  const { programme, status } = overview;
  const { networks, bodies, collaboration } = collaborationView;
  const indicators = await goalIndicatorViews(
    ctx,
    goalsOf(programme).map((g) => g.id),
  );
  const allViews = goalsOf(programme).flatMap((g) => indicators.get(g.id) ?? []);
  const date = today(ctx);
  const ids = PROGRAMME_SECTION_IDS;

  const blocks: Block[] = [];
  if (programme.state === 'draft')
    blocks.push({
      kind: 'notice',
      text: 'Utkast: programmet har inte föreslagits för beslut, och texten kan ändras.',
    });
  blocks.push({ kind: 'contents' });

  blocks.push(heading(2, 'Vision', ids.vision));
  blocks.push(
    programme.vision
      ? { kind: 'paragraph', content: programme.vision, style: 'lead' }
      : note('Ingen vision anges i källan.'),
  );

  blocks.push(heading(2, 'Övergripande mål', ids.overarchingGoal));
  blocks.push(
    programme.overarchingGoal
      ? { kind: 'paragraph', content: programme.overarchingGoal }
      : note('Inget övergripande mål anges i källan för den här versionen.'),
  );

  blocks.push(heading(2, 'Genomgående perspektiv', ids.perspectives));
  blocks.push(
    programme.perspectives.length > 0
      ? {
          kind: 'facts',
          items: programme.perspectives.map((p) => ({
            term: p.name,
            value: p.description || 'Ingen beskrivning i källan',
          })),
        }
      : note('Inga perspektiv anges i källan för den här versionen.'),
  );

  blocks.push(heading(2, 'Fokusområden och mål', ids.focusAreas));
  if (programme.focusAreas.length === 0) blocks.push(note('Programmet har inga fokusområden registrerade.'));
  for (const area of programme.focusAreas)
    blocks.push(...focusAreaBlocks(area, programme.perspectives, networks, indicators));

  if (programme.statedChanges.length > 0) {
    blocks.push(heading(2, 'Förändringar från tidigare program', ids.statedChanges));
    blocks.push({ kind: 'paragraph', content: 'Så som programmet självt beskriver förändringarna:' });
    blocks.push({ kind: 'list', ordered: false, items: programme.statedChanges });
  }

  blocks.push(...adoptionBlocks(overview, bodies));

  if (programme.note) {
    blocks.push(heading(2, 'Om uppgifterna', ids.note));
    for (const line of programme.note.split('\n').filter((l) => l.trim()))
      blocks.push({ kind: 'paragraph', content: line });
  }

  const statusLine = coverStatusText(status);
  return {
    kind: 'programme',
    title: programme.name,
    subtitle: `${statusLine}, version ${programme.version}`,
    issuer: cooperationIssuer(collaborationView),
    documentType: 'Utvecklingsprogram',
    date,
    // A name without a year ("Södertörns utvecklingsprogram", 2013) gets its slug, so versions differ.
    fileName: documentSlug(
      `${programme.name}${/\d{4}/.test(programme.name) ? '' : ` ${programme.slug}`} version ${programme.version} ${date}`,
    ),
    header: [
      { term: 'Version', value: `${programme.version} (${programme.slug})` },
      { term: 'Status', value: `${programmeStatusLabel(status)}. ${inForceText(status)}` },
      { term: 'Giltighetstid', value: validityText(programme.validFromYear, programme.validToYear) },
      { term: 'Målår', value: programme.targetYear === null ? 'Inte angivet' : String(programme.targetYear) },
      {
        term: 'Antas av',
        value: programme.adoptionRule === 'all_members' ? 'Varje medlemskommuns kommunstyrelse' : 'Samarbetskommittén',
      },
      { term: 'Datum', value: date },
    ],
    blocks,
    sources: sourcesOf(overview, allViews, collaboration.name, date),
  };
}
