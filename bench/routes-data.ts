/**
 * The records the routes part needs beyond the demo, made through the use cases as the secretariat
 * makes them, and the values of every path parameter a GET route takes: a draft to edit, a consultation
 * with a published comment (reported, grouped in a theme), a comment waiting for its confirmation link,
 * an event's files, recordings and outcomes, and a signed-in administrator's session.
 */
import { readFileSync } from 'node:fs';
import { addUser } from '../src/app/auth/users.js';
import { startSession } from '../src/app/auth/sessions.js';
import { confirmComment, submitComment } from '../src/app/consultation/comments.js';
import { groupInTheme } from '../src/app/consultation/answers.js';
import { reportComment } from '../src/app/consultation/moderation.js';
import { openConsultation } from '../src/app/consultation/open-consultation.js';
import { actingAs, readRepos, repositories, today, type AppContext } from '../src/app/context.js';
import { readAndKeepDecisionDocument } from '../src/app/decision-documents/keep-decision-document.js';
import { closeDocumentReaders } from '../src/documents/reading/close-readers.js';
import { addFile, addOutcome, addRecording } from '../src/app/events/event-documentation.js';
import { createPlan } from '../src/app/plans/create-plan.js';
import { addActivity } from '../src/app/plans/edit-activities.js';
import { programmeForPlans } from '../src/app/plans/plan-programme.js';
import { submitPlan } from '../src/app/plans/submit-plan.js';
import { updateGoal } from '../src/app/programmes/change-draft.js';
import { createDraft } from '../src/app/programmes/create-draft.js';
import { getProgramme } from '../src/app/programmes/get-programme.js';
import { proposeProgramme } from '../src/app/programmes/propose-programme.js';
import { goalsOf, type Programme } from '../src/domain/programme/programme.js';
import type { Mailer, MailMessage } from '../src/mail/mailer.js';
import { DEMO_PLAN_YEAR } from '../src/seed/demo-plans.js';
import { OPEN_DATASETS } from '../src/app/open-data/open-datasets.js';

/** The values the routes part fills path parameters with, and the cookie of a signed-in administrator. */
export interface RouteData {
  adminCookie: string;
  /** Parameter → value for every route that does not say otherwise (ROUTE_PARAMS in routes.bench.ts). */
  defaults: Record<string, string>;
  /** Values only some routes take (the draft being edited, the consultation's programme, …). */
  draft: { slug: string; goalId: string };
  consultation: {
    slug: string;
    part: string;
    commentId: string;
    themeId: string;
    pendingToken: string;
  };
  /** An event with files, a recording and an outcome. */
  event: { ref: string };
  plan: { planId: string; activityId: string; roundId: string };
  /** A draft plan with an activity (its forms), and a submitted plan (the committee's decision form). */
  draftPlan: { planId: string; activityId: string; submittedId: string };
  indicatorGoal: { goalId: string; linkId: string };
  progress: { slug: string; goalId: string };
  memo: { slug: string; code: string };
  programmeId: string;
  openDataFile: string;
  /** A document read to record a decision (the demo's memo, pasted), kept for review. */
  decisionDocument: { id: string };
}

const programmeOf = async (ctx: AppContext, slug: string): Promise<Programme> =>
  (await getProgramme(ctx, slug)).programme;

/** A mailer that keeps what it is given: the confirmation links of comments. */
function keepingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { from: 'bench@bench.invalid', sent, send: async (m) => void sent.push(m), close: () => undefined };
}

/** A revision of the demo's 2035 programme with each goal's statements written, proposed. */
async function proposedRevision(ctx: AppContext): Promise<string> {
  const { slug } = await createDraft(ctx, { from: 'sup-2035', name: 'Södertörns utvecklingsprogram 2035, revidering' });
  for (const goal of goalsOf(await programmeOf(ctx, slug))) {
    const p = await programmeOf(ctx, slug);
    await updateGoal(ctx, slug, p.version, goal.id, {
      focusAreaId: String(goal.focusAreaId),
      title: goal.title,
      description: goal.description,
      networkId: goal.networkId === null ? '' : String(goal.networkId),
      statements: Object.fromEntries(
        p.perspectives.map((x) => [
          String(x.id),
          goal.statements[x.id] || `Målet bidrar till ${x.name.toLowerCase()}.`,
        ]),
      ),
      strategies: goal.strategies.map((s) => s.text).join('\n'),
      predecessorGoalIds: goal.predecessorGoalIds.map(String),
    });
  }
  await proposeProgramme(ctx, slug, (await programmeOf(ctx, slug)).version);
  return slug;
}

