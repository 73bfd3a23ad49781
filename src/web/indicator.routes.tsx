import type { PdfPrinter } from '../documents/pdf-printer.js';
import { Hono, type Context } from 'hono';
import type { AppContext } from '../app/context.js';
import { readRepos, today } from '../app/context.js';
import { getComparison } from '../app/indicators/comparison.js';
import { defineLocalIndicator } from '../app/indicators/define-indicator.js';
import { goalIndicatorViews, goalLinksState, goalsUsingIndicator } from '../app/indicators/goal-targets.js';
import { importValuesFile, mayUploadValues } from '../app/indicators/import-file.js';
import { loadIndicatorHead, withValues } from '../app/indicators/indicator-data.js';
import { chartCacheKey, createChartCache } from '../charts/chart-cache.js';
import {
  findLinkToRemove,
  linkFormChoices,
  linkIndicatorToGoal,
  unlinkIndicatorFromGoal,
} from '../app/indicators/link-goal-indicator.js';
import { searchIndicators } from '../app/indicators/search-indicators.js';
import { getProgramme } from '../app/programmes/get-programme.js';
import { getGoalActivities } from '../app/results/goal-activities.js';
import { getCollaboration } from '../app/collaboration.js';
import { allows } from '../domain/auth/policies.js';
import { notFound, validationFailed, type DomainError, type FieldProblem } from '../domain/errors.js';
import { GENDERS, type Gender } from '../domain/indicators/indicator.js';
import { statusOf } from '../http/error-mapping.js';
import { requirePolicy, requireWriteAccess } from '../http/require-policy.js';
import { comparisonSvg, indicatorSeriesSvg, type IndicatorChartWords } from '../app/indicators/indicator-charts.js';
import type { Comparison } from '../app/indicators/comparison.js';
import type { GoalIndicatorView } from '../app/indicators/goal-targets.js';
import type { IndicatorData } from '../app/indicators/indicator-data.js';
import { progressChartSvg, type ProgressChartTexts } from '../app/progress/progress-chart.js';
import { currentLocale } from './i18n/locale.js';
import { texts } from './i18n/texts.js';
import { GoalPage } from './pages/goal.page.js';
import {
  emptyLinkForm,
  GoalIndicatorFormPage,
  goalPath,
  RemoveLinkPage,
  type GoalIndicatorFormValues,
} from './pages/goal-indicator-form.page.js';
import {
  EMPTY_INDICATOR_FORM,
  IndicatorFormPage,
  NEW_INDICATOR_PATH,
  type IndicatorFormValues,
} from './pages/indicator-form.page.js';
import { IndicatorComparisonPage } from './pages/indicator-comparison.page.js';
import { IndicatorImportPage } from './pages/indicator-import.page.js';
import { IndicatorListPage } from './pages/indicator-list.page.js';
import { IndicatorFigures, IndicatorPage } from './pages/indicator.page.js';
import { attempt, formValues, html, publicPage } from './render.js';
import { idParam, postedValues } from './route-params.js';

export const IMPORT_PATH = '/nyckeltal/importera';

/** Rendered page sections keyed by their data version; shares one render between simultaneous requests. */
const fragmentCache = createChartCache({ maxEntries: 200 });
/** Whole pages for visitors who are not signed in, as bytes (see publicPage). */
const pageCache = createChartCache<Uint8Array>({ maxEntries: 200 });

type Failure = { error: DomainError; problems: FieldProblem[] };
/** An upload may be larger than the 1 MiB every other request gets. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const genderParam = (c: Context): Gender => {
  const kon = c.req.query('kon') ?? 'T';
  if (!(GENDERS as readonly string[]).includes(kon))
    throw validationFailed([{ field: 'kon', message: 'Kön anges som T (totalt), K (kvinnor) eller M (män).' }]);
  return kon as Gender;
};

const yearParam = (c: Context): number | undefined => {
  const ar = c.req.query('ar');
  if (ar === undefined || ar === '') return undefined;
  if (!/^\d{4}$/.test(ar))
    throw validationFailed([{ field: 'ar', message: 'Året anges med fyra siffror, till exempel 2014.' }]);
  return Number(ar);
};

/** Who may upload: the secretariat, or a member's officer (for their own member; checked per row). */
const importRights = (ctx: AppContext) => {
  const grant = ctx.principal.grants.find((g) => g.role === 'member_officer');
  return {
    mayImport: mayUploadValues(ctx.principal),
    // Named on the page for a member's officer; the secretariat imports for everyone.
    ownMemberId: allows(ctx.principal, 'manage_indicators') ? null : (grant?.memberId ?? null),
  };
};

