/**
 * Årsredovisning {year} – utkast: per focus area and goal, the activities and their outcome (latest
 * report), the goal's roll-up and, beside it, its indicator verdicts. Print-ready: results.css hides
 * the menu and footer on paper and starts each focus area on a new page.
 */
import { DocumentLinks } from '../components/document-links.js';
import type { FocusAreaResult, GoalResult, ProgrammeResults, YearResults } from '../../app/results/year-results.js';
import { annualReportTitle } from '../../app/results/annual-report.js';
import { ROLLUP_STATUSES } from '../../domain/plans/rollup.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { annualReportDocumentPath } from '../document-paths.js';
import { formatDate, formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import {
  ActivityTitle,
  annualReportPath,
  annualReportXlsxPath,
  countText,
  coverageText,
  drillDownPath,
  PlansIncluded,
  progressText,
  rollupPath,
  Verdicts,
  weightText,
  YearLinks,
} from './results-parts.page.js';
import { ReportStatusTag } from '../components/report-status-tag.js';
import { ExampleNotice } from '../components/example-marking.js';

/** "5 aktiviteter: 2 gröna, 1 gul, 0 röda, 2 utan rapport." */
const statusSummary = (r: GoalResult['rollup']) =>
  `${countText(r.total)}: ${ROLLUP_STATUSES.map((s) => countText(r.counts[s], s)).join(', ')}.`;

function RollupFacts({
  year,
  r,
  target,
}: {
  year: number;
  r: GoalResult['rollup'];
  target: { goalId?: number; focusAreaId?: number };
}) {
  return (
    <>
      <dt>Aktiviteter</dt>
      <dd>
        <a class="ds-link" href={drillDownPath(year, target)}>
          {statusSummary(r)}
        </a>
      </dd>
      <dt>Viktat framsteg P</dt>
      <dd>
        {r.progress === null ? 'Inget (ingen aktivitet är rapporterad)' : progressText(r.progress)}
        {r.coverage !== null && `, täckningsgrad T ${coverageText(r.coverage)}`}
      </dd>
    </>
  );
}

function GoalOutcome({ year, g, level }: { year: number; g: GoalResult; level: 3 | 4 }) {
  const headingId = `mal-${g.goal.id}`;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <section class="goal report-goal" aria-labelledby={headingId}>
      <Heading id={headingId}>
        <a class="ds-link" href={`/mal/${g.goal.id}`}>
          {g.goal.title}
        </a>
      </Heading>
      <dl class="facts">
        <RollupFacts year={year} r={g.rollup} target={{ goalId: g.goal.id }} />
        <dt>Nyckeltalens bedömning</dt>
        <dd>
          <Verdicts views={g.indicators} />
          {g.indicators.length > 0 && <span class="meta block">Räknas inte in i aktiviteternas framsteg.</span>}
        </dd>
      </dl>
      {g.activities.length > 0 && (
        <div class="table-wrap" role="region" aria-label={`Aktiviteter för ${g.goal.title}`} tabindex={0}>
          <table class="ds-table report-table">
            <caption>{`Aktiviteter ${year} för ${g.goal.title} och deras utfall`}</caption>
            <thead>
              <tr>
                <th scope="col">Aktivitet</th>
                <th scope="col">Nätverk och plan</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Framsteg
                </th>
                <th scope="col">Kommentar</th>
                <th scope="col" class="num">
                  Vikt
                </th>
              </tr>
            </thead>
            <tbody>
              {g.activities.map((a) => (
                <tr data-activity-id={a.view.activity.id}>
                  <th scope="row">
                    <ActivityTitle a={a} />
                  </th>
                  <td>
                    {a.network.name}
                    <span class="meta block">{a.plan.title}</span>
                  </td>
                  <td class="status-cell">
                    <ReportStatusTag status={a.status} />
                    {a.latestRound && <span class="meta block">{a.latestRound.name}</span>}
                  </td>
                  <td class="num">{a.latest ? `${formatNumber(a.latest.progress)}\u00a0%` : '–'}</td>
                  <td class="comment">{a.latest?.comment || <span class="meta">–</span>}</td>
                  <td class="num">{weightText(a.view.activity.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AreaOutcome({ year, area, several }: { year: number; area: FocusAreaResult; several: boolean }) {
  const headingId = `omrade-${area.focusArea.id}`;
  const Heading = several ? 'h3' : 'h2';
  return (
    <section class="focus-area report-area" aria-labelledby={headingId}>
      <Heading id={headingId}>{area.focusArea.name}</Heading>
      <dl class="facts">
        <RollupFacts year={year} r={area.rollup} target={{ focusAreaId: area.focusArea.id }} />
      </dl>
      <p class="meta">Fokusområdets siffror räknar varje aktivitet en gång, även när den tjänar flera av dess mål.</p>
      {area.goals.map((g) => (
        <GoalOutcome year={year} g={g} level={several ? 4 : 3} />
      ))}
    </section>
  );
}

function ProgrammeOutcome({ year, p, several }: { year: number; p: ProgrammeResults; several: boolean }) {
  const areas = p.focusAreas.map((area) => <AreaOutcome year={year} area={area} several={several} />);
  if (!several) return <>{areas}</>;
  return (
    <section aria-labelledby={`program-${p.programme.id}`}>
      <h2 id={`program-${p.programme.id}`}>{p.programme.name}</h2>
      {areas}
    </section>
  );
}

/** `pdfAvailable`: whether this server can make PDFs (it has Chromium). */
export function AnnualReportPage({ results, pdfAvailable }: { results: YearResults; pdfAvailable: boolean }) {
  const { year, programmes } = results;
  const title = annualReportTitle(year);
  const several = programmes.length > 1;
  return (
    <Layout
      title={title}
      description={`${title}: utfallet per fokusområde och mål, nätverkens aktiviteter och nyckeltalens bedömning, att skriva ut eller ladda ned.`}
      current="/uppfoljning"
    >
      <div class="results-print annual-report">
        <Breadcrumbs items={[{ href: '/uppfoljning', label: 'Uppföljning' }]} current={title} />
        <h1>{title}</h1>
        <p class="ds-alert draft-notice" data-color="info">
          <strong>Utkast.</strong> Sammanställt {formatDate(results.preparedOn)} ur chefsnätverkens planer för {year}{' '}
          och deras uppföljningsrapporter. Inte granskat eller antaget av samarbetskommittén.
        </p>
        {results.includesExamples && <ExampleNotice of="figures" />}
        <YearLinks years={results.years} year={year} path={annualReportPath} />
        <div class="actions no-print">
          <a class="ds-button" data-variant="secondary" href={annualReportXlsxPath(year)} download>
            Ladda ner som Excel
          </a>
          <DocumentLinks
            name="Årsredovisningen"
            path={(format) => annualReportDocumentPath(year, format)}
            pdfAvailable={pdfAvailable}
            variant="buttons"
          />
          <a class="ds-link" href={rollupPath(year)}>
            Måluppfyllelse {year} med formeln
          </a>
        </div>
        {programmes.length === 0 ? (
          <p class="ds-paragraph">Det finns inga planer för {year} som du kan se.</p>
        ) : (
          <>
            <p class="ds-paragraph">
              {programmes.length === 1 && `Planerna tjänar ${programmes[0]!.programme.name}. `}
              Varje aktivitet redovisas med sin senaste rapport i årets uppföljningsomgångar (
              {results.rounds.map((r) => r.name).join(', ') || 'inga omgångar ännu'}). Viktat framsteg <var>P</var> = Σ{' '}
              <var>w</var>
              <sub>i</sub>·<var>p</var>
              <sub>i</sub> / Σ <var>w</var>
              <sub>i</sub> över de rapporterade aktiviteterna; täckningsgraden <var>T</var> är den rapporterade andelen
              av vikten. Nyckeltalens bedömning står för sig och räknas aldrig ihop med aktiviteternas framsteg.
            </p>
            <h2 class="print-break-avoid">Planer som ingår</h2>
            <PlansIncluded plans={results.plans} year={year} />
            {programmes.map((p) => (
              <ProgrammeOutcome year={year} p={p} several={several} />
            ))}
          </>
        )}
      </div>
    </Layout>
  );
}
