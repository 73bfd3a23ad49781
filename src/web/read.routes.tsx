import type { PdfPrinter } from '../documents/pdf-printer.js';
import { Hono } from 'hono';
import { consultationLink } from './consultation.routes.js';
import { getAdoption, type AdoptionOverview } from '../app/adoption/get-adoption.js';
import { allows } from '../domain/auth/policies.js';
import { recordDecision } from '../app/adoption/record-decision.js';
import { getCollaboration } from '../app/collaboration.js';
import type { AppContext } from '../app/context.js';
import { comparePrograms } from '../app/programmes/diff-programmes.js';
import { getProgramme } from '../app/programmes/get-programme.js';
import { latestProgrammeWithGoals, listProgrammes } from '../app/programmes/list-programmes.js';
import { checkProposable } from '../domain/programme/proposal-rules.js';
import { statusOf } from '../http/error-mapping.js';
import { requireWriteAccess } from '../http/require-policy.js';
import { AboutPage, AccessibilityPage } from './pages/info.page.js';
import { AdoptionIndexPage, AdoptionPage } from './pages/adoption.page.js';
import { ProgrammeListPage } from './pages/programme-list.page.js';
import { ProgrammePage } from './pages/programme.page.js';
import { StartPage } from './pages/start.page.js';
import { ComparePage, VersionsPage } from './pages/versions.page.js';
import { pageForThePublic } from './public-pages.js';
import { attempt, formValues, html } from './render.js';

/** Which decisions the person viewing may record, so the form offers only those. */
const decisionRights = (ctx: AppContext, overview: AdoptionOverview) => ({
  memberIds: overview.members
    .filter((m) => allows(ctx.principal, 'record_member_decision', { memberId: m.member.id }))
    .map((m) => m.member.id),
  committee: allows(ctx.principal, 'record_committee_decision'),
  signedIn: ctx.principal.signedIn,
  mayReadMemos: allows(ctx.principal, 'read_internal'),
});

/** Pages that show the cooperation, its programmes, their adoption and versions; and recording a decision. */
export function readRoutes(ctx: AppContext, pdfPrinter: PdfPrinter): Hono {
  const web = new Hono();

  const forThePublic = pageForThePublic(ctx);

  web.get('/', (c) =>
    forThePublic(c, async () => {
      const [view, items] = await Promise.all([getCollaboration(ctx), listProgrammes(ctx)]);
      const inForce = items.filter((i) => i.status.kind === 'in_force').at(-1);
      const latestWithGoals = await latestProgrammeWithGoals(ctx, items);
      return <StartPage view={view} inForce={inForce} latestWithGoals={latestWithGoals} />;
    }),
  );

  web.get('/program', (c) =>
    forThePublic(c, async () => {
      const [{ collaboration }, items] = await Promise.all([getCollaboration(ctx), listProgrammes(ctx)]);
      return <ProgrammeListPage items={items} collaborationName={collaboration.name} />;
    }),
  );

  web.get('/program/:slug', (c) =>
    forThePublic(c, async () => {
      const [view, { networks }] = await Promise.all([getProgramme(ctx, c.req.param('slug')), getCollaboration(ctx)]);
      const proposalProblems = view.programme.state === 'draft' ? checkProposable(view.programme) : [];
      return (
        <ProgrammePage
          view={view}
          networks={networks}
          proposalProblems={proposalProblems}
          mayReadMemos={allows(ctx.principal, 'read_internal')}
          pdfAvailable={pdfPrinter.available()}
          consultation={await consultationLink(ctx, view.programme)}
        />
      );
    }),
  );

  web.get('/antagande', (c) =>
    forThePublic(c, async () => {
      const items = await listProgrammes(ctx);
      const rows = items
        .filter((i) => i.programme.state !== 'draft')
        .map((i) => ({
          slug: i.programme.slug,
          name: i.programme.name,
          nameEn: i.programme.nameEn ?? '',
          status: i.status,
          adoptionRule: i.programme.adoptionRule,
        }));
      return <AdoptionIndexPage rows={rows} />;
    }),
  );

  web.get('/program/:slug/antagande', (c) =>
    forThePublic(c, async () => {
      const overview = await getAdoption(ctx, c.req.param('slug'));
      return (
        <AdoptionPage
          overview={overview}
          recorded={c.req.query('registrerat') === '1'}
          rights={decisionRights(ctx, overview)}
          pdfAvailable={pdfPrinter.available()}
        />
      );
    }),
  );

  // Refused before the form is read unless the person may record some member's or the committee's decisions;
  // recordDecision decides for the member the decision names.
  web.on(
    'POST',
    '/program/:slug/beslut',
    requireWriteAccess(ctx, 'record_member_decision', 'record_committee_decision'),
  );
  web.post('/program/:slug/beslut', async (c) => {
    const slug = c.req.param('slug');
    const values = await formValues(c);
    const result = await attempt(() => recordDecision(ctx, slug, values));
    if (result.ok) return c.redirect(`/program/${slug}/antagande?registrerat=1`, 303);
    const overview = await getAdoption(ctx, slug);
    return html(
      c,
      <AdoptionPage
        overview={overview}
        form={{ values, problems: result.problems }}
        rights={decisionRights(ctx, overview)}
        pdfAvailable={pdfPrinter.available()}
      />,
      statusOf[result.error.code],
    );
  });

  web.get('/versioner', (c) => forThePublic(c, async () => <VersionsPage items={await listProgrammes(ctx)} />));

  web.get('/versioner/jamfor', (c) =>
    forThePublic(c, async () => {
      const from = c.req.query('fran') ?? '';
      const to = c.req.query('till') ?? '';
      const [comparison, items] = await Promise.all([comparePrograms(ctx, from, to), listProgrammes(ctx)]);
      return <ComparePage comparison={comparison} items={items} />;
    }),
  );

  web.get('/om', (c) => forThePublic(c, async () => <AboutPage view={await getCollaboration(ctx)} />));
  web.get('/tillganglighet', (c) => forThePublic(c, async () => <AccessibilityPage />));
  return web;
}
