/**
 * The key-indicator conference pack (nyckeltalskonferensen) as a document: per service area of the
 * indicator set (conference-pack-set.ts), per indicator the members ranked with the group's figures,
 * the region and the nation, as an accessible chart and the table with the same figures.
 *
 * Which year: per indicator, the latest year up to the year before the conference in which any member
 * has a value. Indicators are published at different times (the accounts in spring, the school results
 * in autumn, the citizen survey every other year), so one common year would leave many empty; the year
 * stands beside each indicator, and the introduction says so.
 */
import type { Block, DocumentModel, TableBlock } from '../../documents/document-model.js';
import { validationFailed } from '../../domain/errors.js';
import { valueText } from '../../domain/format-sv.js';
import {
  GROUP_FIGURE_LABELS_SV,
  groupFigureExplanationSv,
  type GroupFigureKind,
} from '../../domain/indicators/group-figures.js';
import { YEAR_MAX, YEAR_MIN, type Gender, type Indicator } from '../../domain/indicators/indicator.js';
import type { Collaboration } from '../../domain/collaboration.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { getComparison, type Comparison } from '../indicators/comparison.js';
import { comparisonSvg } from '../indicators/indicator-charts.js';
import { groupName, loadIndicatorData, type IndicatorData } from '../indicators/indicator-data.js';
import {
  CONFERENCE_PACK_SET,
  conferenceIndicatorKey,
  type ConferenceIndicator,
  type ConferenceServiceArea,
} from './conference-pack-set.js';

/** What a Kolada indicator without values says instead of a chart. */
export const KOLADA_NO_VALUES_TEXT = 'Inga värden ännu — kör `samverkan kolada sync`';
/** What a local indicator without values says instead of a chart. */
export const LOCAL_NO_VALUES_TEXT = 'Inga värden ännu — läs in värden för nyckeltalet i samverkan.';

const KOLADA_SOURCE =
  'Källa: Kolada (RKA, Rådet för främjande av kommunala analyser), https://www.kolada.se/. Koladas villkor: uppgifterna får användas fritt, även kommersiellt, med källhänvisningen ”Källa: Kolada”.';
const SERVICE_AREAS_SOURCE =
  'Tjänsteområdena: Södertörnskommunernas nyckeltalsdag (nyckeltalskonferensen), sodertornskommunerna.se/sidor/nyckeltal.html.';

/** "a", "a och b", "a, b och c". */
const swedishList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;

/** Catalogue titles sometimes carry double spaces ("hemtjänst äldreomsorg -  helhetssyn"). */
const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** One indicator of the set as the pack shows it. */
export interface ConferenceIndicatorView {
  entry: ConferenceIndicator;
  key: string;
  title: string;
  /** Null when the indicator is not defined in samverkan (a Kolada KPI not followed, say). */
  indicator: Indicator | null;
  /** The year's comparison; null when there is no value to show. */
  comparison: Comparison | null;
}

/** The year shown for an indicator: the latest up to `lastYear` in which any member has a value. */
function yearToShow(data: IndicatorData, lastYear: number, gender: Gender): number | null {
  const years = data.years.filter((y) => y <= lastYear).reverse();
  return years.find((y) => data.members.some((m) => data.value(m.code, y, gender)?.value != null)) ?? null;
}

async function indicatorView(
  ctx: AppContext,
  entry: ConferenceIndicator,
  stored: Indicator | undefined,
  catalogueTitle: string | undefined,
  lastYear: number,
): Promise<ConferenceIndicatorView> {
  const key = conferenceIndicatorKey(entry);
  const title = tidy(stored?.title ?? catalogueTitle ?? entry.title);
  if (!stored) return { entry, key, title, indicator: null, comparison: null };
  const data = await loadIndicatorData(ctx, key);
  const gender: Gender | undefined = data.genders.includes('T') ? 'T' : data.genders[0];
  const year = gender === undefined ? null : yearToShow(data, lastYear, gender);
  if (gender === undefined || year === null) return { entry, key, title, indicator: stored, comparison: null };
  const comparison = await getComparison(ctx, key, { year, gender });
  return { entry, key, title, indicator: stored, comparison };
}

