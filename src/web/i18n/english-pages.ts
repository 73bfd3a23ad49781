/**
 * Which pages have an English version at `/en/…`: every page anyone may read, and nothing else. The
 * secretariat's and the networks' forms stay Swedish at their plain address; under `/en` they are not
 * routed (404), nor is any form post unless it is listed in ENGLISH_FORMS (a form the public fills in).
 *
 * Patterns are Hono's route patterns on the Swedish address (`/program/:slug`), matched with Hono's
 * own pattern router so they mean exactly what they mean in the routes.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { PatternRouter } from 'hono/router/pattern-router';
import { delocalized } from './locale.js';

/** The consultation's public forms (src/web/consultation.routes.tsx). */
const PUBLIC_CONSULTATION_FORMS = [
  '/program/:slug/samrad/del/:part',
  '/samrad/bekrafta/:token',
  '/program/:slug/samrad/kommentarer/:id{[0-9]+}/anmal',
];

/**
 * The public pages, by their Swedish address. Add a public page here to give it an English version.
 * Documents (the programme document, memos, reports) and files are Swedish only, and so are the staff's
 * pages and forms (editing, moderation, answers, settings, history).
 */
export const ENGLISH_PAGES: readonly string[] = [
  '/',
  '/program',
  '/program/:slug',
  '/program/:slug/antagande',
  '/antagande',
  '/versioner',
  '/versioner/jamfor',
  '/mal/:goalId{[0-9]+}',
  '/nyckeltal',
  '/nyckeltal/:key',
  '/nyckeltal/:key/jamforelse',
  '/planer',
  '/planer/:planId{[0-9]+}',
  '/uppfoljning',
  '/uppfoljning/:year{[0-9]{4}}/maluppfyllelse',
  '/uppfoljning/:year{[0-9]{4}}/aktiviteter',
  '/uppfoljning/:year{[0-9]{4}}/arsredovisning',
  '/om',
  '/tillganglighet',
  // The outward pages (issue 12): public progress, events, a consultation's public pages, open data.
  '/framsteg',
  '/framsteg/:slug',
  '/framsteg/:slug/mal/:goalId',
  '/evenemang',
  '/evenemang/:ref{[a-z0-9-]+}',
  ...PUBLIC_CONSULTATION_FORMS,
  '/program/:slug/samrad',
  '/oppna-data',
];

/**
 * Forms anyone may send from an English page, by Swedish address: a consultation's comment, its
 * confirmation by the link in the e-mail, and a report of a comment. They are pages too (GET).
 */
export const ENGLISH_FORMS: readonly string[] = PUBLIC_CONSULTATION_FORMS;

/** Addresses a pattern above matches that are staff forms: Swedish only. */
const SWEDISH_ONLY = new Set(['/program/nytt', '/nyckeltal/nytt', '/nyckeltal/importera', '/evenemang/nytt']);

const router = new PatternRouter<true>();
for (const pattern of ENGLISH_PAGES) router.add('GET', pattern, true);
for (const pattern of ENGLISH_FORMS) router.add('POST', pattern, true);

/** Whether the page at this Swedish address (path only) has an English version. */
export function hasEnglishVersion(path: string, method: 'GET' | 'POST' = 'GET'): boolean {
  if (SWEDISH_ONLY.has(path)) return false;
  return router.match(method, path)[0].length > 0;
}

/**
 * The pages' routes for mounting under `/en`: every GET route (and middleware), and of the form posts only
 * the public's (ENGLISH_FORMS, by their route pattern). The staff's posts are not routed there at all.
 */
export function englishRoutes(web: Hono): Hono {
  const english = new Hono();
  for (const route of web.routes) {
    const readable = route.method === 'GET' || route.method === 'ALL';
    if (readable || (route.method === 'POST' && ENGLISH_FORMS.includes(route.path)))
      english.on(route.method, route.path, route.handler);
  }
  return english;
}

/** Sets the language of every request from its address: `/en/…` English, anything else Swedish. */
export const pageLanguage: MiddlewareHandler = async (c, next) => {
  c.set('locale', delocalized(c.req.path).locale);
  await next();
};

/**
 * Under `/en`, answers 404 for what has no English version (staff pages, form posts that are not the
 * public's, files), before any route sees the request; `notFound` renders the English error page.
 */
export const englishPagesOnly =
  (notFound: (c: Context) => Response | Promise<Response>): MiddlewareHandler =>
  async (c, next) => {
    const { locale, path } = delocalized(c.req.path);
    if (locale === 'en') {
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
      if ((method !== 'GET' && method !== 'POST') || !hasEnglishVersion(path, method)) return notFound(c);
    }
    await next();
  };
