/**
 * Måluppfyllelse {year}: per focus area and goal, the activities by status, their weighted progress
 * and coverage — every figure a link to the activities behind it — with the goals' indicator
 * verdicts beside them, never combined with the activities' progress.
 */
import type { FocusAreaResult, ProgrammeResults, YearResults } from '../../app/results/year-results.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { contentLang, ContentText, contentText, SwedishContentNotice } from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { formatDate } from '../format.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import {
  annualReportPath,
  drillDownPath,
  figureCells,
  figureColumns,
  FormulaExplanation,
  PlansIncluded,
  rollupPath,
  Verdicts,
  YearLinks,
} from './results-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';

function FocusAreaFigures({ year, area, level }: { year: number; area: FocusAreaResult; level: 2 | 3 }) {
  const t = texts().results;
  const { focusArea } = area;
  const headingId = `omrade-${focusArea.id}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  const areaName = contentText(focusArea.name, focusArea.nameEn);
  return (
    <section class="focus-area results-area" aria-labelledby={headingId}>
      <Heading id={headingId} lang={contentLang(focusArea.name, focusArea.nameEn)}>
        {areaName}
      </Heading>
      <DataTable
        caption={t.areaCaption(areaName, year)}
        rowHeaders
        columns={[{ label: t.goalColumn }, ...figureColumns(), { label: t.indicatorsColumn }]}
        rows={[
          ...area.goals.map((g) => [
            <a class="ds-link" href={localized(`/mal/${g.goal.id}`)}>
              <ContentText sv={g.goal.title} en={g.goal.titleEn} />
            </a>,
            ...figureCells(year, { goalId: g.goal.id }, g.rollup, t.ofGoal(contentText(g.goal.title, g.goal.titleEn))),
            <Verdicts views={g.indicators} />,
          ]),
          [
            <>
              {t.wholeArea} <span class="meta">{t.eachOnce}</span>
            </>,
            ...figureCells(year, { focusAreaId: focusArea.id }, area.rollup, t.ofArea(areaName)),
            <span class="meta">{t.judgedPerGoal}</span>,
          ],
        ]}
      />
    </section>
  );
}

function ProgrammeFigures({ year, p, several }: { year: number; p: ProgrammeResults; several: boolean }) {
  const areas = p.focusAreas.map((area) => <FocusAreaFigures year={year} area={area} level={several ? 3 : 2} />);
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

export function ResultsRollupPage({ results }: { results: YearResults }) {
  const { year, programmes } = results;
  const t = texts();
  const r = t.results;
  const title = r.rollupTitle(year);
  const several = programmes.length > 1;
  const activityCount = programmes.reduce((s, p) => s + p.rollup.total, 0);
  const only = programmes.length === 1 ? programmes[0]!.programme : null;
  return (
    <Layout title={title} description={r.rollupDescription(year)} current="/uppfoljning">
      <div class="results-print">
        <Breadcrumbs items={[{ href: localized('/uppfoljning'), label: t.layout.menu.followUp }]} current={title} />
        <h1>{title}</h1>
        {results.includesExamples && <ExampleNotice of="figures" />}
        <SwedishContentNotice show={programmes.length > 0} />
        <p class="lead">
          {r.rollupLead(
            year,
            only ? contentText(only.name, only.nameEn) : null,
            formatDate(results.preparedOn),
            results.plans.length,
            activityCount,
          )}
        </p>
        <YearLinks years={results.years} year={year} path={rollupPath} />
        <div class="actions no-print">
          <a class="ds-link" href={annualReportPath(year)}>
            {r.annualReportLink(year)}
          </a>
          <a class="ds-link" href={drillDownPath(year)}>
            {r.allActivities(year)}
          </a>
        </div>
        {programmes.length === 0 ? (
          <p class="ds-paragraph">{r.noPlansForYear(year)}</p>
        ) : (
          <>
            <p class="ds-paragraph">{r.eachFigureLinks}</p>
            <FormulaExplanation />
            {programmes.map((p) => (
              <ProgrammeFigures year={year} p={p} several={several} />
            ))}
            <h2>{r.plansIncludedHeading}</h2>
            <p class="ds-paragraph">{r.plansIncluded(year)}</p>
            <PlansIncluded plans={results.plans} year={year} />
          </>
        )}
      </div>
    </Layout>
  );
}
