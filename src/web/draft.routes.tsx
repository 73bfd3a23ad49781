import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getCollaboration } from '../app/collaboration.js';
import type { AppContext } from '../app/context.js';
import { parseInput, versionField } from '../app/input.js';
import {
  addFocusArea,
  addGoal,
  addPerspective,
  moveFocusArea,
  removeFocusArea,
  removeGoal,
  removePerspective,
  updateFocusArea,
  updateGoal,
  updatePerspective,
  updateProgrammeFields,
} from '../app/programmes/change-draft.js';
import { createDraft } from '../app/programmes/create-draft.js';
import { notADraft } from '../app/programmes/edit-draft.js';
import { getProgramme } from '../app/programmes/get-programme.js';
import { listProgrammes } from '../app/programmes/list-programmes.js';
import { proposeProgramme } from '../app/programmes/propose-programme.js';
import { DomainError, notFound, validationFailed } from '../domain/errors.js';
import { goalsOf, type Programme } from '../domain/programme/programme.js';
import { statusOf } from '../http/error-mapping.js';
import { DraftEditorPage, SAVED_MESSAGES, type RefusedEditorForm } from './pages/draft-editor.page.js';
import type { RefusedForm } from './pages/draft-form-parts.page.js';
import { goalFormValues, GoalFormPage, savedGoalValues, type GoalFormValues } from './pages/draft-goal.page.js';
import type { PredecessorGroup } from './pages/draft-goal-predecessors.page.js';
import { NewDraftPage } from './pages/draft-new.page.js';
import { NotEditablePage } from './pages/draft-not-editable.page.js';
import { ProposeRefusedPage } from './pages/draft-propose-refused.page.js';
import { attempt, formBody, formValues, html } from './render.js';

type Failure = { error: DomainError; problems: RefusedForm['problems'] };

/** The optimistic-lock version a form was rendered with; a form without one is refused. */
const versionOf = (body: Record<string, unknown>): number => parseInput(versionField, body.version);

const idParam = (c: Context, name: string): number => Number(c.req.param(name));

const refusedOf = (failure: Failure) => ({
  problems: failure.problems,
  conflict: failure.error.code === 'conflict' ? failure.error.message : undefined,
});

/** The select only lists existing programmes; one deleted meanwhile is a problem of that field, not a 404. */
const sourceMustExist = (error: unknown): never => {
  if (error instanceof DomainError && error.code === 'not_found') {
    throw validationFailed([
      { field: 'from', message: 'Programmet du valde finns inte längre. Välj ett annat i listan.' },
    ]);
  }
  throw error;
};

function moveDirection(value: string | undefined): 'up' | 'down' {
  if (value === 'up' || value === 'down') return value;
  throw validationFailed([{ field: 'form', message: 'Välj att flytta fokusområdet upp eller ned.' }]);
}

/**
 * Goals the goal form offers as predecessors, grouped per programme: the programmes the draft derives
 * from or replaces (for an empty draft: every programme put forward), plus any programme a goal of the
 * draft already continues, so a recorded predecessor is always shown.
 */
async function predecessorGroups(ctx: AppContext, slug: string): Promise<PredecessorGroup[]> {
  const view = await getProgramme(ctx, slug);
  const own = view.programme;
  let slugs = view.predecessors.map((p) => p.slug);
  if (slugs.length === 0) {
    const items = await listProgrammes(ctx);
    slugs = items
      .filter((i) => i.programme.state !== 'draft' && i.programme.id !== own.id)
      .map((i) => i.programme.slug)
      .reverse();
  }
  const lineage = [...view.goalPredecessors.values()].flat().map((link) => link.programme.slug);
  const sources = await Promise.all([...new Set([...slugs, ...lineage])].map((s) => getProgramme(ctx, s)));
  return sources
    .map(({ programme }) => ({
      programme: { slug: programme.slug, name: programme.name },
      goals: programme.focusAreas.flatMap((area) =>
        area.goals.map((g) => ({ id: g.id, title: g.title, focusAreaName: area.name })),
      ),
    }))
    .filter((group) => group.goals.length > 0);
}