const ORIGIN = { address: '127.0.0.1', baseUrl: 'http://127.0.0.1' };

/** The token a confirmation mail carries. */
function tokenIn(mail: MailMessage | undefined): string {
  const m = /\/samrad\/bekrafta\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!m) throw new Error('The confirmation mail carries no link.');
  return m[1]!;
}

async function consultationData(ctx: AppContext): Promise<RouteData['consultation']> {
  const slug = await proposedRevision(ctx);
  const start = today(ctx);
  const end = `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`;
  await openConsultation(ctx, slug, {
    startDate: start,
    endDate: end,
    responsible: 'Huddinge kommun',
    description: 'Samrådet gäller revideringen av programmet.',
    reportsToHide: '3',
    version: '0',
  });
  const mailer = keepingMailer();
  const mailing: AppContext = { ...ctx, mailer };
  const part = `goal-${goalsOf(await programmeOf(ctx, slug))[0]!.id}`;
  const comment = (n: number) => ({
    displayName: `Invånare ${n}`,
    email: `invanare-${n}@bench.invalid`,
    body: `Synpunkt ${n} på målet: fler cykelstråk mellan kommunerna.`,
  });
  const published = await submitComment(mailing, slug, part, comment(1), ORIGIN);
  await confirmComment(ctx, tokenIn(mailer.sent.at(-1)));
  await submitComment(mailing, slug, part, comment(2), ORIGIN);
  const pendingToken = tokenIn(mailer.sent.at(-1));
  await reportComment(ctx, slug, published.id, { reason: 'other', details: 'Prövas av prestandamätningen.' }, ORIGIN);
  const theme = await groupInTheme(ctx, slug, { themeId: '', title: 'Cykel', commentIds: [String(published.id)] });
  return { slug, part, commentId: String(published.id), themeId: String(theme.id), pendingToken };
}

async function eventData(ctx: AppContext): Promise<RouteData['event']> {
  const ref = 'sodertornskonferensen-2019';
  await addFile(ctx, ref, {
    fileName: 'Presentation',
    fileUrl: 'https://example.se/presentation.pdf',
    fileFormat: 'pdf',
    fileSize: '',
  });
  await addRecording(ctx, ref, {
    recordingTitle: 'Inspelning',
    recordingUrl: 'https://play.example.se/konferensen',
    recordingCaptions: 'ja',
    recordingPublished: 'ja',
  });
  await addOutcome(ctx, ref, { outcomeText: 'En gemensam färdplan.', outcomeUrl: '' });
  return { ref };
}

/** Next year's draft operational plan of the planning chiefs with an activity, and a submitted action plan. */
async function draftPlans(ctx: AppContext, networkId: number, year: number): Promise<RouteData['draftPlan']> {
  const goal = goalsOf((await programmeForPlans(ctx))!.programme)[0]!;
  const activity = {
    title: 'Prestandamätningens aktivitet',
    goalIds: [String(goal.id)],
    ownerName: 'Planeringschef',
    startDate: `${year}-02-01`,
    endDate: `${year}-11-30`,
    climateEffect: 'unknown',
    dimension: 'social',
  };
  const plan = await createPlan(ctx, {
    networkId: String(networkId),
    year: String(year),
    kind: 'operational',
    title: `Verksamhetsplan ${year}, utkast`,
  });
  const added = await addActivity(ctx, plan.id, activity);
  const action = await createPlan(ctx, {
    networkId: String(networkId),
    year: String(year),
    kind: 'action',
    parentPlanId: String(plan.id),
    title: `Handlingsplan ${year}, inlämnad`,
  });
  await addActivity(ctx, action.id, activity);
  await submitPlan(ctx, action.id);
  return { planId: String(plan.id), activityId: String(added.id), submittedId: String(action.id) };
}