/** The group's name with the kind of figure in full, for the table. */
const groupFigureName = (collaboration: Collaboration, kind: GroupFigureKind): string =>
  `${groupName(collaboration)}, ${GROUP_FIGURE_LABELS_SV[kind].toLowerCase()}`;

/** The comparison areas the data has a value for (e.g. Riket has no population in Södertörnsmodellen). */
const shownAreas = (comparison: Comparison) => comparison.comparisonAreas.filter((a) => a.value !== null);

function comparisonTable(view: ConferenceIndicatorView, comparison: Comparison): TableBlock {
  const { data, year } = comparison;
  const decimals = data.indicator.decimals;
  const unit = data.indicator.unit.trim();
  return {
    kind: 'table',
    caption: `${view.title} ${year}${unit ? ` (${unit})` : ''}: kommunerna i rangordning, högst värde först`,
    head: ['Plats', 'Kommun eller jämförelse', unit ? `Värde (${unit})` : 'Värde'],
    rows: [
      ...comparison.members.map((m) => [m.rank === null ? '–' : String(m.rank), m.name, valueText(m.value, decimals)]),
      ...comparison.groupFigures.map((f) => [
        '–',
        groupFigureName(data.collaboration, f.kind),
        valueText(f.value, decimals),
      ]),
      ...shownAreas(comparison).map((a) => ['–', a.name, valueText(a.value, decimals)]),
    ],
    numericColumns: [0, 2],
  };
}

/** In words, for those who do not see the chart: who is highest and lowest, and the group's figure. */
function chartAlt(view: ConferenceIndicatorView, comparison: Comparison): string {
  const { data, year } = comparison;
  const ranked = comparison.members.filter((m) => m.value !== null);
  const decimals = data.indicator.decimals;
  const first = ranked[0];
  const last = ranked.at(-1);
  const parts = [`Stapeldiagram över ${view.title} ${year} för ${comparison.members.length} kommuner i rangordning.`];
  if (first && last && first !== last)
    parts.push(
      `Högst har ${first.name} (${valueText(first.value, decimals)}), lägst ${last.name} (${valueText(last.value, decimals)}).`,
    );
  const mean = comparison.groupFigures[0];
  if (mean && mean.value !== null)
    parts.push(`${groupFigureName(data.collaboration, mean.kind)}: ${valueText(mean.value, decimals)}.`);
  parts.push('Alla värden finns i tabellen.');
  return parts.join(' ');
}

function sourceText(view: ConferenceIndicatorView): string {
  if (view.entry.source === 'kolada') return `Kolada, KPI ${view.key}: ${view.title}`;
  return view.indicator ? `Egen uppgift i samverkan (${view.key}): ${tidy(view.indicator.source)}` : view.key;
}

function indicatorBlocks(view: ConferenceIndicatorView, lastYear: number, svg: string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: view.title }];
  const reason: Block[] =
    view.entry.source === 'local' ? [{ kind: 'paragraph', content: view.entry.reason, style: 'note' }] : [];
  const comparison = view.comparison;
  if (!comparison) {
    blocks.push(
      {
        kind: 'paragraph',
        content: view.entry.source === 'kolada' ? KOLADA_NO_VALUES_TEXT : LOCAL_NO_VALUES_TEXT,
      },
      { kind: 'facts', items: [{ term: 'Källa', value: sourceText(view) }] },
      ...reason,
    );
    return blocks;
  }
  const { data, year } = comparison;
  const unit = data.indicator.unit.trim();
  const members = data.members.length;
  const nameOf = (code: string) => data.members.find((m) => m.code === code)?.name ?? code;
  blocks.push(
    {
      kind: 'figure',
      svg,
      alt: chartAlt(view, comparison),
      caption: `${view.title} ${year}: medlemskommunerna i rangordning, ${groupName(data.collaboration)}s värden och jämförelseområdena.`,
      table: comparisonTable(view, comparison),
    },
    {
      kind: 'facts',
      items: [
        { term: 'Källa', value: sourceText(view) },
        { term: 'År', value: year < lastYear ? `${year} (senaste år med värden)` : String(year) },
        ...(unit ? [{ term: 'Enhet', value: unit }] : []),
      ],
    },
    {
      kind: 'paragraph',
      style: 'note',
      content: comparison.groupFigures
        .map((f) => groupFigureExplanationSv(f, members, nameOf, { koladaGroupId: data.collaboration.koladaGroupId }))
        .join(' '),
    },
    ...reason,
  );
  return blocks;
}

