import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import type { PdfPrinter } from '../documents/pdf-printer.js';
import { documentRoutes } from './document.routes.js';
import { decisionDocumentRoutes } from './decision-document.routes.js';
import { consultationRoutes } from './consultation.routes.js';
import { draftRoutes } from './draft.routes.js';
import { eventRoutes } from './event.routes.js';
import { findabilityRoutes } from './findability.routes.js';
import { historyRoutes } from './history.routes.js';
import { followUpRoutes } from './follow-up.routes.js';
import { indicatorRoutes } from './indicator.routes.js';
import { jobsRoutes } from './jobs.routes.js';
import { planRoutes } from './plan.routes.js';
import { progressRoutes } from './progress.routes.js';
import { readRoutes } from './read.routes.js';
import { memoRoutes } from './memo.routes.js';
import { openDataRoutes } from './open-data.routes.js';
import { resultsRoutes } from './results.routes.js';
import { requirePolicy } from '../http/require-policy.js';

const EDITING_PATHS = [
  '/program/nytt',
  '/program/:slug/redigera',
  '/program/:slug/perspektiv',
  '/program/:slug/perspektiv/*',
  '/program/:slug/omraden',
  '/program/:slug/omraden/*',
  '/program/:slug/mal',
  '/program/:slug/mal/*',
  '/program/:slug/foresla',
];

/** All HTML pages. Draft routes first: `/program/nytt` must win over `/program/:slug`. */
export function webRoutes(ctx: AppContext, pdfPrinter: PdfPrinter): Hono {
  const web = new Hono();
  // Every page of the draft editor is the secretariat's; the use cases check the same policy on save.
  for (const path of EDITING_PATHS) web.use(path, requirePolicy(ctx, 'edit_programme'));
  web.route('/', draftRoutes(ctx));
  web.route('/', readRoutes(ctx, pdfPrinter));
  web.route('/', decisionDocumentRoutes(ctx));
  web.route('/', historyRoutes(ctx));
  web.route('/', indicatorRoutes(ctx, pdfPrinter));
  web.route('/', planRoutes(ctx));
  web.route('/', followUpRoutes(ctx));
  web.route('/', resultsRoutes(ctx, pdfPrinter));
  web.route('/', progressRoutes(ctx));
  web.route('/', documentRoutes(ctx, pdfPrinter));
  web.route('/', memoRoutes(ctx, pdfPrinter));
  web.route('/', consultationRoutes(ctx, pdfPrinter));
  web.route('/', eventRoutes(ctx));
  web.route('/', openDataRoutes(ctx));
  web.route('/', findabilityRoutes(ctx));
  web.route('/', jobsRoutes(ctx));
  return web;
}
