import { Hono, type Context } from 'hono';
import type { AppContext } from '../app/context.js';
import { copyPlanToNextYear, nextYearPlanOf } from '../app/plans/copy-plan.js';
import { createPlan } from '../app/plans/create-plan.js';
import { addActivity, removeActivity, updateActivity } from '../app/plans/edit-activities.js';
import { activityFormChoices, newPlanChoices, planDecisionChoices } from '../app/plans/plan-form-choices.js';
import { planOverview } from '../app/plans/plan-overview.js';
import { getPlanPage } from '../app/plans/plan-page.js';
import { recordPlanDecision } from '../app/plans/record-plan-decision.js';
import { submitPlan } from '../app/plans/submit-plan.js';
import { updatePlan } from '../app/plans/update-plan.js';
import { loadDraftToEdit } from '../app/plans/plan-access.js';
import { readRepos } from '../app/context.js';
import { validationFailed, type DomainError, type FieldProblem } from '../domain/errors.js';
import { statusOf } from '../http/error-mapping.js';
import { requirePolicy, requireWriteAccess } from '../http/require-policy.js';
import {
  ACTIVITY_LIST_FIELDS,
  ActivityFormPage,
  activityFormValues,
  emptyActivityForm,
  type ActivityFormValues,
} from './pages/plan-activity-form.page.js';
import { RemoveActivityPage } from './pages/plan-activity-remove.page.js';
import { EMPTY_PLAN_DECISION, PlanDecisionPage, type PlanDecisionValues } from './pages/plan-decision.page.js';
import { PlanEditPage, planEditValues, type PlanEditValues } from './pages/plan-edit.page.js';
import { PlanListPage } from './pages/plan-list.page.js';
import { emptyNewPlanForm, PlanNewPage, type NewPlanFormValues } from './pages/plan-new.page.js';
import { NEW_PLAN_PATH, planPath, PLANS_PATH, type Refusal } from './pages/plan-parts.page.js';
import { PlanViewPage } from './pages/plan-view.page.js';
import { pageForThePublic } from './public-pages.js';
import { attempt, html } from './render.js';
import { idParam, postedForm, postedValues } from './route-params.js';

type Failure = { error: DomainError; problems: FieldProblem[] };

/** Confirmations on the plan page after Post/Redirect/Get (`?sparat=…`). */
const SAVED_MESSAGES: Record<string, string> = {
  skapad: 'Planen är skapad som utkast.',
  kopierad:
    'Nästa års plan är skapad som utkast. Aktiviteterna som inte var slutförda följde med och är märkta ”Överförd från”.',
  andrad: 'Planens namn och inledning är sparade.',
  'aktivitet-tillagd': 'Aktiviteten är tillagd.',
  'aktivitet-andrad': 'Aktiviteten är sparad.',
  'aktivitet-borttagen': 'Aktiviteten är borttagen.',
  inlamnad: 'Planen är inlämnad till samarbetskommittén.',
  beslut: 'Samarbetskommitténs beslut är registrerat.',
};

const saved = (c: Context) => SAVED_MESSAGES[c.req.query('sparat') ?? ''];

const planIdOf = (c: Context) => idParam(c, 'planId', 'Planen');
const activityIdOf = (c: Context) => idParam(c, 'activityId', 'Aktiviteten');

/** The list filter from the address: a network key and a year, each optional. */
function listFilter(c: Context): { network: string; year: string } {
  const network = c.req.query('natverk') ?? '';
  const year = c.req.query('ar') ?? '';
  if (year !== '' && !/^\d{4}$/.test(year))
    throw validationFailed([{ field: 'ar', message: 'Året anges med fyra siffror, till exempel 2027.' }]);
  if (network !== '' && !/^[a-z0-9-]{1,60}$/.test(network))
    throw validationFailed([{ field: 'natverk', message: 'Välj ett nätverk i listan.' }]);
  return { network, year };
}

