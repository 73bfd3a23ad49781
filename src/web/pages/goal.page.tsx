import type { GoalIndicatorView } from '../../app/indicators/goal-targets.js';
import type { GoalActivities } from '../../app/results/goal-activities.js';
import type { Goal, Programme } from '../../domain/programme/programme.js';
import { VERDICT_LABELS_SV, type Verdict } from '../../domain/indicators/target-verdict.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ButtonLink } from '../components/button.js';
import { ChartFigure } from '../components/chart-figure.js';
import { DataTable } from '../components/data-table.js';
import { Layout } from '../layout.js';
import { valueText } from '../present.js';
import { SavedMessage } from '../components/saved-message.js';
import { linkFormPath, removeLinkPath } from './goal-indicator-form.page.js';
import { GoalActivitiesSection } from './results-goal.page.js';

export interface GoalEvidence {
  view: GoalIndicatorView;
  chartSvg: string;
}

const VERDICT_CLASS: Record<Verdict, string> = {
  on_track: 'verdict verdict--on-track',
  at_risk: 'verdict verdict--at-risk',
  off_track: 'verdict verdict--off-track',
  no_data: 'verdict verdict--no-data',
};

/** The sentence begins with the verdict, which the tag beside it already says. */
const withoutVerdictPrefix = (sentence: string, verdict: Verdict) => {
  const prefix = `${VERDICT_LABELS_SV[verdict]}: `;
  return sentence.startsWith(prefix)
    ? sentence.charAt(prefix.length).toUpperCase() + sentence.slice(prefix.length + 1)
    : sentence;
};

function targetText(v: GoalIndicatorView): string {
  const { link, indicator } = v;
  const better = link.direction === 'higher' ? 'minst lika högt som' : 'högst lika högt som';
  return link.targetKind === 'relative'
    ? `${v.measuredName} ska ligga ${better} ${v.comparisonName ?? link.comparisonAreaCode} år ${link.targetYear} (basår ${link.baseYear}).`
    : `${valueText(link.targetValue, indicator.decimals)} ${indicator.unit} år ${link.targetYear}, ${link.direction === 'higher' ? 'högre är bättre' : 'lägre är bättre'} (basår ${link.baseYear}${link.baseValue === null ? '' : `, basvärde ${valueText(link.baseValue, indicator.decimals)}`}).`;
}

function Evidence({ evidence, index, mayManage }: { evidence: GoalEvidence; index: number; mayManage: boolean }) {
  const { view, chartSvg } = evidence;
  const { indicator, evaluation } = view;
  const d = indicator.decimals;
  const headingId = `nyckeltal-${index}`;
  const comparison = new Map((view.comparison ?? []).map((p) => [p.year, p.value]));
  const path = new Map(evaluation.path.map((p) => [p.year, p.value]));
  return (
    <section aria-labelledby={headingId} class="panel">
      <h3 id={headingId}>
        <a class="ds-link" href={`/nyckeltal/${indicator.key}`}>
          {indicator.title}
        </a>
      </h3>
      <p class="ds-paragraph">
        <strong class={VERDICT_CLASS[evaluation.verdict]}>{VERDICT_LABELS_SV[evaluation.verdict]}</strong>{' '}
        {withoutVerdictPrefix(evaluation.sentence, evaluation.verdict)}
      </p>
      <dl class="facts">
        <dt>Mål</dt>
        <dd>{targetText(view)}</dd>
        <dt>Mäts som</dt>
        <dd>{view.measuredName}</dd>
        {view.link.note && (
          <>
            <dt>Anteckning</dt>
            <dd>{view.link.note}</dd>
          </>
        )}
        {view.link.source && (
          <>
            <dt>Källa för målet</dt>
            <dd>{view.link.source}</dd>
          </>
        )}
        <dt>Källa för värdena</dt>
        <dd>{indicator.source}</dd>
      </dl>
      <ChartFigure caption={`${indicator.title}: ${view.measuredName} per år (${indicator.unit}).`} svg={chartSvg}>
        <DataTable
          caption={`${indicator.title} per år (${indicator.unit})`}
          rowHeaders
          columns={[
            { label: 'År' },
            { label: view.measuredName, numeric: true },
            ...(view.comparisonName ? [{ label: view.comparisonName, numeric: true }] : []),
            ...(view.link.targetKind === 'absolute' ? [{ label: 'Målbana', numeric: true }] : []),
          ]}
          rows={view.series.map((p) => [
            String(p.year),
            valueText(p.value, d),
            ...(view.comparisonName ? [valueText(comparison.get(p.year), d)] : []),
            ...(view.link.targetKind === 'absolute' ? [valueText(path.get(p.year), d)] : []),
          ])}
        />
      </ChartFigure>
      {evaluation.projection && (
        <p class="ds-paragraph">
          Trend till {evaluation.projection.year}:{' '}
          {view.link.targetKind === 'relative'
            ? `skillnaden mot ${view.comparisonName} blir ${valueText(evaluation.projection.value, d)} (${indicator.unit === 'procent' ? 'procentenheter' : indicator.unit}) om utvecklingen fortsätter som hittills.`
            : `${valueText(evaluation.projection.value, d)} ${indicator.unit} om utvecklingen fortsätter som hittills.`}
        </p>
      )}
      {mayManage && (
        <p class="ds-paragraph">
          <a class="ds-link" href={removeLinkPath(view.link.goalId, view.link.id)}>
            Ta bort nyckeltalet från målet
            <span class="ds-sr-only">{` – ${indicator.title}, ${view.measuredName}`}</span>
          </a>
        </p>
      )}
    </section>
  );
}

