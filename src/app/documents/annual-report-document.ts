/**
 * The annual report draft of a follow-up year as a document: the same content, in the same order, as
 * the page (src/web/pages/annual-report.page.tsx) and the Excel file — title, the draft and example
 * notices, the introduction with the formula, the plans behind the figures, then per focus area and
 * goal the roll-up, the indicators' verdicts and the activities with their latest report — and, for each
 * goal's indicator, its chart with the table of the same figures. Pure data: src/documents/ renders it.
 */
import type { Block, DocumentModel } from '../../documents/document-model.js';
import { notFound } from '../../domain/errors.js';
import { formatNumber } from '../../domain/format-sv.js';
import { EXAMPLE_FIGURES_NOTICE } from '../../domain/plans/example-notices.js';
import { PLAN_KIND_LABELS, PLAN_STATE_LABELS } from '../../domain/plans/plan.js';
import {
  coverageText,
  progressText,
  ROLLUP_STATUS_LABELS,
  ROLLUP_STATUSES,
  type Rollup,
  type RollupStatus,
} from '../../domain/plans/rollup.js';
import { documentSlug } from './file-names.js';
import { getCollaboration } from '../collaboration.js';
import { today, type AppContext } from '../context.js';
import { annualReportTitle, FORMULA_TEXT, verdictsText } from '../results/annual-report.js';
import {
  getYearResults,
  type FocusAreaResult,
  type GoalResult,
  type ProgrammeResults,
  type ResultActivity,
} from '../results/year-results.js';
import { goalIndicatorFigure } from './annual-report-figures.js';
import { cooperationIssuer } from './programme-document.js';

/** "Uppföljningen för 2046 finns inte.", or for a number that is no year "Uppföljningsåret finns inte." */
const yearNotFound = (year?: number) => notFound(year === undefined ? 'Uppföljningsåret' : `Uppföljningen för ${year}`);

export interface AnnualReportDocumentOptions {
  /** The address of the annual report page, for the sources (the use case does not know the host). */
  pageUrl?: string;
}

const STATUS_WORDS: Record<RollupStatus, [string, string]> = {
  green: ['grön', 'gröna'],
  yellow: ['gul', 'gula'],
  red: ['röd', 'röda'],
  not_reported: ['utan rapport', 'utan rapport'],
};

/** "5 aktiviteter: 2 gröna, 1 gul, 0 röda, 2 utan rapport." */
function statusSummary(r: Rollup): string {
  const counts = ROLLUP_STATUSES.map(
    (s) => `${formatNumber(r.counts[s])} ${STATUS_WORDS[s][r.counts[s] === 1 ? 0 : 1]}`,
  );
  return `${formatNumber(r.total)} ${r.total === 1 ? 'aktivitet' : 'aktiviteter'}: ${counts.join(', ')}.`;
}

const progressFact = (r: Rollup): string =>
  (r.progress === null ? 'Inget (ingen aktivitet är rapporterad)' : progressText(r.progress)) +
  (r.coverage === null ? '' : `, täckningsgrad T ${coverageText(r.coverage)}`);

const rollupFacts = (r: Rollup) => [
  { term: 'Aktiviteter', value: statusSummary(r) },
  { term: 'Viktat framsteg P', value: progressFact(r) },
];

/** As the Excel file says it: "Andel … (Södertörnskommunerna …): Inte i fas; …", or that none are linked. */
const verdictFact = (g: GoalResult): string =>
  g.indicators.length === 0
    ? 'Inga nyckeltal kopplade'
    : `${verdictsText(g.indicators)}. Räknas inte in i aktiviteternas framsteg.`;

const activityTitle = (a: ResultActivity): string =>
  [
    a.view.activity.title,
    ...(a.view.carriedOverFrom ? [`(överförd från ${a.view.carriedOverFrom.year})`] : []),
    ...(a.plan.isExample ? ['(exempel)'] : []),
  ].join(' ');

const planTitle = (a: ResultActivity): string =>
  a.plan.kind === 'action' ? `${a.plan.title} (${PLAN_KIND_LABELS.action.toLowerCase()})` : a.plan.title;

async function goalBlocks(year: number, g: GoalResult, level: 3 | 4): Promise<Block[]> {
  const blocks: Block[] = [
    { kind: 'heading', level, text: g.goal.title },
    {
      kind: 'facts',
      items: [...rollupFacts(g.rollup), { term: 'Nyckeltalens bedömning', value: verdictFact(g) }],
    },
  ];
  if (g.activities.length > 0)
    blocks.push({
      kind: 'table',
      caption: `Aktiviteter ${year} för ${g.goal.title} och deras utfall`,
      head: ['Aktivitet', 'Nätverk och plan', 'Status', 'Framsteg', 'Kommentar', 'Vikt'],
      rows: g.activities.map((a) => [
        activityTitle(a),
        `${a.network.name}: ${planTitle(a)}`,
        ROLLUP_STATUS_LABELS[a.status] + (a.latestRound ? ` (${a.latestRound.name})` : ''),
        a.latest ? `${formatNumber(a.latest.progress)}\u00a0%` : '–',
        a.latest?.comment || '–',
        formatNumber(a.view.activity.weight),
      ]),
      numericColumns: [3, 5],
      rowHeaders: true,
    });
  else blocks.push({ kind: 'paragraph', content: `Inga aktiviteter i planerna för ${year}.`, style: 'note' });
  for (const v of g.indicators) {
    blocks.push({
      kind: 'paragraph',
      content: [{ text: `${v.indicator.title}, ${v.measuredName}`, strong: true }, `. ${v.evaluation.sentence}`],
    });
    blocks.push(await goalIndicatorFigure(v, `arsredovisning-mal-${g.goal.id}-nyckeltal-${v.link.id}`));
  }
  return blocks;
}

