/**
 * The activities behind one figure of the roll-up (/uppfoljning/{year}/aktiviteter?mal=|omrade=&status=):
 * exactly those the figure counts, with plan, network, status, progress, comment, weight and
 * normalised weight, and the figure worked out from them.
 */
import type { DrillDown } from '../../app/results/drill-down.js';
import { ROLLUP_STATUS_LABELS, ROLLUP_STATUSES } from '../../domain/plans/rollup.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { formatNumber } from '../format.js';
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

const scopeName = (d: DrillDown): string =>
  d.scope.kind === 'goal'
    ? `målet ${d.scope.goal.title}`
    : d.scope.kind === 'focus_area'
      ? `fokusområdet ${d.scope.focusArea.name}`
      : `alla mål`;

const targetOf = (d: DrillDown): DrillDownTarget =>
  d.scope.kind === 'goal'
    ? { goalId: d.scope.goal.id }
    : d.scope.kind === 'focus_area'
      ? { focusAreaId: d.scope.focusArea.id }
      : {};

/** "P = (1 · 100 + 3 · 20) / (1 + 3) = 40,0 %" with the scope's own figures, when they are few enough to read. */
function WorkedFormula({ d }: { d: DrillDown }) {
  const { rollup } = d;
  const reported = d.scoped.filter((a) => a.latest !== null);
  if (rollup.progress === null)
    return (
      <p class="ds-paragraph">
        Ingen av de {formatNumber(rollup.total)} aktiviteterna för {scopeName(d)} är rapporterad i årets omgångar, så
        det finns inget viktat framsteg <var>P</var> att visa.
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
      över {countText(reported.length)} med rapport; täckningsgraden{' '}
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
  const title = `Aktiviteter ${year}: ${scopeName(d)}`;
  const target = targetOf(d);
  const statusText = d.status ? ROLLUP_STATUS_LABELS[d.status] : 'Alla';
  return (
    <Layout
      title={d.status ? `${title} (${statusText})` : title}
      description={`Aktiviteterna ${year} bakom talen för ${scopeName(d)}: status, framsteg och vikt per aktivitet, och hur det sammanvägda talet räknas.`}
      current="/uppfoljning"
    >
      <div class="results-page">
        <Breadcrumbs
          items={[
            { href: '/uppfoljning', label: 'Uppföljning' },
            { href: rollupPath(year), label: `Måluppfyllelse ${year}` },
          ]}
          current={`Aktiviteter: ${scopeName(d)}`}
        />
        <h1>{title}</h1>
        {d.includesExamples && <ExampleNotice of="figures" />}
        <dl class="facts">
          {d.scope.kind !== 'year' && (
            <>
              <dt>{d.scope.kind === 'goal' ? 'Mål' : 'Fokusområde'}</dt>
              <dd>
                {d.scope.kind === 'goal' ? (
                  <>
                    <a class="ds-link" href={`/mal/${d.scope.goal.id}`}>
                      {d.scope.goal.title}
                    </a>{' '}
                    <span class="meta">(fokusområdet {d.scope.focusArea.name})</span>
                  </>
                ) : (
                  d.scope.focusArea.name
                )}
              </dd>
              <dt>Program</dt>
              <dd>{d.scope.programme.name}</dd>
            </>
          )}
          <dt>Status</dt>
          <dd>{d.status ? <ReportStatusTag status={d.status} /> : 'Alla'}</dd>
          <dt>Antal</dt>
          <dd id="antal">
            {d.status
              ? `${countText(d.activities.length, d.status)} av ${formatNumber(d.rollup.total)}`
              : countText(d.activities.length)}
          </dd>
        </dl>
        <nav class="status-filter" aria-label="Visa status">
          <ul class="inline-list">
            <li>
              {d.status === null ? (
                <span aria-current="page">Alla ({formatNumber(d.rollup.total)})</span>
              ) : (
                <a class="ds-link" href={drillDownPath(year, target)}>
                  Alla ({formatNumber(d.rollup.total)})
                </a>
              )}
            </li>
            {ROLLUP_STATUSES.map((s) => (
              <li>
                {d.status === s ? (
                  <span aria-current="page">
                    {ROLLUP_STATUS_LABELS[s]} ({formatNumber(d.rollup.counts[s])})
                  </span>
                ) : (
                  <a class="ds-link" href={drillDownPath(year, { ...target, status: s })}>
                    {ROLLUP_STATUS_LABELS[s]} ({formatNumber(d.rollup.counts[s])})
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <h2>Viktat framsteg för {scopeName(d)}</h2>
        <WorkedFormula d={d} />
        <p class="ds-paragraph">
          Den normaliserade vikten <var>n</var>
          <sub>i</sub> = <var>w</var>
          <sub>i</sub> / Σ <var>w</var>
          <sub>j</sub> räknas över de rapporterade aktiviteterna för {scopeName(d)}
          {d.status && ', även när listan visar bara en status'}. En aktivitet utan rapport har ingen normaliserad vikt:
          den ingår inte i <var>P</var> men sänker täckningsgraden <var>T</var>.{' '}
          <a class="ds-link" href={`${rollupPath(year)}#sa-raknas-det`}>
            Så räknas siffrorna
          </a>
        </p>
        <h2>Aktiviteterna</h2>
        <div class="table-wrap" role="region" aria-label={`Aktiviteter ${year} för ${scopeName(d)}`} tabindex={0}>
          <table class="ds-table drill-down">
            <caption>
              {`Aktiviteter ${year} för ${scopeName(d)}`}
              {d.status && `, status ${ROLLUP_STATUS_LABELS[d.status].toLowerCase()}`}
            </caption>
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
                  Vikt <var>w</var>
                </th>
                <th scope="col" class="num">
                  Normaliserad vikt <var>n</var>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.activities.length === 0 ? (
                <tr>
                  <td colspan={7}>Inga aktiviteter</td>
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
                        {a.network.name}
                        <span class="block">
                          <a class="ds-link" href={`/planer/${a.plan.id}`}>
                            {a.plan.title}
                          </a>
                        </span>
                      </td>
                      <td class="status-cell">
                        <ReportStatusTag status={a.status} />
                        {a.latestRound && <span class="meta block">{a.latestRound.name}</span>}
                      </td>
                      <td class="num">{a.latest ? `${formatNumber(a.latest.progress)}\u00a0%` : '–'}</td>
                      <td class="comment">{a.latest?.comment || <span class="meta">–</span>}</td>
                      <td class="num">{weightText(a.view.activity.weight)}</td>
                      <td class="num">
                        {n === undefined ? <span class="meta">ingår inte</span> : normalisedWeightText(n)}
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