/** The blocks of one indicator with its chart rendered into the figure. */
async function renderedIndicatorBlocks(view: ConferenceIndicatorView, lastYear: number): Promise<Block[]> {
  const svg = view.comparison ? await comparisonSvg(view.comparison, `nk-${view.key}`) : '';
  return indicatorBlocks(view, lastYear, svg);
}

/** Whether the database was loaded with the demo (its values then are the demo's, not the cooperation's). */
async function demoImportName(ctx: AppContext): Promise<string | null> {
  const imports = await readRepos(ctx).indicators.recentImports(1000);
  return imports.find((i) => i.kind === 'demo' && i.status === 'succeeded')?.sourceName ?? null;
}

/**
 * The conference pack for the conference of `year`: the figures of the latest year with values up to
 * `year - 1`, per indicator. `set` is the indicator set (tests may pass a smaller one).
 */
export async function getConferencePack(
  ctx: AppContext,
  year: number,
  set: readonly ConferenceServiceArea[] = CONFERENCE_PACK_SET,
): Promise<DocumentModel> {
  if (!Number.isInteger(year) || year <= YEAR_MIN || year > YEAR_MAX)
    throw validationFailed([
      { field: 'ar', message: `Ange konferensens år som ett årtal mellan ${YEAR_MIN + 1} och ${YEAR_MAX}.` },
    ]);
  const lastYear = year - 1;
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const entries = set.flatMap((area) => area.indicators);
  const keys = [...new Set(entries.map(conferenceIndicatorKey))];
  const [members, comparisonAreas, stored, demoName] = await Promise.all([
    repos.collaboration.members(collaboration.id),
    repos.collaboration.comparisonAreas(collaboration.id),
    repos.indicators.byKeys(keys),
    demoImportName(ctx),
  ]);
  const storedByKey = new Map(stored.map((i) => [i.key, i]));
  // A KPI not followed yet takes its title from the stored catalogue (current after a sync), else from the set.
  const unfollowed = keys.filter(
    (k) => !storedByKey.has(k) && entries.some((e) => e.source === 'kolada' && e.kpiId === k),
  );
  // One statement for all of them (it was one per KPI: 39 for the shipped set).
  const catalogueTitles = new Map(
    (await repos.catalogue.kpis(unfollowed)).filter((kpi) => kpi.title !== '').map((kpi) => [kpi.id, kpi.title]),
  );

  const areas = await Promise.all(
    set.map(async (area) => ({
      area,
      views: await Promise.all(
        area.indicators.map((entry) => {
          const key = conferenceIndicatorKey(entry);
          return indicatorView(ctx, entry, storedByKey.get(key), catalogueTitles.get(key), lastYear);
        }),
      ),
    })),
  );
  const views = areas.flatMap((a) => a.views);
  const withValues = views.filter((v) => v.comparison !== null);
  const koladaMissing = views.filter((v) => v.entry.source === 'kolada' && v.comparison === null);
  const shownYears = withValues.map((v) => v.comparison!.year);

  const date = today(ctx);
  const memberNames = members.map((m) => m.name).sort((a, b) => a.localeCompare(b, 'sv'));
  const group = groupName(collaboration);
  const comparisonNames = comparisonAreas.map((a) => a.name);

  const blocks: Block[] = [];
  if (demoName)
    blocks.push({
      kind: 'notice',
      text: `Exempel: underlaget bygger på demodata (${demoName}) som visar tjänsten. Siffrorna är verklig statistik men inte aktuella, och de är inte samverkans underlag inför konferensen.`,
    });
  blocks.push(
    {
      kind: 'paragraph',
      style: 'lead',
      content: `Underlaget jämför ${group} inom ${set.length} tjänsteområden inför nyckeltalskonferensen ${year}. För varje nyckeltal står kommunerna i rangordning efter värde, högst först, tillsammans med gruppens ovägda medelvärde (och det befolkningsviktade där befolkningsuppgifter finns)${comparisonNames.length > 0 ? `, samt ${swedishList(comparisonNames)} när uppgifterna finns` : ''}. Ett högt värde är inte alltid bättre: läs nyckeltalets definition. Varje diagram har en tabell med samma siffror.`,
    },
    {
      kind: 'paragraph',
      content: `Siffrorna gäller för varje nyckeltal det senaste år till och med ${lastYear} som har värden för kommunerna; året står vid nyckeltalet. Nyckeltalen publiceras vid olika tider på året, så åren kan skilja mellan dem. Kommuner utan värde står sist i tabellen med ordet ”saknas”.`,
    },
  );
  if (koladaMissing.length > 0)
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      content: `${koladaMissing.length} av ${views.filter((v) => v.entry.source === 'kolada').length} nyckeltal från Kolada har inga värden ännu. De hämtas med \`samverkan kolada sync --kpi ${koladaMissing.map((v) => v.key).join(',')}\`; nyckeltal som samverkan redan följer uppdateras med \`samverkan kolada sync\`.`,
    });
  blocks.push({ kind: 'contents' });
  const rendered = await Promise.all(
    areas.map(async ({ area, views: areaViews }) => [
      { kind: 'heading', level: 2, text: area.name, id: area.id } as Block,
      ...(await Promise.all(areaViews.map((v) => renderedIndicatorBlocks(v, lastYear)))).flat(),
    ]),
  );
  blocks.push(...rendered.flat());

  const sources: string[] = [];
  if (entries.some((e) => e.source === 'kolada')) sources.push(KOLADA_SOURCE);
  const survey = views.filter((v) => v.entry.source === 'kolada' && /medborgarundersökning/i.test(v.title));
  if (survey.length > 0)
    sources.push(`SCB:s medborgarundersökning, genom Kolada: ${survey.map((v) => `KPI ${v.key}`).join(', ')}.`);
  for (const v of views)
    if (v.entry.source === 'local' && v.indicator)
      sources.push(
        `${v.title}: ${tidy(v.indicator.source)}${v.indicator.licence ? ` Licens: ${tidy(v.indicator.licence)}` : ''}`,
      );
  sources.push(SERVICE_AREAS_SOURCE);

  return {
    kind: 'conference-pack',
    title: `Nyckeltalskonferensen ${year}`,
    subtitle: 'Jämförelser mellan Södertörnskommunerna',
    issuer: collaboration.name,
    documentType: 'Konferensunderlag',
    date,
    fileName: `nyckeltalskonferensen-${year}-${date}`,
    header: [
      { term: 'Datum', value: date },
      { term: 'Kommuner', value: swedishList(memberNames) },
      {
        term: 'Antal nyckeltal',
        value: `${views.length} i ${set.length} tjänsteområden, ${withValues.length} med värden`,
      },
      {
        term: 'Värden för',
        value:
          shownYears.length === 0
            ? `inga år ännu (senaste år med värden till och med ${lastYear})`
            : `${Math.min(...shownYears) === Math.max(...shownYears) ? Math.max(...shownYears) : `${Math.min(...shownYears)}–${Math.max(...shownYears)}`} (senaste år med värden till och med ${lastYear})`,
      },
    ],
    blocks,
    sources,
  };
}