/** Which editor form a post came from, and for buttons without fields the section to point at. */
type EditorFormOf = (c: Context) => { form: string; target?: string };
type EditorChange = (c: Context, slug: string, version: number, values: Record<string, string>) => Promise<unknown>;

/** Draft editing: creating drafts, the editor, the goal form and proposing a draft for adoption. */
export function draftRoutes(ctx: AppContext): Hono {
  const web = new Hono();

  const notEditable = (c: Context, programme: Programme) =>
    html(c, <NotEditablePage programme={programme} message={notADraft().message} />, statusOf.not_a_draft);

  const editorPage = async (
    c: Context,
    slug: string,
    refused?: RefusedEditorForm,
    status: ContentfulStatusCode = 200,
  ) => {
    const [{ programme }, { networks }] = await Promise.all([getProgramme(ctx, slug), getCollaboration(ctx)]);
    if (programme.state !== 'draft') return notEditable(c, programme);
    const saved = SAVED_MESSAGES[c.req.query('sparat') ?? ''];
    return html(
      c,
      <DraftEditorPage programme={programme} networks={networks} refused={refused} saved={saved} />,
      status,
    );
  };

  /** One editor form: parse, change, then redirect to the editor, or show it again with the problems. */
  const editorPost =
    (formOf: EditorFormOf, change: EditorChange, done: (c: Context) => string) => async (c: Context) => {
      const slug = c.req.param('slug') ?? '';
      const values = await formValues(c);
      const result = await attempt(() => change(c, slug, versionOf(values), values));
      if (result.ok) return c.redirect(`/program/${slug}/redigera?sparat=${done(c)}`, 303);
      const refused = { ...formOf(c), values, ...refusedOf(result) };
      return editorPage(c, slug, refused, statusOf[result.error.code]);
    };

  const goalPage = async (
    c: Context,
    slug: string,
    goalId: number | null,
    posted?: GoalFormValues,
    failure?: Failure,
  ) => {
    const [{ programme }, { networks }, groups] = await Promise.all([
      getProgramme(ctx, slug),
      getCollaboration(ctx),
      predecessorGroups(ctx, slug),
    ]);
    if (programme.state !== 'draft') return notEditable(c, programme);
    const goal = goalsOf(programme).find((g) => g.id === goalId) ?? null;
    // A goal removed meanwhile: show the typed text as a new goal rather than lose it.
    if (goalId !== null && !goal && !posted) throw notFound('Målet');
    const values = posted ?? savedGoalValues(goal, c.req.query('omrade') ?? '');
    const page = (
      <GoalFormPage
        programme={programme}
        goal={goal}
        values={values}
        networks={networks}
        predecessorGroups={groups}
        refused={failure && refusedOf(failure)}
      />
    );
    return html(c, page, failure ? statusOf[failure.error.code] : 200);
  };

  // ---- New draft
  web.get('/program/nytt', async (c) =>
    html(
      c,
      <NewDraftPage items={await listProgrammes(ctx)} values={{ from: c.req.query('fran') ?? '' }} problems={[]} />,
    ),
  );

  web.post('/program/nytt', async (c) => {
    const values = await formValues(c);
    const result = await attempt(() => createDraft(ctx, values).catch(sourceMustExist));
    if (result.ok) return c.redirect(`/program/${result.value.slug}/redigera`, 303);
    return html(
      c,
      <NewDraftPage items={await listProgrammes(ctx)} values={values} problems={result.problems} />,
      statusOf[result.error.code],
    );
  });

  // ---- The editor and its small forms
  web.get('/program/:slug/redigera', (c) => editorPage(c, c.req.param('slug')));

  web.post(
    '/program/:slug/redigera',
    editorPost(
      () => ({ form: 'fields' }),
      (_c, slug, version, values) => updateProgrammeFields(ctx, slug, version, values),
      () => 'uppgifter',
    ),
  );
  web.post(
    '/program/:slug/perspektiv',
    editorPost(
      () => ({ form: 'perspective-new' }),
      (_c, slug, version, values) => addPerspective(ctx, slug, version, values),
      () => 'perspektiv-tillagt',
    ),
  );
  web.post(
    '/program/:slug/perspektiv/:id{[0-9]+}',
    editorPost(
      (c) => ({ form: `perspective-${idParam(c, 'id')}` }),
      (c, slug, version, values) => updatePerspective(ctx, slug, version, idParam(c, 'id'), values),
      () => 'perspektiv',
    ),
  );
  web.post(
    '/program/:slug/perspektiv/:id{[0-9]+}/ta-bort',
    editorPost(
      () => ({ form: 'action', target: 'perspektiv' }),
      (c, slug, version) => removePerspective(ctx, slug, version, idParam(c, 'id')),
      () => 'perspektiv-borttaget',
    ),
  );
  web.post(
    '/program/:slug/omraden',
    editorPost(
      () => ({ form: 'area-new' }),
      (_c, slug, version, values) => addFocusArea(ctx, slug, version, values),
      () => 'omrade-tillagt',
    ),
  );
  web.post(
    '/program/:slug/omraden/:id{[0-9]+}',
    editorPost(
      (c) => ({ form: `area-${idParam(c, 'id')}` }),
      (c, slug, version, values) => updateFocusArea(ctx, slug, version, idParam(c, 'id'), values),
      () => 'omrade',
    ),
  );
  web.post(
    '/program/:slug/omraden/:id{[0-9]+}/flytta',
    editorPost(
      (c) => ({ form: 'action', target: `omrade-${idParam(c, 'id')}` }),
      (c, slug, version, values) =>
        moveFocusArea(ctx, slug, version, idParam(c, 'id'), moveDirection(values.direction)),
      // Back to the moved area, so pressing "Flytta upp" again is one Tab away.
      (c) => `omrade-flyttat#omrade-${idParam(c, 'id')}`,
    ),
  );
  web.post(
    '/program/:slug/omraden/:id{[0-9]+}/ta-bort',
    editorPost(
      () => ({ form: 'action', target: 'omraden' }),
      (c, slug, version) => removeFocusArea(ctx, slug, version, idParam(c, 'id')),
      () => 'omrade-borttaget',
    ),
  );
  web.post(
    '/program/:slug/mal/:goalId{[0-9]+}/ta-bort',
    editorPost(
      () => ({ form: 'action', target: 'omraden' }),
      (c, slug, version) => removeGoal(ctx, slug, version, idParam(c, 'goalId')),
      () => 'mal-borttaget',
    ),
  );

  // ---- The goal form (new before :goalId, which only matches digits anyway)
  web.get('/program/:slug/mal/nytt', (c) => goalPage(c, c.req.param('slug'), null));
  web.get('/program/:slug/mal/:goalId{[0-9]+}', (c) => goalPage(c, c.req.param('slug'), idParam(c, 'goalId')));

  web.post('/program/:slug/mal', async (c) => {
    const slug = c.req.param('slug');
    const body = await formBody(c);
    const result = await attempt(() => addGoal(ctx, slug, versionOf(body), body));
    if (result.ok) return c.redirect(`/program/${slug}/redigera?sparat=mal#mal-${result.value}`, 303);
    return goalPage(c, slug, null, goalFormValues(body), result);
  });

  web.post('/program/:slug/mal/:goalId{[0-9]+}', async (c) => {
    const slug = c.req.param('slug');
    const goalId = idParam(c, 'goalId');
    const body = await formBody(c);
    const result = await attempt(() => updateGoal(ctx, slug, versionOf(body), goalId, body));
    if (result.ok) return c.redirect(`/program/${slug}/redigera?sparat=mal#mal-${goalId}`, 303);
    return goalPage(c, slug, goalId, goalFormValues(body), result);
  });

  // ---- Proposing (the form is on the programme page)
  web.post('/program/:slug/foresla', async (c) => {
    const slug = c.req.param('slug');
    const values = await formValues(c);
    const result = await attempt(() => proposeProgramme(ctx, slug, versionOf(values)));
    if (result.ok) return c.redirect(`/program/${slug}/antagande`, 303);
    const { programme } = await getProgramme(ctx, slug);
    const { code } = result.error;
    const message =
      code === 'validation_failed' ? result.problems.map((p) => p.message).join(' ') : result.error.message;
    return html(
      c,
      <ProposeRefusedPage programme={programme} code={code} message={message} problems={result.problems} />,
      statusOf[code],
    );
  });

  return web;
}
