import { Hono, type Context } from 'hono';
import type { AppContext } from '../app/context.js';
import { readRepos, today } from '../app/context.js';
import { deadlineCalendar } from '../app/follow-up/deadline-calendar.js';
import { lateReports } from '../app/follow-up/late-reports.js';
import { sendReminders, type ReminderResult } from '../app/follow-up/reminders.js';
import { reportActivity, reportForm, type ReportForm } from '../app/follow-up/report-activity.js';
import {
  addRound,
  addStandardRounds,
  checkYear,
  editRound,
  followUpOverview,
  getRound,
  removeRound,
} from '../app/follow-up/rounds.js';
import { currentCollaboration } from '../app/collaboration.js';
import { notFound, validationFailed, type DomainError, type FieldProblem } from '../domain/errors.js';
import type { ActivityReport } from '../domain/plans/follow-up.js';
import { statusOf } from '../http/error-mapping.js';
import { publicOrigin } from '../http/proxy.js';
import { requirePolicy, requireWriteAccess } from '../http/require-policy.js';
import {
  activityAnchor,
  CALENDAR_PATH,
  HUB_PATH,
  LATE_PATH,
  planPath,
  REMINDERS_PATH,
  ROUNDS_PATH,
  roundsPath,
  STANDARD_ROUNDS_PATH,
} from './pages/follow-up-parts.page.js';
import { FollowUpHubPage } from './pages/follow-up-hub.page.js';
import { LateReportsPage } from './pages/follow-up-late.page.js';
import { EMPTY_REPORT_FORM, ReportFormPage, type ReportFormValues } from './pages/follow-up-report.page.js';
import {
  EMPTY_ROUND_FORM,
  RoundEditPage,
  RoundRemovePage,
  RoundsPage,
  type RoundFormValues,
} from './pages/follow-up-rounds.page.js';
import { attempt, formValues, html } from './render.js';
import { idParam, postedValues } from './route-params.js';

type Failure = { error: DomainError; problems: FieldProblem[] };

/** A plan year from `?ar=` (or a form's `ar`); absent means this year. */
const yearOf = (ctx: AppContext, value: string | undefined): number => {
  if (value === undefined || value === '') return Number(today(ctx).slice(0, 4));
  if (!/^\d{4}$/.test(value))
    throw validationFailed([{ field: 'ar', message: 'Året anges med fyra siffror, till exempel 2026.' }]);
  const year = Number(value);
  checkYear(year);
  return year;
};

const ROUND_SAVED: Record<string, string> = {
  tillagd: 'Omgången är tillagd.',
  andrad: 'Ändringarna av omgången är sparade.',
  borttagen: 'Omgången är borttagen.',
};

/** The values a report form starts with: the chosen round (`?omgang=`) and, if reported, that report. */
function initialReportValues(form: ReportForm, roundParam: string | undefined, now: string): ReportFormValues {
  const reported = new Set(form.reports.map((r) => r.roundId));
  const chosen =
    form.rounds.find((r) => String(r.id) === roundParam) ??
    // Otherwise the first round whose period has ended without a report (late or due), or the next one.
    form.rounds.find((r) => r.periodEnd < now && !reported.has(r.id)) ??
    form.rounds.find((r) => r.dueDate >= now && !reported.has(r.id));
  if (!chosen) return EMPTY_REPORT_FORM;
  const earlier: ActivityReport | undefined = form.reports.find((r) => r.roundId === chosen.id);
  return {
    roundId: String(chosen.id),
    status: earlier?.status ?? '',
    progress: earlier ? String(earlier.progress) : '',
    comment: earlier?.comment ?? '',
    climateEffect: earlier?.climateEffect ?? '',
  };
}

