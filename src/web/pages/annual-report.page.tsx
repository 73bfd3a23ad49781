/**
 * Årsredovisning {year} – utkast: per focus area and goal, the activities and their outcome (latest
 * report), the goal's roll-up and, beside it, its indicator verdicts. Print-ready: results.css hides
 * the menu and footer on paper and starts each focus area on a new page.
 */
import { DocumentLinks } from '../components/document-links.js';
import type { FocusAreaResult, GoalResult, ProgrammeResults, YearResults } from '../../app/results/year-results.js';
import { ROLLUP_STATUSES } from '../../domain/plans/rollup.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  contentLang,
  ContentText,
  contentText,
  SwedishContentNotice,
  SwedishData,
  swedishData,
} from '../components/content-text.js';
import { annualReportDocumentPath } from '../document-paths.js';
import { formatDate, formatNumber } from '../format.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
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
  const t = texts().results;
  return (
    <>
      <dt>{t.activities}</dt>
      <dd>
        <a class="ds-link" href={drillDownPath(year, target)}>
          {statusSummary(r)}
        </a>
      </dd>
      <dt>{t.weightedProgressP}</dt>
      <dd>
        {r.progress === null ? t.noProgress : progressText(r.progress)}
        {r.coverage !== null && t.coverageT(coverageText(r.coverage))}
      </dd>
    </>
  );
}

function GoalOutcome({ year, g, level }: { year: number; g: GoalResult; level: 3 | 4 }) {
  const t = texts().results;
  const headingId = `mal-${g.goal.id}`;
  const Heading = level === 3 ? 'h3' : 'h4';
  const goalTitle = contentText(g.goal.title, g.goal.titleEn);
  return (
    <section class="goal report-goal" aria-labelledby={headingId}>
      <Heading id={headingId}>
        <a class="ds-link" href={localized(`/mal/${g.goal.id}`)} lang={contentLang(g.goal.title, g.goal.titleEn)}>
          {goalTitle}
        </a>
      </Heading>
      <dl class="facts">
        <RollupFacts year={year} r={g.rollup} target={{ goalId: g.goal.id }} />
        <dt>{t.verdictsHeading}</dt>
        <dd>
          <Verdicts views={g.indicators} />
          {g.indicators.length > 0 && <span class="meta block">{t.notCounted}</span>}
        </dd>
      </dl>
      {g.activities.length > 0 && (
        <div class="table-wrap" role="region" aria-label={t.activitiesFor(goalTitle)} tabindex={0}>
          <table class="ds-table report-table">
            <caption>{t.outcomeCaption(year, goalTitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.activity}</th>
                <th scope="col">{t.columns.networkAndPlan}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col" class="num">
                  {t.columns.progress}
                </th>
                <th scope="col">{t.columns.comment}</th>
                <th scope="col" class="num">
                  {t.columns.weight}
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
                    <SwedishData>{a.network.name}</SwedishData>
                    <span class="meta block" lang={swedishData()}>
                      {a.plan.title}
                    </span>
                  </td>
                  <td class="status-cell">
                    <ReportStatusTag status={a.status} />
                    {a.latestRound && (
                      <span class="meta block" lang={swedishData()}>
                        {a.latestRound.name}
                      </span>
                    )}
                  </td>
                  <td class="num">{a.latest ? `${formatNumber(a.latest.progress)}\u00a0%` : '–'}</td>
                  <td class="comment" lang={a.latest?.comment ? swedishData() : undefined}>
                    {a.latest?.comment || <span class="meta">–</span>}
                  </td>
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
  const t = texts().results;
  const headingId = `omrade-${area.focusArea.id}`;
  const Heading = several ? 'h3' : 'h2';
  return (
    <section class="focus-area report-area" aria-labelledby={headingId}>
      <Heading id={headingId} lang={contentLang(area.focusArea.name, area.focusArea.nameEn)}>
        {contentText(area.focusArea.name, area.focusArea.nameEn)}
      </Heading>
      <dl class="facts">
        <RollupFacts year={year} r={area.rollup} target={{ focusAreaId: area.focusArea.id }} />
      </dl>
      <p class="meta">{t.areaCountsOnce}</p>
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
      <h2 id={`program-${p.programme.id}`} lang={contentLang(p.programme.name, p.programme.nameEn)}>
        {contentText(p.programme.name, p.programme.nameEn)}
      </h2>
      {areas}
    </section>
  );
}

/** `pdfAvailable`: whether this server can make PDFs (it has Chromium). */
export function AnnualReportPage({ results, pdfAvailable }: { results: YearResults; pdfAvailable: boolean }) {
  const { year, programmes } = results;
  const t = texts();
  const r = t.results;
  const title = r.annualReportTitle(year);
  const several = programmes.length > 1;
  const only = programmes.length === 1 ? programmes[0]!.programme : null;
  return (
    <Layout title={title} description={r.annualReportDescription(title)} current="/uppfoljning">
      <div class="results-print annual-report">
        <Breadcrumbs items={[{ href: localized('/uppfoljning'), label: t.layout.menu.followUp }]} current={title} />
        <h1>{title}</h1>
        <p class="ds-alert draft-notice" data-color="info">
          <strong>{r.draft}</strong> {r.draftNotice(formatDate(results.preparedOn), year)}
        </p>
        {results.includesExamples && <ExampleNotice of="figures" />}
        <SwedishContentNotice show={programmes.length > 0} />
        <YearLinks years={results.years} year={year} path={annualReportPath} />
        <div class="actions no-print">
          <a class="ds-button" data-variant="secondary" href={annualReportXlsxPath(year)} download>
            {r.downloadExcel}
          </a>
          <DocumentLinks
            name={r.annualReportDocument}
            path={(format) => annualReportDocumentPath(year, format)}
            pdfAvailable={pdfAvailable}
            variant="buttons"
          />
          <a class="ds-link" href={rollupPath(year)}>
            {r.rollupWithFormula(year)}
          </a>
        </div>
        {programmes.length === 0 ? (
          <p class="ds-paragraph">{r.noPlansToSee(year)}</p>
        ) : (
          <>
            <p class="ds-paragraph">
              {only && (
                <>
                  {r.plansServe} <ContentText sv={only.name} en={only.nameEn} />.{' '}
                </>
              )}
              {r.reportIntro}
              {results.rounds.map((round) => round.name).join(', ') || r.noRounds}
              {r.reportFormula} <var>P</var> = Σ <var>w</var>
              <sub>i</sub>·<var>p</var>
              <sub>i</sub> / Σ <var>w</var>
              <sub>i</sub> {r.reportFormulaAfter} <var>T</var> {r.reportCoverageAfter}
            </p>
            <h2 class="print-break-avoid">{r.plansIncludedHeading}</h2>
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