/** Makes the records and reads the values; `ctx` acts as the system (seed). */
export async function prepareRouteData(ctx: AppContext): Promise<RouteData> {
  const repos = readRepos(ctx);
  const userId = await addUser(ctx, { email: 'bench-admin@bench.invalid', name: 'Bench Admin', role: 'admin' });
  const token = await startSession(repositories(ctx.storage.db, ctx.storage.dialect), ctx, userId);

  const { slug: draftSlug } = await createDraft(ctx, { from: 'sup-2035', name: 'Prestandamätningens utkast' });
  const draftGoal = goalsOf(await programmeOf(ctx, draftSlug))[0]!;
  const consultation = await consultationData(ctx);
  const event = await eventData(ctx);

  const collaboration = (await repos.collaboration.first())!;
  const plans = await repos.plans.plans({ collaborationId: collaboration.id, year: DEMO_PLAN_YEAR });
  const plan = plans.find((p) => p.kind === 'operational')!;
  const activity = (await repos.plans.activitiesOf([plan.id]))[0]!;
  const round = (await repos.followUp.rounds(collaboration.id, DEMO_PLAN_YEAR))[0]!;
  const draftPlan = await draftPlans(ctx, plan.networkId, DEMO_PLAN_YEAR + 1);

  const db = ctx.storage.db;
  // A goal that follows indicators: the indicator goal page (/mal/:goalId) and its links.
  const link = await db
    .selectFrom('goal_indicators')
    .select(['id', 'goal_id'])
    .orderBy('goal_id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const indicator = await db
    .selectFrom('goal_indicators')
    .innerJoin('indicators', 'indicators.id', 'goal_indicators.indicator_id')
    .select('indicators.key')
    .orderBy('goal_indicators.id')
    .executeTakeFirstOrThrow();
  const followed = await db
    .selectFrom('goals')
    .innerJoin('programmes', 'programmes.id', 'goals.programme_id')
    .select(['goals.id', 'programmes.slug'])
    .where('goals.id', '=', link.goal_id)
    .executeTakeFirstOrThrow();
  const sup2035 = await db
    .selectFrom('programmes')
    .select('id')
    .where('slug', '=', 'sup-2035')
    .executeTakeFirstOrThrow();
  const firstDataset = OPEN_DATASETS[0]!;
  const asAdmin = actingAs(
    ctx,
    { kind: 'user', userId, name: 'Bench Admin' },
    { signedIn: true, grants: [{ role: 'admin', memberId: null, networkId: null }] },
  );
  const memo = readFileSync(
    new URL('../data/demo/utvecklingsprogram-2035-tjansteskrivelse.txt', import.meta.url),
    'utf8',
  );
  const { document } = await readAndKeepDecisionDocument(asAdmin, { text: memo });
  // The repair's worker thread is not what the routes measure: ended now, as it would be once idle.
  await closeDocumentReaders();

  return {
    adminCookie: `samverkan=${token}`,
    defaults: {
      slug: 'sup-2035',
      year: String(DEMO_PLAN_YEAR),
      key: indicator.key,
      code: '0136',
      planId: String(plan.id),
      activityId: String(activity.id),
      roundId: String(round.id),
      ref: event.ref,
    },
    draft: { slug: draftSlug, goalId: String(draftGoal.id) },
    consultation,
    event,
    plan: { planId: String(plan.id), activityId: String(activity.id), roundId: String(round.id) },
    draftPlan,
    indicatorGoal: { goalId: String(link.goal_id), linkId: String(link.id) },
    progress: { slug: followed.slug, goalId: String(followed.id) },
    memo: { slug: 'sup-2035-proposal', code: '0136' },
    programmeId: String(sup2035.id),
    openDataFile: `${firstDataset.slug}.csv`,
    decisionDocument: { id: String(document.id) },
  };
}
