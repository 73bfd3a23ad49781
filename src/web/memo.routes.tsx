import type { PdfPrinter } from '../documents/pdf-printer.js';
import { Hono, type Context } from 'hono';
import type { AppContext } from '../app/context.js';
import { getMemo, getMemoOverview } from '../app/memos/get-memos.js';
import { saveMemo } from '../app/memos/save-memo.js';
import { allows } from '../domain/auth/policies.js';
import type { DomainError, FieldProblem } from '../domain/errors.js';
import { statusOf } from '../http/error-mapping.js';
import { requireWriteAccess } from '../http/require-policy.js';
import { memoPath } from './document-paths.js';
import { MemoEditPage, memoFormValues, EMPTY_MEMO_FORM, type MemoFormValues } from './pages/memo-edit.page.js';
import { MemoListPage } from './pages/memo-list.page.js';
import { attempt, html } from './render.js';
import { postedForm, postedValues } from './route-params.js';

type Failure = { error: DomainError; problems: FieldProblem[] };

const MEMBER = ':code{[0-9]+}';

/** The members' memos on a proposed version: the overview of the eight, and each member's texts. */
export function memoRoutes(ctx: AppContext, pdfPrinter: PdfPrinter): Hono {
  const web = new Hono();
  web.on('POST', `/program/:slug/tjansteskrivelser/${MEMBER}`, requireWriteAccess(ctx, 'edit_memo'));

  web.get('/program/:slug/tjansteskrivelser', async (c) => {
    const overview = await getMemoOverview(ctx, c.req.param('slug'));
    return html(
      c,
      <MemoListPage programme={overview.programme} rows={overview.rows} pdfAvailable={pdfPrinter.available()} />,
    );
  });

  const memoPage = async (c: Context, values?: MemoFormValues, failure?: Failure) => {
    const view = await getMemo(ctx, c.req.param('slug')!, c.req.param('code')!);
    const conflict = failure?.error.code === 'conflict' ? failure.error.message : undefined;
    return html(
      c,
      <MemoEditPage
        view={view}
        values={values ?? memoFormValues(view)}
        mayEdit={allows(ctx.principal, 'edit_memo', { memberId: view.member.id })}
        problems={failure?.problems}
        conflict={conflict}
        saved={c.req.query('sparat') === '1' ? 'Tjänsteskrivelsens texter är sparade.' : undefined}
        pdfAvailable={pdfPrinter.available()}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get(`/program/:slug/tjansteskrivelser/${MEMBER}`, (c) => memoPage(c));

  web.post(`/program/:slug/tjansteskrivelser/${MEMBER}`, async (c) => {
    const slug = c.req.param('slug');
    const code = c.req.param('code');
    const posted = await postedForm(c);
    const result = await attempt(() => saveMemo(ctx, slug, code, posted));
    if (result.ok) return c.redirect(`${memoPath(slug, code)}?sparat=1`, 303);
    return memoPage(c, postedValues(EMPTY_MEMO_FORM, posted), result);
  });

  return web;
}