export interface GoalPageProps {
  programme: Programme;
  goal: Goal;
  focusAreaName: string;
  evidence: GoalEvidence[];
  /** Whether the viewer sets targets (the secretariat): then the page offers to link and remove indicators. */
  mayManage?: boolean;
  /** A confirmation after a link was added or removed. */
  saved?: string | undefined;
  /** The goal's activities in the chief networks' plans (newest year with any), beside the indicators. */
  activities?: GoalActivities;
}

/** A goal with its strategies and its evidence: each indicator's verdict, chart and table. */
export function GoalPage({
  programme,
  goal,
  focusAreaName,
  evidence,
  mayManage = false,
  saved,
  activities,
}: GoalPageProps) {
  return (
    <Layout
      title={goal.title}
      description={`Målet ”${goal.title}” i ${programme.name} (${focusAreaName}): strategier, nyckeltal med bedömning mot målvärdet och aktiviteterna i nätverkens planer.`}
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/program', label: 'Program' },
          { href: `/program/${programme.slug}`, label: programme.name },
        ]}
        current={goal.title}
      />
      <h1>{goal.title}</h1>
      <SavedMessage text={saved} />
      <p class="ds-paragraph">
        Mål i fokusområdet {focusAreaName}, {programme.name}
        {programme.targetYear !== null && ` (målår ${programme.targetYear})`}.
      </p>
      {goal.description && <p class="ds-paragraph">{goal.description}</p>}
      <h2>Strategier</h2>
      {goal.strategies.length === 0 ? (
        <p class="ds-paragraph">Inga strategier angivna.</p>
      ) : (
        <ul class="ds-list">
          {goal.strategies.map((s) => (
            <li>{s.text}</li>
          ))}
        </ul>
      )}
      <h2>Nyckeltal och måluppfyllelse</h2>
      {mayManage && (
        <div class="actions">
          <ButtonLink href={linkFormPath(goal.id)}>Koppla ett nyckeltal</ButtonLink>
        </div>
      )}
      {evidence.length === 0 ? (
        <p class="ds-paragraph">Inga nyckeltal är kopplade till målet ännu.</p>
      ) : (
        <>
          <p class="ds-paragraph">
            Bedömningen jämför det senaste värdet med målbanan (en rak linje från basåret till målet) och trenden (en
            rät linje genom värdena sedan basåret) med målet: båda når målet ger ”I fas”, en av dem ”Risk att målet inte
            nås”, ingen ”Inte i fas”.
          </p>
          {evidence.map((e, i) => (
            <Evidence evidence={e} index={i + 1} mayManage={mayManage} />
          ))}
        </>
      )}
      {activities && <GoalActivitiesSection activities={activities} goalTitle={goal.title} />}
    </Layout>
  );
}