/** An indicator chart's words on an English page; undefined on Swedish pages (the charts' own words). */
function seriesWords(data: IndicatorData, gender: Gender): IndicatorChartWords | undefined {
  const locale = currentLocale();
  if (locale === 'sv') return undefined;
  const t = texts(locale);
  return {
    locale,
    title: t.indicators.seriesChartTitle(
      data.indicator.title,
      t.common.gender[gender],
      data.years[0] ?? 0,
      data.years.at(-1) ?? 0,
    ),
    description: t.indicators.seriesChartDescription(data.members.length),
    shortFigure: t.indicators.shortFigure,
  };
}

function rankingWords(comparison: Comparison): IndicatorChartWords | undefined {
  const locale = currentLocale();
  if (locale === 'sv') return undefined;
  const t = texts(locale);
  return {
    locale,
    title: t.indicators.rankingChartTitle(
      comparison.data.indicator.title,
      comparison.year,
      t.common.gender[comparison.gender],
    ),
    description: t.indicators.rankingChartDescription,
    shortFigure: t.indicators.shortFigure,
  };
}

/** A goal's indicator chart in the page's language: null (the goal page's Swedish chart) on Swedish pages. */
function goalChartWords(view: GoalIndicatorView): ProgressChartTexts | null {
  const locale = currentLocale();
  if (locale === 'sv') return null;
  const t = texts(locale);
  const measured = t.indicators.measuredName(view);
  return {
    locale,
    title: t.progress.chartTitle(view.indicator.title, measured, view.comparisonName),
    description: t.progress.chartDescription(t.indicators.verdictSentence(view)),
    measured,
    comparison: view.comparisonName,
    targetPath: t.progress.chartTargetPath(view.link.targetYear),
    trend: t.progress.chartTrend(view.link.targetYear),
  };
}

/** Confirmations on the goal page after Post/Redirect/Get (`?sparat=…`). */
const GOAL_SAVED_MESSAGES: Record<string, string> = {
  kopplat: 'Nyckeltalet är kopplat till målet.',
  borttaget: 'Nyckeltalet är borttaget från målet.',
};

