/**
 * A goal's progress, for residents: what each indicator says (verdict with its trend sign, the
 * sentence that explains it, the latest value and year, the target, the sources, a chart with its
 * table), then — separately, never combined — the activities serving the goal and their roll-up, and
 * when any of it last changed.
 */
import type { GoalProgressPage, IndicatorProgress, RelatedGoal } from '../../app/progress/get-progress.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ChartFigure } from '../components/chart-figure.js';
import {
  ContentText,
  contentLang,
  contentText,
  programmeName,
  SwedishContentNotice,
  swedishData,
} from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { ExampleNotice } from '../components/example-marking.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { formatNumber } from '../format.js';
import {
  GoalActivities,
  goalProgressPath,
  HowToRead,
  LatestValue,
  PROGRESS_PATH,
  programmeProgressPath,
  TrendSign,
  UpdatedOn,
  VerdictTag,
} from './progress-parts.page.js';

export interface IndicatorEvidence {
  ip: IndicatorProgress;
  chartSvg: string;
}

function IndicatorSection({ evidence, index }: { evidence: IndicatorEvidence; index: number }) {
  const t = texts().progress;
  const { ip, chartSvg } = evidence;
  const { view } = ip;
  const { indicator, link, evaluation } = view;
  const d = indicator.decimals;
  const measured = t.measuredName(view);
  const headingId = `nyckeltal-${index}`;
  const cell = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? t.missingValue : formatNumber(v, { decimals: d });
  const comparison = new Map((view.comparison ?? []).map((p) => [p.year, p.value]));
  const path = new Map(evaluation.path.map((p) => [p.year, p.value]));
  return (
    <section class="panel indicator-progress" aria-labelledby={headingId}>
      <h3 id={headingId} lang={swedishData()}>
        {indicator.title}
      </h3>
      <p class="ds-paragraph">
        <VerdictTag verdict={evaluation.verdict} /> <TrendSign trend={ip.trend} />
      </p>
      <p class="ds-paragraph">{t.explanation(view)}</p>
      <dl class="facts">
        <dt>{t.latestLabel}</dt>
        <dd>
          {measured}: <LatestValue ip={ip} />
        </dd>
        <dt>{t.targetLabel}</dt>
        <dd>{t.targetText(view, measured, view.comparisonName)}</dd>
        <dt>{t.sourceLabel}</dt>
        <dd lang={swedishData()}>{indicator.source}</dd>
        {link.source && (
          <>
            <dt>{t.targetSourceLabel}</dt>
            <dd lang={swedishData()}>{link.source}</dd>
          </>
        )}
      </dl>
      <ChartFigure caption={t.chartCaption(indicator.title, measured, indicator.unit)} svg={chartSvg}>
        <DataTable
          caption={t.tableCaption(indicator.title, indicator.unit)}
          rowHeaders
          columns={[
            { label: t.yearColumn },
            { label: measured, numeric: true },
            ...(view.comparisonName ? [{ label: view.comparisonName, numeric: true }] : []),
            ...(link.targetKind === 'absolute' ? [{ label: t.targetPathColumn, numeric: true }] : []),
          ]}
          rows={view.series.map((p) => [
            String(p.year),
            cell(p.value),
            ...(view.comparisonName ? [cell(comparison.get(p.year))] : []),
            ...(link.targetKind === 'absolute' ? [cell(path.get(p.year))] : []),
          ])}
        />
      </ChartFigure>
      <p class="ds-paragraph">
        <a class="ds-link" href={localized(`/nyckeltal/${encodeURIComponent(indicator.key)}`)}>
          {t.moreAboutIndicator}
          <span class="ds-sr-only">{` – ${indicator.title}`}</span>
        </a>
      </p>
    </section>
  );
}

function RelatedGoals({ label, goals }: { label: string; goals: readonly RelatedGoal[] }) {
  const t = texts().progress;
  return (
    <>
      {goals.map((g) => (
        <li>
          {label}:{' '}
          <a class="ds-link" href={localized(goalProgressPath(g.programme.slug, g.goalId))}>
            {t.relatedGoal(g.title, programmeName(g.programme))}
          </a>
        </li>
      ))}
    </>
  );
}

export function ProgressGoalPage({ page, evidence }: { page: GoalProgressPage; evidence: IndicatorEvidence[] }) {
  const t = texts().progress;
  const { programme, focusArea, goal } = page;
  const title = contentText(goal.goal.title, goal.goal.titleEn);
  const name = programmeName(programme);
  return (
    <Layout title={title} description={t.goalDescription(title, name)} current={PROGRESS_PATH}>
      <Breadcrumbs
        items={[
          { href: localized(PROGRESS_PATH), label: t.overviewTitle },
          { href: localized(programmeProgressPath(programme.slug)), label: name },
        ]}
        current={title}
      />
      <h1>
        <ContentText sv={goal.goal.title} en={goal.goal.titleEn} />
      </h1>
      <SwedishContentNotice />
      <p class="ds-paragraph lead">{t.goalLead(contentText(focusArea.name, focusArea.nameEn), name)}</p>
      <UpdatedOn date={goal.updatedOn} />
      {goal.activities.includesExamples && <ExampleNotice of="figures" />}
      {goal.goal.description && (
        <p class="ds-paragraph" lang={contentLang(goal.goal.description, goal.goal.descriptionEn)}>
          {contentText(goal.goal.description, goal.goal.descriptionEn)}
        </p>
      )}
      {page.strategies.length > 0 && (
        <>
          <h2>{t.strategiesHeading}</h2>
          <ul class="ds-list">
            {page.strategies.map((s) => (
              <li>
                <ContentText sv={s.text} en={s.textEn} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t.indicatorsHeading}</h2>
      <p class="ds-paragraph">{t.indicatorsIntro}</p>
      {evidence.length === 0 ? (
        <p class="ds-paragraph">{t.noIndicators}</p>
      ) : (
        evidence.map((e, i) => <IndicatorSection evidence={e} index={i + 1} />)
      )}

      <section class="goal-activities" aria-labelledby="vad-natverken-gor">
        <h2 id="vad-natverken-gor">{t.activitiesHeading}</h2>
        <p class="ds-paragraph">{t.activitiesIntro}</p>
        <GoalActivities activities={goal.activities} goalId={goal.goal.id} />
      </section>

      {(page.earlier.length > 0 || page.later.length > 0) && (
        <>
          <h2>{t.relatedHeading}</h2>
          <ul class="plain-list">
            <RelatedGoals label={t.earlier} goals={page.earlier} />
            <RelatedGoals label={t.later} goals={page.later} />
          </ul>
        </>
      )}
      <HowToRead />
    </Layout>
  );
}
