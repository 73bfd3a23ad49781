import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import { statusOf } from '../http/error-mapping.js';
import { requirePolicy } from '../http/require-policy.js';
import { jobsOverview, requestJobRun } from '../jobs/jobs-overview.js';
import { JOBS_PATH, JobsPage } from './pages/jobs.page.js';
import { attempt, html } from './render.js';
import { postedForm } from './route-params.js';

const REQUEST_PARAMS = { begart: 'queued', redan: 'already' } as const;

/** The scheduled jobs page and its "Kör nu" (the secretariat's: manage_jobs). */
export function jobsRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  for (const path of [JOBS_PATH, `${JOBS_PATH}/*`]) web.use(path, requirePolicy(ctx, 'manage_jobs'));

  web.get(JOBS_PATH, async (c) => {
    const requested = Object.entries(REQUEST_PARAMS)
      .map(([param, request]) => ({ job: c.req.query(param) ?? '', request }))
      .find((r) => r.job !== '');
    return html(c, <JobsPage overview={await jobsOverview(ctx)} requested={requested} />);
  });

  web.post(JOBS_PATH, async (c) => {
    const posted = await postedForm(c);
    const job = typeof posted['jobb'] === 'string' ? posted['jobb'] : '';
    const result = await attempt(() => requestJobRun(ctx, job));
    if (result.ok) {
      const param = result.value === 'queued' ? 'begart' : 'redan';
      return c.redirect(`${JOBS_PATH}?${param}=${encodeURIComponent(job)}`, 303);
    }
    return html(
      c,
      <JobsPage overview={await jobsOverview(ctx)} refused={result.error.message} />,
      statusOf[result.error.code],
    );
  });
  return web;
}
