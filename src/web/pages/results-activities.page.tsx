/**
 * The activities behind one figure of the roll-up (/uppfoljning/{year}/aktiviteter?mal=|omrade=&status=):
 * exactly those the figure counts, with plan, network, status, progress, comment, weight and
 * normalised weight, and the figure worked out from them.
 */
import type { DrillDown } from '../../app/results/drill-down.js';
import { ROLLUP_STATUSES } from '../../domain/plans/rollup.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  ContentText,
  contentText,
  SwedishContentNotice,
  SwedishData,
  swedishData,
} from '../components/content-text.js';
import { formatNumber } from '../format.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import {
  ActivityTitle,
  countText,
  coverageText,
  drillDownPath,
  normalisedWeightText,
  progressText,
  rollupPath,
  weightText,
  type DrillDownTarget,
} from './results-parts.page.js';
import { ReportStatusTag } from '../components/report-status-tag.js';
import { ExampleNotice } from '../components/example-marking.js';

const scopeName = (d: DrillDown): string => {
  const t = texts().results;
  return d.scope.kind === 'goal'
    ? t.ofGoal(contentText(d.scope.goal.title, d.scope.goal.titleEn))
    : d.scope.kind === 'focus_area'
      ? t.ofArea(contentText(d.scope.focusArea.name, d.scope.focusArea.nameEn))
      : t.ofAll;
};

const targetOf = (d: DrillDown): DrillDownTarget =>
  d.scope.kind === 'goal'
    ? { goalId: d.scope.goal.id }
    : d.scope.kind === 'focus_area'
      ? { focusAreaId: d.scope.focusArea.id }
      : {};

/** "P = (1 · 100 + 3 · 20) / (1 + 3) = 40,0 %" with the scope's own figures, when they are few enough to read. */
function WorkedFormula({ d }: { d: DrillDown }) {
  const t = texts().results;
  const { rollup } = d;
  const reported = d.scoped.filter((a) => a.latest !== null);
  if (rollup.progress === null)
    return (
      <p class="ds-paragraph">
        {t.noneReported(formatNumber(rollup.total), scopeName(d))} <var>P</var> {t.toShow}
      </p>
    );
  const terms = reported.map((a) => `${weightText(a.view.activity.weight)} · ${formatNumber(a.latest!.progress)}`);
  const weights = reported.map((a) => weightText(a.view.activity.weight));
  return (
    <p class="ds-paragraph formula__symbols">
      {reported.length <= 12 ? (
        <span class="formula__expr">
          <var>P</var> = ({terms.join(' + ')}) / ({weights.join(' + ')}) = {progressText(rollup.progress)}
        </span>
      ) : (
        <span class="formula__expr">
          <var>P</var> = Σ <var>n</var>
          <sub>i</sub>·<var>p</var>
          <sub>i</sub> = {progressText(rollup.progress)}
        </span>
      )}{' '}
      {t.over} {countText(reported.length)} {t.withReport}{' '}
      <span class="formula__expr">
        <var>T</var> = {weightText(rollup.weightReported)} / {weightText(rollup.weightTotal)} ={' '}
        {coverageText(rollup.coverage ?? 0)}
      </span>
      .
    </p>
  );
}