/** The chief networks' yearly plans and their activities. */
export function planRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  // Every form here is refused (401/403) before it is read unless the person may do that kind of change for
  // some network; the use cases decide for the plan's own network.
  const PLAN = '/planer/:planId{[0-9]+}';
  const ACTIVITY = `${PLAN}/aktiviteter/:activityId{[0-9]+}`;
  web.on(
    'POST',
    [
      NEW_PLAN_PATH,
      `${PLAN}/kopiera`,
      `${PLAN}/redigera`,
      `${PLAN}/handlingsplaner/ny`,
      `${PLAN}/aktiviteter/ny`,
      `${ACTIVITY}/redigera`,
      `${ACTIVITY}/ta-bort`,
    ],
    requireWriteAccess(ctx, 'edit_plan'),
  );
  web.on('POST', `${PLAN}/lamna-in`, requireWriteAccess(ctx, 'submit_plan'));
  web.on('POST', `${PLAN}/beslut`, requirePolicy(ctx, 'record_committee_decision'));

  web.get(PLANS_PATH, async (c) => {
    const filter = listFilter(c);
    const overview = await planOverview(ctx, {
      ...(filter.network ? { network: filter.network } : {}),
      ...(filter.year ? { year: Number(filter.year) } : {}),
    });
    return html(c, <PlanListPage overview={overview} filter={filter} />);
  });

  // ---- A new operational plan (before /planer/:planId)
  const newPlanForm = async (c: Context, values?: NewPlanFormValues, failure?: Failure, parentId?: number) => {
    const choices = await newPlanChoices(ctx, parentId);
    const initial = values ?? emptyNewPlanForm(choices.years[1] ?? choices.years[0]!);
    return html(
      c,
      <PlanNewPage choices={choices} values={initial} problems={failure?.problems} />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get(NEW_PLAN_PATH, (c) => newPlanForm(c));

  web.post(NEW_PLAN_PATH, async (c) => {
    const posted = await postedForm(c);
    const result = await attempt(() => createPlan(ctx, { ...posted, kind: 'operational', parentPlanId: null }));
    if (result.ok) return c.redirect(`${planPath(result.value.id)}?sparat=skapad`, 303);
    return newPlanForm(c, postedValues(emptyNewPlanForm(0), posted), result);
  });

  // ---- The plan
  const forThePublic = pageForThePublic(ctx);
  /** A refusal for who you are is the error page's (401/403), not a message on a plan you may not see. */
  const throwIfNotAllowed = (error: DomainError) => {
    if (error.code === 'unauthenticated' || error.code === 'forbidden') throw error;
  };
  const planPage = async (c: Context, planId: number, refusal?: Refusal, status: 200 | 409 | 422 | 403 = 200) =>
    html(c, <PlanViewPage page={await getPlanPage(ctx, planId)} saved={saved(c)} refusal={refusal} />, status);

  web.get('/planer/:planId{[0-9]+}', (c) => {
    const planId = planIdOf(c);
    return forThePublic(c, async () => <PlanViewPage page={await getPlanPage(ctx, planId)} saved={saved(c)} />);
  });

  web.post('/planer/:planId{[0-9]+}/kopiera', async (c) => {
    const planId = planIdOf(c);
    const result = await attempt(() => copyPlanToNextYear(ctx, planId));
    if (result.ok) return c.redirect(`${planPath(result.value.id)}?sparat=kopierad`, 303);
    throwIfNotAllowed(result.error);
    const existing = result.error.code === 'conflict' ? await nextYearPlanOf(ctx, planId) : undefined;
    return planPage(
      c,
      planId,
      {
        title: 'Nästa års plan skapades inte',
        message: result.problems.map((p) => p.message).join(' '),
        ...(existing ? { link: { href: planPath(existing.id), label: `Öppna ${existing.title}` } } : {}),
      },
      statusOf[result.error.code] as 409 | 422 | 403,
    );
  });

  web.post('/planer/:planId{[0-9]+}/lamna-in', async (c) => {
    const planId = planIdOf(c);
    const result = await attempt(() => submitPlan(ctx, planId));
    if (result.ok) return c.redirect(`${planPath(planId)}?sparat=inlamnad`, 303);
    throwIfNotAllowed(result.error);
    return planPage(
      c,
      planId,
      { title: 'Planen lämnades inte in', message: result.problems.map((p) => p.message).join(' ') },
      statusOf[result.error.code] as 409 | 422 | 403,
    );
  });

  // ---- Name and introduction
  const editForm = async (c: Context, planId: number, values?: PlanEditValues, failure?: Failure) => {
    const plan = await loadDraftToEdit(ctx, readRepos(ctx), planId);
    const conflict = failure?.error.code === 'conflict' ? failure.error.message : undefined;
    return html(
      c,
      <PlanEditPage
        plan={plan}
        values={values ?? planEditValues(plan)}
        problems={failure?.problems}
        conflict={conflict}
      />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get('/planer/:planId{[0-9]+}/redigera', (c) => editForm(c, planIdOf(c)));

  web.post('/planer/:planId{[0-9]+}/redigera', async (c) => {
    const planId = planIdOf(c);
    const posted = await postedForm(c);
    const result = await attempt(() => updatePlan(ctx, planId, posted));
    if (result.ok) return c.redirect(`${planPath(planId)}?sparat=andrad`, 303);
    return editForm(c, planId, postedValues({ title: '', summary: '', version: '' }, posted), result);
  });

  // ---- A new action plan under an operational plan
  web.get('/planer/:planId{[0-9]+}/handlingsplaner/ny', (c) => newPlanForm(c, undefined, undefined, planIdOf(c)));

  web.post('/planer/:planId{[0-9]+}/handlingsplaner/ny', async (c) => {
    const parentId = planIdOf(c);
    const { parent } = await newPlanChoices(ctx, parentId);
    const posted = await postedForm(c);
    const result = await attempt(() =>
      createPlan(ctx, {
        title: posted.title,
        summary: posted.summary,
        kind: 'action',
        parentPlanId: parent!.id,
        networkId: parent!.networkId,
        year: parent!.year,
      }),
    );
    if (result.ok) return c.redirect(`${planPath(result.value.id)}?sparat=skapad`, 303);
    return newPlanForm(c, postedValues(emptyNewPlanForm(parent!.year), posted), result, parentId);
  });

  // ---- Activities
  const activityForm = async (
    c: Context,
    planId: number,
    activityId?: number,
    values?: ActivityFormValues,
    failure?: Failure,
  ) => {
    const choices = await activityFormChoices(ctx, planId, activityId);
    const initial =
      values ?? (choices.activity ? activityFormValues(choices.activity) : emptyActivityForm(choices.plan.year));
    const conflict = failure?.error.code === 'conflict' ? failure.error.message : undefined;
    return html(
      c,
      <ActivityFormPage choices={choices} values={initial} problems={failure?.problems} conflict={conflict} />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };
  const activityValues = (posted: Record<string, string | string[]>) => {
    const values = postedValues(emptyActivityForm(0), posted);
    for (const field of ACTIVITY_LIST_FIELDS) values[field] = values[field].filter((v) => v !== '');
    return values;
  };

  web.get('/planer/:planId{[0-9]+}/aktiviteter/ny', (c) => activityForm(c, planIdOf(c)));

  web.post('/planer/:planId{[0-9]+}/aktiviteter/ny', async (c) => {
    const planId = planIdOf(c);
    const posted = await postedForm(c);
    const result = await attempt(() => addActivity(ctx, planId, posted));
    if (result.ok) return c.redirect(`${planPath(planId)}?sparat=aktivitet-tillagd`, 303);
    return activityForm(c, planId, undefined, activityValues(posted), result);
  });

  web.get('/planer/:planId{[0-9]+}/aktiviteter/:activityId{[0-9]+}/redigera', (c) =>
    activityForm(c, planIdOf(c), activityIdOf(c)),
  );

  web.post('/planer/:planId{[0-9]+}/aktiviteter/:activityId{[0-9]+}/redigera', async (c) => {
    const [planId, activityId] = [planIdOf(c), activityIdOf(c)];
    const posted = await postedForm(c);
    const result = await attempt(() => updateActivity(ctx, planId, activityId, posted));
    if (result.ok) return c.redirect(`${planPath(planId)}?sparat=aktivitet-andrad`, 303);
    return activityForm(c, planId, activityId, activityValues(posted), result);
  });

  const removePage = async (c: Context, planId: number, activityId: number, failure?: Failure) => {
    const choices = await activityFormChoices(ctx, planId, activityId);
    const refusal = failure && {
      title: 'Aktiviteten togs inte bort',
      message: failure.problems.map((p) => p.message).join(' '),
    };
    // The page shows the activity as it is now and asks at its version (again, after a change meanwhile).
    return html(
      c,
      <RemoveActivityPage choices={{ ...choices, activity: choices.activity! }} refusal={refusal} />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get('/planer/:planId{[0-9]+}/aktiviteter/:activityId{[0-9]+}/ta-bort', (c) =>
    removePage(c, planIdOf(c), activityIdOf(c)),
  );

  web.post('/planer/:planId{[0-9]+}/aktiviteter/:activityId{[0-9]+}/ta-bort', async (c) => {
    const [planId, activityId] = [planIdOf(c), activityIdOf(c)];
    const posted = await postedForm(c);
    const result = await attempt(() => removeActivity(ctx, planId, activityId, posted));
    if (result.ok) return c.redirect(`${planPath(planId)}?sparat=aktivitet-borttagen`, 303);
    return removePage(c, planId, activityId, result);
  });

  // ---- The committee's decision
  const decisionForm = async (c: Context, planId: number, values?: PlanDecisionValues, failure?: Failure) => {
    const plan = await planDecisionChoices(ctx, planId);
    return html(
      c,
      <PlanDecisionPage plan={plan} values={values ?? EMPTY_PLAN_DECISION} problems={failure?.problems} />,
      failure ? statusOf[failure.error.code] : 200,
    );
  };

  web.get('/planer/:planId{[0-9]+}/beslut', (c) => decisionForm(c, planIdOf(c)));

  web.post('/planer/:planId{[0-9]+}/beslut', async (c) => {
    const planId = planIdOf(c);
    const posted = await postedForm(c);
    const result = await attempt(() => recordPlanDecision(ctx, planId, posted));
    if (result.ok) return c.redirect(`${planPath(planId)}?sparat=beslut`, 303);
    return decisionForm(c, planId, postedValues(EMPTY_PLAN_DECISION, posted), result);
  });

  return web;
}
