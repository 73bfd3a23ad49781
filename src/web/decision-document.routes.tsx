import { Hono, type Context } from 'hono';
import type { AppContext } from '../app/context.js';
import { confirmDecisionDocument } from '../app/decision-documents/confirm-decision-document.js';
import {
  decisionDocumentFile,
  getDecisionDocumentReview,
  listDecisionDocuments,
  readAndKeepDecisionDocument,
} from '../app/decision-documents/keep-decision-document.js';
import type { FieldProblem } from '../domain/errors.js';
import { statusOf } from '../http/error-mapping.js';
import { requireWriteAccess } from '../http/require-policy.js';
import { sendFile } from '../http/send-file.js';
import { decisionDocumentPath, DOCUMENT_UPLOAD_PATH } from './decision-document-paths.js';
import { DecisionDocumentReviewPage, DecisionDocumentsPage } from './pages/decision-documents.page.js';
import { attempt, formValues, html } from './render.js';
import { idParam } from './route-params.js';

/**
 * Reading a board's document to record its decision: upload or paste, review, confirm. A member's
 * officers and the secretariat; which member's decision may be recorded is the use case's check.
 */
export function decisionDocumentRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  web.on(['GET', 'POST'], DOCUMENT_UPLOAD_PATH, requireWriteAccess(ctx, 'record_member_decision'));
  web.on('POST', `${DOCUMENT_UPLOAD_PATH}/:id/bekrafta`, requireWriteAccess(ctx, 'record_member_decision'));

  const listPage = async (
    c: Context,
    values: Record<string, string> = {},
    problems: FieldProblem[] = [],
    status: 200 | 403 | 422 = 200,
  ) =>
    html(
      c,
      <DecisionDocumentsPage documents={await listDecisionDocuments(ctx)} values={values} problems={problems} />,
      status,
    );

  web.get(DOCUMENT_UPLOAD_PATH, (c) => listPage(c));

  // The size limit (MAX_DOCUMENT_BYTES) is applied by the app before the session reads the body.
  web.post(DOCUMENT_UPLOAD_PATH, async (c) => {
    const body = await c.req.parseBody();
    const file = body['fil'];
    const text = typeof body['text'] === 'string' ? body['text'] : '';
    const hasFile = file instanceof File && file.size > 0;
    if (!hasFile && text.trim() === '') {
      return listPage(
        c,
        { text },
        [{ field: 'fil', message: 'Välj en fil att läsa in, eller klistra in texten.' }],
        422,
      );
    }
    const outcome = await attempt(async () => {
      const source = hasFile
        ? { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'dokument' }
        : { text };
      return readAndKeepDecisionDocument(ctx, source);
    });
    if (outcome.ok) return c.redirect(decisionDocumentPath(outcome.value.document.id), 303);
    const field = hasFile ? 'fil' : 'text';
    const problems = outcome.problems.map((p) => ({ field, message: p.message }));
    return listPage(c, { text }, problems, outcome.error.code === 'forbidden' ? 403 : 422);
  });

  const reviewPage = async (
    c: Context,
    id: number,
    form?: { values: Record<string, string>; problems: FieldProblem[] },
    status: 200 | 403 | 409 | 422 = 200,
  ) => html(c, <DecisionDocumentReviewPage review={await getDecisionDocumentReview(ctx, id)} form={form} />, status);

  web.get(`${DOCUMENT_UPLOAD_PATH}/:id`, (c) => reviewPage(c, idParam(c, 'id', 'Dokumentet')));

  web.get(`${DOCUMENT_UPLOAD_PATH}/:id/fil`, async (c) => {
    const { document, content } = await decisionDocumentFile(ctx, idParam(c, 'id', 'Dokumentet'));
    return sendFile(c, { fileName: document.fileName, mediaType: document.mediaType, body: Buffer.from(content) });
  });

  web.post(`${DOCUMENT_UPLOAD_PATH}/:id/bekrafta`, async (c) => {
    const id = idParam(c, 'id', 'Dokumentet');
    const values = await formValues(c);
    const result = await attempt(() => confirmDecisionDocument(ctx, id, values));
    if (result.ok) return c.redirect(decisionDocumentPath(id), 303);
    const status = statusOf[result.error.code];
    return reviewPage(c, id, { values, problems: result.problems }, status as 403 | 409 | 422);
  });

  return web;
}