/** Key indicators: list and search, an indicator over time, one year compared, a goal's evidence, upload. */
export function indicatorRoutes(ctx: AppContext, pdfPrinter: PdfPrinter): Hono {
  const web = new Hono();
  // Defining indicators and setting goal targets is the secretariat's; the use cases check it again.
  const mayManage = () => allows(ctx.principal, 'manage_indicators');
  web.use(NEW_INDICATOR_PATH, requirePolicy(ctx, 'manage_indicators'));
  web.use('/mal/:goalId/nyckeltal/*', requirePolicy(ctx, 'manage_indicators'));
  // The upload form and the upload: the secretariat or a member's officer, before the file is read; which
  // rows they may import is checked per row.
  web.on(['GET', 'POST'], IMPORT_PATH, requireWriteAccess(ctx, 'import_indicator_values'));

  web.get('/nyckeltal', async (c) => {
    const [search, imports] = await Promise.all([
      searchIndicators(ctx, c.req.query('q') ?? ''),
      readRepos(ctx).indicators.recentImports(10),
    ]);
    return html(
      c,
      <IndicatorListPage
        search={search}
        imports={imports}
        mayImport={importRights(ctx).mayImport}
        mayDefine={mayManage()}
        conferenceYear={Number(today(ctx).slice(0, 4))}
        pdfAvailable={pdfPrinter.available()}
      />,
    );
  });

  // ---- A local indicator (before /nyckeltal/:key, which would take "nytt" as a key)
  const indicatorForm = async (c: Context, values: IndicatorFormValues, failure?: Failure) => {
    const weights = (await readRepos(ctx).indicators.list()).filter((i) => i.aggregation === 'sum');
    return html(
      c,
      <IndicatorFormPage values={values} weights={weights} problems={failure?.problems} />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get(NEW_INDICATOR_PATH, (c) => indicatorForm(c, EMPTY_INDICATOR_FORM));

  web.post(NEW_INDICATOR_PATH, async (c) => {
    const posted = await formValues(c);
    const result = await attempt(() => defineLocalIndicator(ctx, posted));
    if (result.ok) return c.redirect(`/nyckeltal/${result.value.key}`, 303);
    return indicatorForm(c, postedValues(EMPTY_INDICATOR_FORM, posted), result);
  });

  const importPage = async (
    c: Context,
    extra: {
      values?: Record<string, string>;
      problems?: FieldProblem[];
      result?: Awaited<ReturnType<typeof importValuesFile>>;
    },
    status: 200 | 422 | 403 = 200,
  ) => {
    const repos = readRepos(ctx);
    const { ownMemberId } = importRights(ctx);
    const indicators = (await repos.indicators.list()).filter((i) => ownMemberId === null || i.origin === 'local');
    const collaboration = await repos.collaboration.first();
    const members = collaboration ? await repos.collaboration.members(collaboration.id) : [];
    const ownMemberName = members.find((m) => m.id === ownMemberId)?.name ?? null;
    return html(c, <IndicatorImportPage indicators={indicators} ownMemberName={ownMemberName} {...extra} />, status);
  };

  web.get(IMPORT_PATH, (c) => importPage(c, {}));

  // The size limit (IMPORT_MAX_BYTES) is applied by the app before the session reads the body.
  web.post(IMPORT_PATH, async (c) => {
    const body = await c.req.parseBody();
    const file = body['fil'];
    const indicatorKey = typeof body['nyckeltal'] === 'string' && body['nyckeltal'] ? body['nyckeltal'] : undefined;
    const values = { nyckeltal: indicatorKey ?? '' };
    if (!(file instanceof File) || file.size === 0)
      return importPage(c, { values, problems: [{ field: 'fil', message: 'Välj en fil att läsa in.' }] }, 422);
    const outcome = await attempt(async () =>
      importValuesFile(ctx, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name,
        ...(indicatorKey ? { indicatorKey } : {}),
      }),
    );
    if (outcome.ok) return importPage(c, { result: outcome.value });
    // Every problem belongs to the file (rows of it); the summary links them all to the file field.
    const problems = outcome.problems.map((p) => ({
      field: p.field === 'nyckeltal' ? 'nyckeltal' : 'fil',
      message: p.message,
    }));
    const status = outcome.error.code === 'forbidden' || outcome.error.code === 'foreign_member' ? 403 : 422;
    return importPage(c, { values, problems }, status);
  });

  web.get('/nyckeltal/:key', async (c) => {
    const gender = genderParam(c);
    const head = await loadIndicatorHead(ctx, c.req.param('key'));
    // The figures (values, chart, tables) change only with the data: rendered once per version and language.
    const figures = () =>
      fragmentCache.get(chartCacheKey('indicator-figures', currentLocale(), head.versionKey, gender), async () => {
        const data = await withValues(ctx, head);
        const chartSvg =
          data.years.length > 0 ? await indicatorSeriesSvg(data, gender, 'utveckling', seriesWords(data, gender)) : '';
        return String(await (<IndicatorFigures data={data} gender={gender} chartSvg={chartSvg} />).toString());
      });
    // What the goal list shows changes with the links and their programmes' states (drafts are hidden).
    const links = await goalLinksState(ctx, head.indicator.id);
    return publicPage(c, pageCache, chartCacheKey('indicator-page', head.versionKey, gender, links), async () => {
      const [figuresHtml, goals] = await Promise.all([figures(), goalsUsingIndicator(ctx, head.indicator.id)]);
      return <IndicatorPage head={head} figures={figuresHtml} goals={goals} />;
    });
  });

  web.get('/nyckeltal/:key/jamforelse', async (c) => {
    const gender = genderParam(c);
    const year = yearParam(c);
    const comparison = await getComparison(ctx, c.req.param('key'), { gender, ...(year ? { year } : {}) });
    const chartSvg = await comparisonSvg(comparison, 'jamforelse', rankingWords(comparison));
    return html(c, <IndicatorComparisonPage comparison={comparison} chartSvg={chartSvg} />);
  });

  web.get('/mal/:goalId', async (c) => {
    const id = c.req.param('goalId');
    if (!/^\d{1,9}$/.test(id)) throw notFound('Målet');
    const [goalRow] = await readRepos(ctx).programmes.goalsWithProgramme([Number(id)]);
    if (!goalRow) throw notFound('Målet');
    const { programme } = await getProgramme(ctx, String(goalRow.programmeId));
    const area = programme.focusAreas.find((a) => a.goals.some((g) => g.id === goalRow.goalId))!;
    const goal = area.goals.find((g) => g.id === goalRow.goalId)!;
    const views = (await goalIndicatorViews(ctx, [goal.id])).get(goal.id) ?? [];
    const activities = await getGoalActivities(ctx, goal.id);
    const evidence = await Promise.all(
      views.map(async (view, i) => ({
        view,
        chartSvg: await progressChartSvg(view, `mal-${goal.id}-${i + 1}`, goalChartWords(view)),
      })),
    );
    return html(
      c,
      <GoalPage
        programme={programme}
        goal={goal}
        focusAreaName={area.name}
        focusAreaNameEn={area.nameEn ?? ''}
        evidence={evidence}
        mayManage={mayManage()}
        saved={GOAL_SAVED_MESSAGES[c.req.query('sparat') ?? '']}
        activities={activities}
      />,
    );
  });

  // ---- Indicators on a goal, with targets
  const linkForm = async (c: Context, goalId: number, values?: GoalIndicatorFormValues, failure?: Failure) => {
    const choices = await linkFormChoices(ctx, goalId);
    return html(
      c,
      <GoalIndicatorFormPage
        choices={choices}
        values={values ?? emptyLinkForm(choices.goal.programme)}
        problems={failure?.problems}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get('/mal/:goalId/nyckeltal/ny', (c) => linkForm(c, idParam(c, 'goalId', 'Målet')));

  web.post('/mal/:goalId/nyckeltal/ny', async (c) => {
    const goalId = idParam(c, 'goalId', 'Målet');
    const posted = await formValues(c);
    const result = await attempt(() => linkIndicatorToGoal(ctx, goalId, posted));
    if (result.ok) return c.redirect(`${goalPath(goalId)}?sparat=kopplat`, 303);
    return linkForm(c, goalId, postedValues(emptyLinkForm({ targetYear: null }), posted), result);
  });

  web.get('/mal/:goalId/nyckeltal/:linkId/ta-bort', async (c) => {
    const found = await findLinkToRemove(ctx, idParam(c, 'goalId', 'Målet'), idParam(c, 'linkId', 'Kopplingen'));
    const { members, comparisonAreas } = await getCollaboration(ctx);
    const areaNames = new Map([...members, ...comparisonAreas].map((a) => [a.code, a.name]));
    return html(c, <RemoveLinkPage found={found} areaNames={areaNames} />);
  });

  web.post('/mal/:goalId/nyckeltal/:linkId/ta-bort', async (c) => {
    const goalId = idParam(c, 'goalId', 'Målet');
    await unlinkIndicatorFromGoal(ctx, goalId, idParam(c, 'linkId', 'Kopplingen'));
    return c.redirect(`${goalPath(goalId)}?sparat=borttaget`, 303);
  });

  return web;
}
