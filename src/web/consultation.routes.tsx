/**
 * A consultation's pages: the public page and each part's thread with its comment form, the
 * confirmation link's page, reporting a comment; the secretariat's settings, moderation and answers; and
 * the samrådsredogörelse as a page, Word, PDF and CSV. The public's forms (comment, confirm, report) are
 * protected against other sites by the Origin check every form post passes; the secretariat's also by
 * the session's CSRF token, and refused before anything is read unless the policy allows.
 */
import { Hono, type Context } from 'hono';
import { partKey } from '../domain/consultation/consultation.js';
import {
  getAnswerForm,
  getAnswering,
  groupInTheme,
  saveAnswer,
  type AnswerSubject,
} from '../app/consultation/answers.js';
import { confirmComment, getConfirmation, submitComment, type RequestOrigin } from '../app/consultation/comments.js';
import { getConsultationCsvTable, getConsultationReport } from '../app/consultation/consultation-report.js';
import { consultationOf, getConsultationPage, getPartPage } from '../app/consultation/get-consultation.js';
import {
  getModeration,
  getReportable,
  hideComment,
  reportComment,
  restoreComment,
} from '../app/consultation/moderation.js';
import {
  defaultResponsible,
  loadConsultable,
  openConsultation,
  updateConsultation,
} from '../app/consultation/open-consultation.js';
import { getCollaboration } from '../app/collaboration.js';
import { readRepos, type AppContext } from '../app/context.js';
import { allows } from '../domain/auth/policies.js';
import type { DomainError, FieldProblem } from '../domain/errors.js';
import { notFound } from '../domain/errors.js';
import type { Programme } from '../domain/programme/programme.js';
import { DOCUMENT_FORMATS } from '../documents/document-model.js';
import type { PdfPrinter } from '../documents/pdf-printer.js';
import { toCsv } from '../exports/csv-export.js';
import { contentDispositionAttachment } from '../exports/content-disposition.js';
import { statusOf } from '../http/error-mapping.js';
import { requirePolicy } from '../http/require-policy.js';
import { clientAddress } from './auth.routes.js';
import {
  answerCommentPath,
  answersPath,
  answerThemePath,
  commentAnchor,
  consultationPath,
  consultationSettingsPath,
  moderateCommentPath,
  partPath,
} from './consultation-paths.js';
import { FORMAT_SUFFIX } from './document-paths.js';
import { sendDocument } from './document-response.js';
import { localized } from './i18n/locale.js';
import { texts } from './i18n/texts.js';
import {
  ConsultationAnswerPage,
  ConsultationAnswersPage,
  EMPTY_ANSWER_FORM,
  EMPTY_THEME_FORM,
  answerFormValues,
  type AnswerFormValues,
  type ThemeFormValues,
} from './pages/consultation-answers.page.js';
import { ConsultationConfirmPage } from './pages/consultation-confirm.page.js';
import { ConsultationModerationPage, ModerateCommentPage } from './pages/consultation-moderation.page.js';
import { ConsultationPartPage, EMPTY_COMMENT_FORM, type CommentFormValues } from './pages/consultation-part.page.js';
import { commentNumbers } from './pages/consultation-parts.js';
import { ConsultationReportCommentPage, EMPTY_REPORT_FORM } from './pages/consultation-report-comment.page.js';
import {
  ConsultationSettingsPage,
  EMPTY_SETTINGS_FORM,
  settingsFormValues,
  type SettingsFormValues,
} from './pages/consultation-settings.page.js';
import { ConsultationPage } from './pages/consultation.page.js';
import { pageForThePublic } from './public-pages.js';
import { attempt, html } from './render.js';
import { idParam, postedForm, postedValues } from './route-params.js';
import { siteOrigin } from './site-address.js';

type Failure = { error: DomainError; problems: FieldProblem[] };

const BASE = '/program/:slug/samrad';
const ID = ':id{[0-9]+}';
const CSV_TYPE = 'text/csv; charset=utf-8';

const originOf = (c: Context): RequestOrigin => ({ address: clientAddress(c), baseUrl: siteOrigin(c) });
const slugOf = (c: Context) => c.req.param('slug')!;