async function areaBlocks(year: number, area: FocusAreaResult, several: boolean): Promise<Block[]> {
  const blocks: Block[] = [
    several
      ? { kind: 'heading', level: 3, text: area.focusArea.name }
      : { kind: 'heading', level: 2, text: area.focusArea.name, id: `omrade-${area.focusArea.id}` },
    { kind: 'facts', items: rollupFacts(area.rollup) },
    {
      kind: 'paragraph',
      content: 'Fokusområdets siffror räknar varje aktivitet en gång, även när den tjänar flera av dess mål.',
      style: 'note',
    },
  ];
  for (const g of area.goals) blocks.push(...(await goalBlocks(year, g, several ? 4 : 3)));
  return blocks;
}

async function programmeBlocks(year: number, p: ProgrammeResults, several: boolean): Promise<Block[]> {
  const blocks: Block[] = several
    ? [{ kind: 'heading', level: 2, text: p.programme.name, id: `program-${p.programme.id}` }]
    : [];
  for (const area of p.focusAreas) blocks.push(...(await areaBlocks(year, area, several)));
  return blocks;
}

/**
 * The annual report of `year` as a document. A year with no plans the reader may see has no report:
 * not found, as is a number that is no year.
 */
export async function getAnnualReportDocument(
  ctx: AppContext,
  year: number,
  options: AnnualReportDocumentOptions = {},
): Promise<DocumentModel> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw yearNotFound();
  const [results, collaborationView] = await Promise.all([
    getYearResults(ctx, year, { indicators: true }),
    getCollaboration(ctx),
  ]);
  if (results.plans.length === 0) throw yearNotFound(year);
  const { programmes, rounds } = results;
  const several = programmes.length > 1;
  const date = today(ctx);
  const title = annualReportTitle(year);
  const roundNames = rounds.map((r) => r.name).join(', ');

  const blocks: Block[] = [
    {
      kind: 'notice',
      text:
        `Utkast. Sammanställt ${results.preparedOn} ur chefsnätverkens planer för ${year} och deras ` +
        'uppföljningsrapporter. Inte granskat eller antaget av samarbetskommittén.',
    },
  ];
  if (results.includesExamples) blocks.push({ kind: 'notice', text: EXAMPLE_FIGURES_NOTICE });
  blocks.push({
    kind: 'paragraph',
    style: 'lead',
    content:
      (programmes.length === 1 ? `Planerna tjänar ${programmes[0]!.programme.name}. ` : '') +
      `Varje aktivitet redovisas med sin senaste rapport i årets uppföljningsomgångar (${roundNames || 'inga omgångar ännu'}). ` +
      'Viktat framsteg P = Σ wᵢ·pᵢ / Σ wᵢ över de rapporterade aktiviteterna; täckningsgraden T är den rapporterade ' +
      'andelen av vikten. Nyckeltalens bedömning står för sig och räknas aldrig ihop med aktiviteternas framsteg.',
  });
  blocks.push({ kind: 'paragraph', content: FORMULA_TEXT, style: 'note' });
  blocks.push({ kind: 'contents' });
  blocks.push({ kind: 'heading', level: 2, text: 'Planer som ingår', id: 'planer' });
  blocks.push({
    kind: 'table',
    caption: `Planer för ${year} som siffrorna bygger på`,
    head: ['Plan', 'Nätverk', 'Läge'],
    rows: results.plans.map(({ plan, network }) => [
      plan.isExample ? `${plan.title} (exempel)` : plan.title,
      network.name,
      PLAN_STATE_LABELS[plan.state],
    ]),
    rowHeaders: true,
  });
  for (const p of programmes) blocks.push(...(await programmeBlocks(year, p, several)));

  const views = programmes.flatMap((p) => p.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.indicators)));
  const sources = [
    `Chefsnätverkens planer för ${year} (${formatNumber(results.plans.length)} st) och deras rapporter i ` +
      `uppföljningsomgångarna ${roundNames || '(inga)'}, som de är registrerade i samverkan ` +
      `(${collaborationView.collaboration.name}); sammanställt ${results.preparedOn}.`,
    ...(options.pageUrl ? [`Årsredovisningen på webben: ${options.pageUrl}`] : []),
    ...programmes.flatMap((p) => (p.programme.source ? [`${p.programme.name}: ${p.programme.source}`] : [])),
    ...views.flatMap((v) => (v.link.source ? [`Målvärde för ${v.indicator.title}: ${v.link.source}`] : [])),
    ...views.flatMap((v) => (v.indicator.source ? [`Nyckeltalet ${v.indicator.title}: ${v.indicator.source}`] : [])),
  ];

  return {
    kind: 'annual-report',
    title,
    subtitle: `Chefsnätverkens planer och uppföljning ${year}`,
    issuer: cooperationIssuer(collaborationView),
    documentType: 'Årsredovisning',
    date,
    fileName: documentSlug(`arsredovisning ${year} utkast${results.includesExamples ? ' exempel' : ''} ${date}`),
    header: [
      { term: 'År', value: String(year) },
      { term: 'Status', value: 'Utkast, inte granskat eller antaget' },
      { term: 'Uppföljningsomgångar', value: roundNames || 'Inga ännu' },
      { term: 'Program', value: programmes.map((p) => p.programme.name).join(', ') },
      { term: 'Datum', value: date },
    ],
    blocks,
    sources: [...new Set(sources)],
  };
}
