import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import { getGoalProgress, getProgrammeProgress, getProgressOverview } from '../app/progress/get-progress.js';
import { progressChartSvg, type ProgressChartTexts } from '../app/progress/progress-chart.js';
import type { GoalIndicatorView } from '../app/indicators/goal-targets.js';
import { notFound } from '../domain/errors.js';
import { currentLocale } from './i18n/locale.js';
import { texts } from './i18n/texts.js';
import { ProgressGoalPage } from './pages/progress-goal.page.js';
import { ProgressOverviewPage } from './pages/progress-overview.page.js';
import { PROGRESS_PATH } from './pages/progress-parts.page.js';
import { ProgressProgrammePage } from './pages/progress-programme.page.js';
import { pageForThePublic } from './public-pages.js';

/** The goal page's chart in the page's language: Swedish pages get the goal page's own chart. */
function chartTexts(view: GoalIndicatorView): ProgressChartTexts | null {
  const locale = currentLocale();
  if (locale === 'sv') return null;
  const t = texts(locale).progress;
  const measured = t.measuredName(view);
  const targetYear = view.link.targetYear;
  return {
    locale,
    title: t.chartTitle(view.indicator.title, measured, view.comparisonName),
    description: t.chartDescription(t.explanation(view)),
    measured,
    comparison: view.comparisonName,
    targetPath: t.chartTargetPath(targetYear),
    trend: t.chartTrend(targetYear),
  };
}

/**
 * Public progress for residents: the overview, a programme, a goal. The same for everyone (drafts are
 * never shown), cached until the data or the day changes.
 */
export function progressRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  const forThePublic = pageForThePublic(ctx);

  web.get(PROGRESS_PATH, (c) =>
    forThePublic(c, async () => <ProgressOverviewPage programmes={await getProgressOverview(ctx)} />),
  );

  web.get(`${PROGRESS_PATH}/:slug`, (c) =>
    forThePublic(c, async () => (
      <ProgressProgrammePage progress={await getProgrammeProgress(ctx, c.req.param('slug'))} />
    )),
  );

  web.get(`${PROGRESS_PATH}/:slug/mal/:goalId`, (c) => {
    const goalId = c.req.param('goalId');
    if (!/^\d{1,9}$/.test(goalId)) throw notFound('Målet');
    return forThePublic(c, async () => {
      const page = await getGoalProgress(ctx, c.req.param('slug'), Number(goalId));
      const evidence = await Promise.all(
        page.goal.indicators.map(async (ip, i) => ({
          ip,
          chartSvg: await progressChartSvg(ip.view, `framsteg-${goalId}-${i + 1}`, chartTexts(ip.view)),
        })),
      );
      return <ProgressGoalPage page={page} evidence={evidence} />;
    });
  });

  return web;
}