/** The link a programme's page shows to its consultation, or to open one (for the secretariat). */
export async function consultationLink(
  ctx: AppContext,
  programme: Pick<Programme, 'id' | 'slug' | 'state'>,
): Promise<{ href: string; label: string } | undefined> {
  if (programme.state === 'draft') return undefined;
  const t = texts().consultation;
  const consultation = await consultationOf(ctx, programme.id);
  if (consultation)
    return {
      href: localized(consultationPath(programme.slug)),
      label: `${t.consultation} (${t.phaseLabel[consultation.phase].toLowerCase()}, ${t.period(consultation.startDate, consultation.endDate)})`,
    };
  return allows(ctx.principal, 'run_consultation')
    ? { href: consultationSettingsPath(programme.slug), label: t.openOnProgramme }
    : undefined;
}

export function consultationRoutes(ctx: AppContext, pdfPrinter: PdfPrinter): Hono {
  const web = new Hono();
  const forThePublic = pageForThePublic(ctx);
  const t = () => texts().consultation;
  const service = async () => (await getCollaboration(ctx)).collaboration.name;

  // The secretariat's pages, refused (401/403) before anything is read.
  for (const path of [`${BASE}/installningar`, `${BASE}/svar`, `${BASE}/svar/*`])
    web.use(path, requirePolicy(ctx, 'run_consultation'));
  for (const path of [`${BASE}/moderering`, `${BASE}/moderering/*`])
    web.use(path, requirePolicy(ctx, 'moderate_comments'));

  // The public page and each part's thread.
  web.get(BASE, (c) =>
    forThePublic(c, async () => (
      <ConsultationPage
        view={await getConsultationPage(ctx, slugOf(c))}
        service={await service()}
        mayRun={allows(ctx.principal, 'run_consultation')}
        mayModerate={allows(ctx.principal, 'moderate_comments')}
        pdfAvailable={pdfPrinter.available()}
      />
    )),
  );

  const partMessage = (c: Context): string | undefined => {
    const q = (name: string) => c.req.query(name);
    if (q('skickad') === '1') return t().sent;
    if (q('bekraftad') === '1') return t().confirmedMessage;
    const reported = q('anmald');
    if (reported === '1') return t().reportedMessage;
    if (reported === '2') return t().alreadyReported;
    if (reported === '3') return t().hiddenByReports;
    return undefined;
  };

  const partPage = async (c: Context, values?: CommentFormValues, failure?: Failure) => (
    <ConsultationPartPage
      view={await getPartPage(ctx, slugOf(c), c.req.param('part')!)}
      service={await service()}
      values={values ?? EMPTY_COMMENT_FORM}
      problems={failure?.problems}
      message={failure ? undefined : partMessage(c)}
    />
  );

  web.get(`${BASE}/del/:part`, (c) => forThePublic(c, () => partPage(c)));

  web.post(`${BASE}/del/:part`, async (c) => {
    const slug = slugOf(c);
    const key = c.req.param('part');
    const posted = await postedForm(c);
    const result = await attempt(() => submitComment(ctx, slug, key, posted, originOf(c)));
    if (result.ok) return c.redirect(`${localized(partPath(slug, key))}?skickad=1`, 303);
    return html(c, await partPage(c, postedValues(EMPTY_COMMENT_FORM, posted), result), statusOf[result.error.code]);
  });

  // The confirmation link: a page with a button, then the comment is published.
  web.get('/samrad/bekrafta/:token', async (c) => {
    const token = c.req.param('token');
    const view = await getConfirmation(ctx, token);
    return html(c, <ConsultationConfirmPage view={view} token={token} />);
  });

  web.post('/samrad/bekrafta/:token', async (c) => {
    const view = await confirmComment(ctx, c.req.param('token'));
    const path = localized(partPath(view.programme.slug, view.part.key));
    return c.redirect(`${path}?bekraftad=1#${commentAnchor(view.comment.id)}`, 303);
  });

  // Reporting a comment.
  const reportPage = async (c: Context, values = EMPTY_REPORT_FORM, problems?: FieldProblem[], status = 200) => {
    const { subject, part, comment } = await getReportable(ctx, slugOf(c), idParam(c, 'id', 'Kommentaren'));
    return html(
      c,
      <ConsultationReportCommentPage
        programme={subject.programme}
        part={part}
        comment={comment}
        values={values}
        problems={problems}
      />,
      status as 200,
    );
  };

  web.get(`${BASE}/kommentarer/${ID}/anmal`, (c) => reportPage(c));

  web.post(`${BASE}/kommentarer/${ID}/anmal`, async (c) => {
    const slug = slugOf(c);
    const id = idParam(c, 'id', 'Kommentaren');
    const posted = await postedForm(c);
    const result = await attempt(() => reportComment(ctx, slug, id, posted, originOf(c)));
    if (!result.ok)
      return reportPage(c, postedValues(EMPTY_REPORT_FORM, posted), result.problems, statusOf[result.error.code]);
    const comment = await readRepos(ctx).consultations.comment(id);
    const code = result.value.alreadyReported ? 2 : result.value.hidden ? 3 : 1;
    return c.redirect(`${localized(partPath(slug, partKey(comment!.part)))}?anmald=${code}`, 303);
  });

  // The secretariat opens the consultation or changes it.
  const settingsPage = async (c: Context, values?: SettingsFormValues, failure?: Failure) => {
    const repos = readRepos(ctx);
    const programme = await loadConsultable(ctx, repos, slugOf(c));
    const consultation = await repos.consultations.byProgramme(programme.id);
    const initial = consultation
      ? settingsFormValues(consultation)
      : { ...EMPTY_SETTINGS_FORM, responsible: await defaultResponsible(ctx), reportsToHide: '3', version: '0' };
    const saved =
      c.req.query('sparat') === '1' ? t().saved : c.req.query('sparat') === 'oppnat' ? t().opened : undefined;
    return html(
      c,
      <ConsultationSettingsPage
        programme={programme}
        consultation={consultation}
        values={values ?? initial}
        problems={failure?.problems}
        saved={failure ? undefined : saved}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get(`${BASE}/installningar`, (c) => settingsPage(c));

  web.post(`${BASE}/installningar`, async (c) => {
    const slug = slugOf(c);
    const posted = await postedForm(c);
    const existing = await consultationOf(ctx, (await loadConsultable(ctx, readRepos(ctx), slug)).id);
    const result = await attempt(() =>
      existing ? updateConsultation(ctx, slug, posted) : openConsultation(ctx, slug, posted),
    );
    if (result.ok)
      return existing
        ? c.redirect(`${localized(consultationSettingsPath(slug))}?sparat=1`, 303)
        : c.redirect(localized(consultationPath(slug)), 303);
    return settingsPage(c, postedValues(EMPTY_SETTINGS_FORM, posted), result);
  });

  // Moderation.
  web.get(`${BASE}/moderering`, async (c) =>
    html(c, <ConsultationModerationPage view={await getModeration(ctx, slugOf(c))} />),
  );

  const moderatePage = async (
    c: Context,
    failed?: { action: 'hide' | 'restore'; problems: FieldProblem[]; reason: string },
    status = 200,
  ) => {
    const view = await getModeration(ctx, slugOf(c));
    const id = idParam(c, 'id', 'Kommentaren');
    const row = view.rows.find((r) => r.comment.id === id);
    if (!row) throw notFound('Kommentaren');
    const done = c.req.query('klart');
    const message = done === '1' ? t().moderatedMailed : done === '2' ? t().moderatedNotMailed : undefined;
    return html(c, <ModerateCommentPage view={view} row={row} failed={failed} message={message} />, status as 200);
  };

  web.get(`${BASE}/moderering/${ID}`, (c) => moderatePage(c));

  for (const [suffix, action, use] of [
    ['dolj', 'hide', hideComment],
    ['visa', 'restore', restoreComment],
  ] as const) {
    web.post(`${BASE}/moderering/${ID}/${suffix}`, async (c) => {
      const slug = slugOf(c);
      const id = idParam(c, 'id', 'Kommentaren');
      const posted = await postedForm(c);
      const result = await attempt(() => use(ctx, slug, id, posted, siteOrigin(c)));
      if (result.ok)
        return c.redirect(`${localized(moderateCommentPath(slug, id))}?klart=${result.value.mailed ? 1 : 2}`, 303);
      const reason = typeof posted.reason === 'string' ? posted.reason : '';
      return moderatePage(c, { action, problems: result.problems, reason }, statusOf[result.error.code]);
    });
  }

  // Answers and themes.
  const answersPage = async (c: Context, theme?: ThemeFormValues, failure?: Failure) =>
    html(
      c,
      <ConsultationAnswersPage
        view={await getAnswering(ctx, slugOf(c))}
        theme={theme ?? EMPTY_THEME_FORM}
        problems={failure?.problems}
        message={!failure && c.req.query('sparat') === 'tema' ? t().grouped : undefined}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );

  web.get(`${BASE}/svar`, (c) => answersPage(c));

  web.post(`${BASE}/svar/teman`, async (c) => {
    const slug = slugOf(c);
    const posted = await postedForm(c);
    const result = await attempt(() => groupInTheme(ctx, slug, posted));
    if (result.ok) return c.redirect(`${localized(answersPath(slug))}?sparat=tema`, 303);
    return answersPage(c, postedValues(EMPTY_THEME_FORM, posted), result);
  });

  const answerRoutes = (
    pattern: string,
    which: (c: Context) => AnswerSubject,
    path: (slug: string, id: number) => string,
  ) => {
    const page = async (c: Context, values?: AnswerFormValues, failure?: Failure) => {
      const view = await getAnswerForm(ctx, slugOf(c), which(c));
      const comments = await readRepos(ctx).consultations.comments(view.consultation.id);
      const saved = c.req.query('sparat');
      return html(
        c,
        <ConsultationAnswerPage
          view={view}
          numbers={commentNumbers(comments)}
          values={values ?? answerFormValues(view.answer)}
          problems={failure?.problems}
          message={
            failure
              ? undefined
              : saved === 'utkast'
                ? t().answerSavedDraft
                : saved === 'publicerat'
                  ? t().answerPublished
                  : undefined
          }
        />,
        failure ? statusOf[failure.error.code] : 200,
      );
    };
    web.get(pattern, (c) => page(c));
    web.post(pattern, async (c) => {
      const slug = slugOf(c);
      const subject = which(c);
      const posted = await postedForm(c);
      const result = await attempt(() => saveAnswer(ctx, slug, subject, posted));
      const id = 'commentId' in subject ? subject.commentId : subject.themeId;
      if (result.ok)
        return c.redirect(
          `${localized(path(slug, id))}?sparat=${result.value.status === 'published' ? 'publicerat' : 'utkast'}`,
          303,
        );
      return page(c, postedValues(EMPTY_ANSWER_FORM, posted), result);
    });
  };
  answerRoutes(
    `${BASE}/svar/kommentarer/${ID}`,
    (c) => ({ commentId: idParam(c, 'id', 'Kommentaren') }),
    answerCommentPath,
  );
  answerRoutes(`${BASE}/svar/teman/${ID}`, (c) => ({ themeId: idParam(c, 'id', 'Temat') }), answerThemePath);

  // The samrådsredogörelse: page, Word and PDF, and the comments as CSV.
  for (const format of DOCUMENT_FORMATS) {
    web.get(`${BASE}/redogorelse${FORMAT_SUFFIX[format]}`, async (c) => {
      const slug = slugOf(c);
      const doc = await getConsultationReport(ctx, slug);
      const htmlPath = c.req.path.slice(0, c.req.path.length - FORMAT_SUFFIX[format].length);
      return sendDocument(c, doc, format, pdfPrinter, htmlPath, {
        href: consultationPath(slug),
        label: t().toConsultation,
      });
    });
  }

  web.get(`${BASE}/redogorelse.csv`, async (c) => {
    const table = await getConsultationCsvTable(ctx, slugOf(c));
    return c.body(toCsv(table.columns, table.rows), 200, {
      'Content-Type': CSV_TYPE,
      'Content-Disposition': contentDispositionAttachment(table.fileName),
      'Cache-Control': 'private, no-store',
    });
  });

  return web;
}
