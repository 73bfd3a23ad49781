/**
 * Pages of programmes, plans and follow-up are kept whole for visitors who are not signed in, under the data
 * version (the audit trail's last position): a new report shows at once, and a signed-in reader is
 * never served the public's copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { createApp } from '../../src/compose-app.js';
import { counting } from '../support/counting-queries.js';
import { reportActivity } from '../../src/app/follow-up/report-activity.js';
import type { Activity, Plan } from '../../src/domain/plans/plan.js';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('public plan and follow-up pages on %s', (dialect) => {
  let t: TestApp;
  let plan: Plan;
  let activity: Activity;
  let roundId: number;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    const repos = readRepos(t.ctx);
    const collaborationId = (await repos.collaboration.first())!.id;
    plan = (await repos.plans.plans({ collaborationId, year: 2026 })).find((p) => p.kind === 'operational')!;
    activity = (await repos.plans.activitiesOf([plan.id]))[0]!;
    roundId = (await repos.followUp.rounds(collaborationId, 2026)).find((r) => r.name === 'Årsuppföljning')!.id;
  });
  afterAll(() => t?.close());

  const page = async (path: string, cookie = ANONYMOUS_COOKIE) =>
    (await t.app.request(`http://localhost${path}`, { headers: { Cookie: cookie } })).text();

  it('shows a new report at once on the cached roll-up, drill-down and plan pages', async () => {
    const paths = [
      `/planer/${plan.id}`,
      '/uppfoljning/2026/maluppfyllelse',
      `/uppfoljning/2026/aktiviteter?mal=${activity.goalIds[0]}&status=red`,
      '/uppfoljning/2026/arsredovisning',
    ];
    const comment = 'Årets sista rapport: avtalet är påskrivet men leveransen försenad.';
    const before = await Promise.all(paths.map((p) => page(p)));
    expect(await Promise.all(paths.map((p) => page(p)))).toEqual(before);
    for (const html of before) expect(html).not.toContain(comment);

    await reportActivity(t.ctx, activity.id, { roundId, status: 'red', progress: 90, comment });

    const after = await Promise.all(paths.map((p) => page(p)));
    for (const [i, html] of after.entries()) {
      expect(html, paths[i]).not.toEqual(before[i]);
      if (i !== 1) expect(html, paths[i]).toContain(comment);
    }
  });

  it('keeps the programme pages whole for the public until the data changes', async () => {
    const { ctx, countOf } = counting(t.ctx);
    const app = createApp(ctx);
    const paths = ['/', '/program', '/program/sup-2035', '/antagande', '/program/sup-2035/antagande', '/versioner'];
    const round = async () => {
      const pages: string[] = [];
      for (const path of paths) {
        const res = await app.request(`http://localhost${path}`);
        expect(res.status, path).toBe(200);
        pages.push(await res.text());
      }
      return pages;
    };
    const first = await round();
    // The programme page asks for its consultation, a read no other request shares.
    const consultationReads = countOf('consultations');
    expect(consultationReads).toBeGreaterThan(0);
    expect(await round()).toEqual(first);
    expect(countOf('consultations')).toBe(consultationReads);

    await createDraft(t.ctx, { from: 'sup-2035', name: 'Ett nytt utkast' });
    await round();
    expect(countOf('consultations')).toBeGreaterThan(consultationReads);
  });

  it('never serves the public’s copy to someone signed in', async () => {
    const path = `/planer/${plan.id}`;
    await page(path);
    const signedIn = await page(path, t.admin.cookie);
    expect(signedIn).toContain('Logga ut');
    expect(signedIn).toContain('name="_csrf"');
  });
});