/** Follow-up rounds, reports, late reports, reminders and the deadline calendar. */
export function followUpRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  // The rounds' set-up is the secretariat's; the use cases check the same policy.
  web.use(ROUNDS_PATH, requirePolicy(ctx, 'manage_follow_up'));
  web.use(`${ROUNDS_PATH}/*`, requirePolicy(ctx, 'manage_follow_up'));
  // Reminders about late reports: those who see some network's late reports; lateReports decides which.
  web.on('POST', REMINDERS_PATH, requireWriteAccess(ctx, 'see_late_reports'));

  web.get(HUB_PATH, async (c) => {
    const overview = await followUpOverview(ctx, yearOf(ctx, c.req.query('ar')));
    return html(c, <FollowUpHubPage overview={overview} />);
  });

  // ---- The deadlines as a calendar feed (public)
  web.get(CALENDAR_PATH, async (c) => {
    const body = await deadlineCalendar(ctx, { baseUrl: publicOrigin(c) });
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="uppfoljning.ics"',
    });
  });

  // ---- Rounds of a plan year (the secretariat)
  const roundsPage = async (
    c: Context,
    year: number,
    extra: { values?: RoundFormValues; failure?: Failure; saved?: string | undefined } = {},
  ) => {
    const [overview, rows] = await Promise.all([
      followUpOverview(ctx, year),
      (async () => {
        const repos = readRepos(ctx);
        const collaboration = await currentCollaboration(repos);
        const rounds = await repos.followUp.rounds(collaboration.id, year);
        return Promise.all(
          rounds.map(async (round) => ({ round, reportCount: await repos.followUp.reportCount(round.id) })),
        );
      })(),
    ]);
    return html(
      c,
      <RoundsPage
        year={year}
        years={overview.years}
        rows={rows}
        values={extra.values ?? EMPTY_ROUND_FORM}
        problems={extra.failure?.problems}
        saved={extra.saved}
      />,
      extra.failure ? statusOf[extra.failure.error.code] : 200,
    );
  };

  web.get(ROUNDS_PATH, async (c) => {
    const saved = c.req.query('sparat');
    const count = Number(c.req.query('antal') ?? '0');
    const message =
      saved === 'standard'
        ? count === 0
          ? 'Standardomgångarna fanns redan; inget lades till.'
          : `${count === 1 ? '1 standardomgång' : `${count} standardomgångar`} lades till.`
        : ROUND_SAVED[saved ?? ''];
    return roundsPage(c, yearOf(ctx, c.req.query('ar')), { saved: message });
  });

  web.post(ROUNDS_PATH, async (c) => {
    const posted = await formValues(c);
    const year = yearOf(ctx, posted['ar']);
    const result = await attempt(() => addRound(ctx, year, posted));
    if (result.ok) return c.redirect(`${roundsPath(year)}&sparat=tillagd`, 303);
    return roundsPage(c, year, { values: postedValues(EMPTY_ROUND_FORM, posted), failure: result });
  });

  web.post(STANDARD_ROUNDS_PATH, async (c) => {
    const posted = await formValues(c);
    const year = yearOf(ctx, posted['ar']);
    const { added } = await addStandardRounds(ctx, year);
    return c.redirect(`${roundsPath(year)}&sparat=standard&antal=${added.length}`, 303);
  });

  web.get(`${ROUNDS_PATH}/:roundId/redigera`, async (c) => {
    const { round } = await getRound(ctx, idParam(c, 'roundId', 'Uppföljningsomgången'));
    return html(
      c,
      <RoundEditPage round={round} values={{ name: round.name, periodEnd: round.periodEnd, dueDate: round.dueDate }} />,
    );
  });

  web.post(`${ROUNDS_PATH}/:roundId/redigera`, async (c) => {
    const id = idParam(c, 'roundId', 'Uppföljningsomgången');
    const posted = await formValues(c);
    const result = await attempt(() => editRound(ctx, id, posted));
    if (result.ok) return c.redirect(`${roundsPath(result.value.year)}&sparat=andrad`, 303);
    const { round } = await getRound(ctx, id);
    return html(
      c,
      <RoundEditPage round={round} values={postedValues(EMPTY_ROUND_FORM, posted)} problems={result.problems} />,
      statusOf[result.error.code],
    );
  });

  web.get(`${ROUNDS_PATH}/:roundId/ta-bort`, async (c) => {
    const { round, reportCount } = await getRound(ctx, idParam(c, 'roundId', 'Uppföljningsomgången'));
    return html(c, <RoundRemovePage round={round} reportCount={reportCount} />);
  });

  web.post(`${ROUNDS_PATH}/:roundId/ta-bort`, async (c) => {
    const id = idParam(c, 'roundId', 'Uppföljningsomgången');
    const result = await attempt(() => removeRound(ctx, id));
    if (result.ok) return c.redirect(`${roundsPath(result.value.year)}&sparat=borttagen`, 303);
    const { round, reportCount } = await getRound(ctx, id);
    return html(
      c,
      <RoundRemovePage round={round} reportCount={reportCount} refused={result.error.message} />,
      statusOf[result.error.code],
    );
  });

  // ---- Late reports and reminders (the secretariat; a network's lead for their own)
  const latePage = async (c: Context, networkKey: string, result?: ReminderResult) => {
    const networkId = await networkIdOf(networkKey);
    const list = await lateReports(ctx, networkId === undefined ? {} : { networkId });
    return html(
      c,
      <LateReportsPage
        list={list}
        networkKey={networkKey}
        mailerConfigured={ctx.mailer !== undefined}
        result={result}
      />,
    );
  };

  const networkIdOf = async (key: string): Promise<number | undefined> => {
    if (key === '') return undefined;
    const repos = readRepos(ctx);
    const collaboration = await currentCollaboration(repos);
    const network = (await repos.collaboration.networks(collaboration.id)).find((n) => n.key === key);
    if (!network) throw notFound('Nätverket');
    return network.id;
  };

  web.get(LATE_PATH, (c) => latePage(c, c.req.query('natverk') ?? ''));

  web.post(REMINDERS_PATH, async (c) => {
    const posted = await formValues(c);
    const networkKey = posted['natverk'] ?? '';
    const networkId = await networkIdOf(networkKey);
    // Who may see the late list may send reminders about it; without SMTP there is nothing to send with.
    await lateReports(ctx, networkId === undefined ? {} : { networkId });
    if (!ctx.mailer) return latePage(c, networkKey);
    const result = await sendReminders(ctx, ctx.mailer, {
      baseUrl: publicOrigin(c),
      ...(networkId === undefined ? {} : { networkId }),
    });
    return latePage(c, networkKey, result);
  });

  // ---- The report form
  const REPORT_PATH = '/planer/:planId/aktiviteter/:activityId/rapport';
  const ids = (c: Context) => ({
    planId: idParam(c, 'planId', 'Planen'),
    activityId: idParam(c, 'activityId', 'Aktiviteten'),
  });

  web.get(REPORT_PATH, async (c) => {
    const { planId, activityId } = ids(c);
    const form = await reportForm(ctx, planId, activityId);
    return html(
      c,
      <ReportFormPage form={form} values={initialReportValues(form, c.req.query('omgang'), today(ctx))} />,
    );
  });

  // Refused before the form is read unless the person reports for some network; reportForm decides for the plan's.
  web.on('POST', REPORT_PATH, requireWriteAccess(ctx, 'report_follow_up'));
  web.post(REPORT_PATH, async (c) => {
    const { planId, activityId } = ids(c);
    // Checks the activity belongs to the plan, the right to report and the plan's state.
    const form = await reportForm(ctx, planId, activityId);
    const posted = await formValues(c);
    const result = await attempt(() => reportActivity(ctx, activityId, posted));
    if (result.ok) return c.redirect(`${planPath(planId)}?sparat=rapport#${activityAnchor(activityId)}`, 303);
    return html(
      c,
      <ReportFormPage form={form} values={postedValues(EMPTY_REPORT_FORM, posted)} problems={result.problems} />,
      statusOf[result.error.code],
    );
  });

  return web;
}
