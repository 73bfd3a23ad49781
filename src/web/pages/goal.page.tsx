import type { GoalIndicatorView } from '../../app/indicators/goal-targets.js';
import type { GoalActivities } from '../../app/results/goal-activities.js';
import type { Goal, Programme } from '../../domain/programme/programme.js';
import type { Verdict } from '../../domain/indicators/target-verdict.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ButtonLink } from '../components/button.js';
import { ChartFigure } from '../components/chart-figure.js';
import {
  contentLang,
  ContentText,
  contentText,
  lacksEnglish,
  programmeName,
  SwedishContentNotice,
  swedishData,
} from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
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

function targetText(v: GoalIndicatorView, measured: string): string {
  const t = texts().indicators;
  const { link, indicator } = v;
  const higher = link.direction === 'higher';
  return link.targetKind === 'relative'
    ? t.targetRelative(
        measured,
        higher,
        v.comparisonName ?? link.comparisonAreaCode ?? '',
        link.targetYear,
        link.baseYear,
      )
    : t.targetAbsolute(
        valueText(link.targetValue, indicator.decimals),
        indicator.unit,
        link.targetYear,
        higher,
        link.baseYear,
        link.baseValue === null ? null : valueText(link.baseValue, indicator.decimals),
      );
}

function Evidence({ evidence, index, mayManage }: { evidence: GoalEvidence; index: number; mayManage: boolean }) {
  const { view, chartSvg } = evidence;
  const { indicator, evaluation } = view;
  const t = texts();
  const it = t.indicators;
  const d = indicator.decimals;
  const headingId = `nyckeltal-${index}`;
  const measured = it.measuredName(view);
  const comparison = new Map((view.comparison ?? []).map((p) => [p.year, p.value]));
  const path = new Map(evaluation.path.map((p) => [p.year, p.value]));
  return (
    <section aria-labelledby={headingId} class="panel">
      <h3 id={headingId}>
        <a class="ds-link" href={localized(`/nyckeltal/${indicator.key}`)} lang={swedishData()}>
          {indicator.title}
        </a>
      </h3>
      <p class="ds-paragraph">
        <strong class={VERDICT_CLASS[evaluation.verdict]}>{t.common.verdict[evaluation.verdict]}</strong>{' '}
        {it.verdictSentence(view)}
      </p>
      <dl class="facts">
        <dt>{it.target}</dt>
        <dd>{targetText(view, measured)}</dd>
        <dt>{it.measuredAs}</dt>
        <dd>{measured}</dd>
        {view.link.note && (
          <>
            <dt>{it.note}</dt>
            <dd lang={swedishData()}>{view.link.note}</dd>
          </>
        )}
        {view.link.source && (
          <>
            <dt>{it.targetSource}</dt>
            <dd lang={swedishData()}>{view.link.source}</dd>
          </>
        )}
        <dt>{it.valuesSource}</dt>
        <dd lang={swedishData()}>{indicator.source}</dd>
      </dl>
      <ChartFigure caption={it.goalChartCaption(indicator.title, measured, indicator.unit)} svg={chartSvg}>
        <DataTable
          caption={it.goalTableCaption(indicator.title, indicator.unit)}
          rowHeaders
          columns={[
            { label: it.year },
            { label: measured, numeric: true },
            ...(view.comparisonName ? [{ label: view.comparisonName, numeric: true }] : []),
            ...(view.link.targetKind === 'absolute' ? [{ label: it.targetPath, numeric: true }] : []),
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
          {it.trendTo(evaluation.projection.year)}{' '}
          {view.link.targetKind === 'relative'
            ? it.trendRelative(view.comparisonName ?? '', valueText(evaluation.projection.value, d), indicator.unit)
            : it.trendAbsolute(valueText(evaluation.projection.value, d), indicator.unit)}
        </p>
      )}
      {mayManage && (
        <p class="ds-paragraph">
          <a class="ds-link" href={removeLinkPath(view.link.goalId, view.link.id)}>
            {it.removeIndicator}
            <span class="ds-sr-only">{` – ${indicator.title}, ${measured}`}</span>
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
  /** The focus area's English name, '' when none is stored. */
  focusAreaNameEn?: string;
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
  focusAreaNameEn,
  evidence,
  mayManage = false,
  saved,
  activities,
}: GoalPageProps) {
  const t = texts();
  const it = t.indicators;
  const title = contentText(goal.title, goal.titleEn);
  return (
    <Layout
      title={title}
      description={it.goalDescription(title, programmeName(programme), contentText(focusAreaName, focusAreaNameEn))}
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: localized('/program'), label: t.layout.menu.programmes },
          { href: localized(`/program/${programme.slug}`), label: programmeName(programme) },
        ]}
        current={title}
      />
      <h1 lang={contentLang(goal.title, goal.titleEn)}>{title}</h1>
      <SwedishContentNotice show={lacksEnglish(programme) || evidence.length > 0} />
      <SavedMessage text={saved} />
      <p class="ds-paragraph">
        {it.goalInArea} <ContentText sv={focusAreaName} en={focusAreaNameEn} />,{' '}
        <ContentText sv={programme.name} en={programme.nameEn} />
        {programme.targetYear !== null && it.targetYearSuffix(programme.targetYear)}.
      </p>
      {goal.description && (
        <p class="ds-paragraph" lang={contentLang(goal.description, goal.descriptionEn)}>
          {contentText(goal.description, goal.descriptionEn)}
        </p>
      )}
      <h2>{it.strategiesHeading}</h2>
      {goal.strategies.length === 0 ? (
        <p class="ds-paragraph">{it.noStrategies}</p>
      ) : (
        <ul class="ds-list">
          {goal.strategies.map((s) => (
            <li lang={contentLang(s.text, s.textEn)}>{contentText(s.text, s.textEn)}</li>
          ))}
        </ul>
      )}
      <h2>{it.evidenceHeading}</h2>
      {mayManage && (
        <div class="actions">
          <ButtonLink href={linkFormPath(goal.id)}>{it.linkIndicator}</ButtonLink>
        </div>
      )}
      {evidence.length === 0 ? (
        <p class="ds-paragraph">{it.noEvidence}</p>
      ) : (
        <>
          <p class="ds-paragraph">{it.verdictRules}</p>
          {evidence.map((e, i) => (
            <Evidence evidence={e} index={i + 1} mayManage={mayManage} />
          ))}
        </>
      )}
      {activities && <GoalActivitiesSection activities={activities} goalTitle={title} />}
    </Layout>
  );
}
