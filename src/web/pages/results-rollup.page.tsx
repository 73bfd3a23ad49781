/**
 * Måluppfyllelse {year}: per focus area and goal, the activities by status, their weighted progress
 * and coverage — every figure a link to the activities behind it — with the goals' indicator
 * verdicts beside them, never combined with the activities' progress.
 */
import type { FocusAreaResult, ProgrammeResults, YearResults } from '../../app/results/year-results.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { DataTable } from '../components/data-table.js';
import { formatDate } from '../format.js';
import { Layout } from '../layout.js';
import {
  annualReportPath,
  drillDownPath,
  FIGURE_COLUMNS,
  figureCells,
  FormulaExplanation,
  PlansIncluded,
  rollupPath,
  Verdicts,
  YearLinks,
} from './results-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';

function FocusAreaFigures({ year, area, level }: { year: number; area: FocusAreaResult; level: 2 | 3 }) {
  const { focusArea } = area;
  const headingId = `omrade-${focusArea.id}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="focus-area results-area" aria-labelledby={headingId}>
      <Heading id={headingId}>{focusArea.name}</Heading>
      <DataTable
        caption={`${focusArea.name} ${year}: aktiviteter per mål och status`}
        rowHeaders
        columns={[{ label: 'Mål' }, ...FIGURE_COLUMNS, { label: 'Nyckeltal (räknas inte in i P)' }]}
        rows={[
          ...area.goals.map((g) => [
            <a class="ds-link" href={`/mal/${g.goal.id}`}>
              {g.goal.title}
            </a>,
            ...figureCells(year, { goalId: g.goal.id }, g.rollup, `målet ${g.goal.title}`),
            <Verdicts views={g.indicators} />,
          ]),
          [
            <>
              Hela fokusområdet <span class="meta">(varje aktivitet en gång)</span>
            </>,
            ...figureCells(year, { focusAreaId: focusArea.id }, area.rollup, `fokusområdet ${focusArea.name}`),
            <span class="meta">Bedöms per mål</span>,
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
      <h2 id={`program-${p.programme.id}`}>{p.programme.name}</h2>
      {areas}
    </section>
  );
}

export function ResultsRollupPage({ results }: { results: YearResults }) {
  const { year, programmes } = results;
  const title = `Måluppfyllelse ${year}`;
  const several = programmes.length > 1;
  const activityCount = programmes.reduce((s, p) => s + p.rollup.total, 0);
  return (
    <Layout
      title={title}
      description={`Måluppfyllelse ${year}: per fokusområde och mål hur nätverkens aktiviteter går (status och viktat framsteg) och vad nyckeltalen visar.`}
      current="/uppfoljning"
    >
      <div class="results-print">
        <Breadcrumbs items={[{ href: '/uppfoljning', label: 'Uppföljning' }]} current={title} />
        <h1>{title}</h1>
        {results.includesExamples && <ExampleNotice of="figures" />}
        <p class="lead">
          Hur aktiviteterna i chefsnätverkens planer för {year} går, per fokusområde och mål
          {programmes.length === 1 && ` i ${programmes[0]!.programme.name}`}. Sammanställt{' '}
          {formatDate(results.preparedOn)} ur {results.plans.length} {results.plans.length === 1 ? 'plan' : 'planer'}{' '}
          och {activityCount} {activityCount === 1 ? 'aktivitet' : 'aktiviteter'}.
        </p>
        <YearLinks years={results.years} year={year} path={rollupPath} />
        <div class="actions no-print">
          <a class="ds-link" href={annualReportPath(year)}>
            Årsredovisning {year} – utkast
          </a>
          <a class="ds-link" href={drillDownPath(year)}>
            Alla aktiviteter {year}
          </a>
        </div>
        {programmes.length === 0 ? (
          <p class="ds-paragraph">
            Det finns inga planer för {year} som du kan se. Antagna planer är öppna för alla; utkast och inlämnade
            planer ser bara samverkans egna medarbetare när de är inloggade.
          </p>
        ) : (
          <>
            <p class="ds-paragraph">
              Varje siffra är en länk till aktiviteterna bakom den. Nyckeltalens bedömning står bredvid målen och räknas
              aldrig ihop med aktiviteternas framsteg.
            </p>
            <FormulaExplanation />
            {programmes.map((p) => (
              <ProgrammeFigures year={year} p={p} several={several} />
            ))}
            <h2>Planer som ingår</h2>
            <p class="ds-paragraph">
              Siffrorna bygger på de planer för {year} som du kan se: antagna planer för alla, och för samverkans
              inloggade medarbetare även utkast och inlämnade planer.
            </p>
            <PlansIncluded plans={results.plans} year={year} />
          </>
        )}
      </div>
    </Layout>
  );
}