export function ResultsActivitiesPage({ d }: { d: DrillDown }) {
  const { year } = d.results;
  const t = texts();
  const r = t.results;
  const scope = scopeName(d);
  const title = r.activitiesTitle(year, scope);
  const target = targetOf(d);
  const statusText = d.status ? r.status[d.status] : r.all;
  return (
    <Layout
      title={d.status ? `${title} (${statusText})` : title}
      description={r.activitiesDescription(year, scope)}
      current="/uppfoljning"
    >
      <div class="results-page">
        <Breadcrumbs
          items={[
            { href: localized('/uppfoljning'), label: t.layout.menu.followUp },
            { href: rollupPath(year), label: r.rollupTitle(year) },
          ]}
          current={r.activitiesBreadcrumb(scope)}
        />
        <h1>{title}</h1>
        {d.includesExamples && <ExampleNotice of="figures" />}
        <SwedishContentNotice show={d.activities.length > 0 || d.scope.kind !== 'year'} />
        <dl class="facts">
          {d.scope.kind !== 'year' && (
            <>
              <dt>{d.scope.kind === 'goal' ? r.goal : r.focusArea}</dt>
              <dd>
                {d.scope.kind === 'goal' ? (
                  <>
                    <a class="ds-link" href={localized(`/mal/${d.scope.goal.id}`)}>
                      <ContentText sv={d.scope.goal.title} en={d.scope.goal.titleEn} />
                    </a>{' '}
                    <span class="meta">{r.inArea(contentText(d.scope.focusArea.name, d.scope.focusArea.nameEn))}</span>
                  </>
                ) : (
                  <ContentText sv={d.scope.focusArea.name} en={d.scope.focusArea.nameEn} />
                )}
              </dd>
              <dt>{r.programme}</dt>
              <dd>
                <ContentText sv={d.scope.programme.name} en={d.scope.programme.nameEn} />
              </dd>
            </>
          )}
          <dt>{r.statusLabel}</dt>
          <dd>{d.status ? <ReportStatusTag status={d.status} /> : r.all}</dd>
          <dt>{r.count}</dt>
          <dd id="antal">
            {d.status
              ? r.countOf(countText(d.activities.length, d.status), formatNumber(d.rollup.total))
              : countText(d.activities.length)}
          </dd>
        </dl>
        <nav class="status-filter" aria-label={r.statusFilter}>
          <ul class="inline-list">
            <li>
              {d.status === null ? (
                <span aria-current="page">
                  {r.all} ({formatNumber(d.rollup.total)})
                </span>
              ) : (
                <a class="ds-link" href={drillDownPath(year, target)}>
                  {r.all} ({formatNumber(d.rollup.total)})
                </a>
              )}
            </li>
            {ROLLUP_STATUSES.map((s) => (
              <li>
                {d.status === s ? (
                  <span aria-current="page">
                    {r.status[s]} ({formatNumber(d.rollup.counts[s])})
                  </span>
                ) : (
                  <a class="ds-link" href={drillDownPath(year, { ...target, status: s })}>
                    {r.status[s]} ({formatNumber(d.rollup.counts[s])})
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <h2>{r.progressHeading(scope)}</h2>
        <WorkedFormula d={d} />
        <p class="ds-paragraph">
          {r.normalisedBefore} <var>n</var>
          <sub>i</sub> = <var>w</var>
          <sub>i</sub> / Σ <var>w</var>
          <sub>j</sub> {r.normalisedAfter(scope, d.status !== null)} <var>P</var> {r.lowersCoverage} <var>T</var>.{' '}
          <a class="ds-link" href={`${rollupPath(year)}#sa-raknas-det`}>
            {r.howCounted}
          </a>
        </p>
        <h2>{r.activitiesHeading}</h2>
        <div class="table-wrap" role="region" aria-label={r.activitiesCaption(year, scope)} tabindex={0}>
          <table class="ds-table drill-down">
            <caption>
              {r.activitiesCaption(year, scope)}
              {d.status && r.withStatus(r.status[d.status])}
            </caption>
            <thead>
              <tr>
                <th scope="col">{r.columns.activity}</th>
                <th scope="col">{r.columns.networkAndPlan}</th>
                <th scope="col">{r.columns.status}</th>
                <th scope="col" class="num">
                  {r.columns.progress}
                </th>
                <th scope="col">{r.columns.comment}</th>
                <th scope="col" class="num">
                  {r.columns.weight} <var>w</var>
                </th>
                <th scope="col" class="num">
                  {r.columns.normalisedWeight} <var>n</var>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.activities.length === 0 ? (
                <tr>
                  <td colspan={7}>{r.noActivities}</td>
                </tr>
              ) : (
                d.activities.map((a) => {
                  const n = d.rollup.normalisedWeights.get(a.view.activity.id);
                  return (
                    <tr data-activity-id={a.view.activity.id}>
                      <th scope="row">
                        <ActivityTitle a={a} />
                      </th>
                      <td>
                        <SwedishData>{a.network.name}</SwedishData>
                        <span class="block">
                          <a class="ds-link" href={localized(`/planer/${a.plan.id}`)}>
                            <SwedishData>{a.plan.title}</SwedishData>
                          </a>
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
                      <td class="num">
                        {n === undefined ? <span class="meta">{r.notIncluded}</span> : normalisedWeightText(n)}
                      </td>
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  );
}
