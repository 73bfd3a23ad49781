/**
 * Consultation fixtures: a proposed version with goals and strategies (a revision of the demo's adopted
 * 2035 programme, each goal given its statements so it may be proposed), a consultation on it, the next
 * version with one goal reworded, and a mailer on the tests' SMTP server.
 */
import type { AppContext } from '../../src/app/context.js';
import { readRepos } from '../../src/app/context.js';
import { openConsultation } from '../../src/app/consultation/open-consultation.js';
import { updateGoal } from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { proposeProgramme } from '../../src/app/programmes/propose-programme.js';
import type { Consultation } from '../../src/domain/consultation/consultation.js';
import { goalsOf, type Goal, type Programme } from '../../src/domain/programme/programme.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import type { TestSmtpServer } from './smtp-server.js';

export const MAIL_FROM = 'Samverkan <samrad@samverkan.test>';

export const mailerFor = (smtp: TestSmtpServer): Mailer => createMailer({ SMTP_URL: smtp.url, MAIL_FROM })!;

const programmeOf = async (ctx: AppContext, slug: string): Promise<Programme> =>
  (await getProgramme(ctx, slug)).programme;

const goalFields = (p: Programme, goal: Goal, changes: Partial<{ title: string }> = {}) => ({
  focusAreaId: String(goal.focusAreaId),
  title: changes.title ?? goal.title,
  description: goal.description,
  networkId: goal.networkId === null ? '' : String(goal.networkId),
  statements: Object.fromEntries(
    p.perspectives.map((x) => [String(x.id), goal.statements[x.id] || `Målet bidrar till ${x.name.toLowerCase()}.`]),
  ),
  strategies: goal.strategies.map((s) => s.text).join('\n'),
  predecessorGoalIds: goal.predecessorGoalIds.map(String),
});

/** A revision of the adopted 2035 programme, proposed: its goals' statements filled in. Returns its slug. */
export async function proposedRevision(
  ctx: AppContext,
  name = 'Södertörns utvecklingsprogram 2035, revidering',
): Promise<string> {
  const { slug } = await createDraft(ctx, { from: 'sup-2035', name });
  for (const goal of goalsOf(await programmeOf(ctx, slug))) {
    const p = await programmeOf(ctx, slug);
    await updateGoal(ctx, slug, p.version, goal.id, goalFields(p, goal));
  }
  await proposeProgramme(ctx, slug, (await programmeOf(ctx, slug)).version);
  return slug;
}

/** The next version: a draft from `slug` whose first goal gets `title`. Returns the draft's slug. */
export async function nextVersion(ctx: AppContext, slug: string, title: string): Promise<string> {
  const { slug: next } = await createDraft(ctx, { from: slug, name: '' });
  const p = await programmeOf(ctx, next);
  const goal = goalsOf(p)[0]!;
  await updateGoal(ctx, next, p.version, goal.id, goalFields(p, goal, { title }));
  return next;
}

export interface ConsultationFixture {
  slug: string;
  programme: Programme;
  consultation: Consultation;
}

/** A proposed revision with a consultation on it from `startDate` to `endDate`. */
export async function consultationOn(
  ctx: AppContext,
  dates: { startDate: string; endDate: string },
  settings: Partial<Record<'responsible' | 'description' | 'reportsToHide', string>> = {},
): Promise<ConsultationFixture> {
  const slug = await proposedRevision(ctx);
  const consultation = await openConsultation(ctx, slug, {
    ...dates,
    responsible: 'Huddinge kommun',
    description: 'Samrådet gäller revideringen av programmet.',
    reportsToHide: '3',
    version: '0',
    ...settings,
  });
  return { slug, programme: await programmeOf(ctx, slug), consultation };
}

/** The link a confirmation mail carries (its path: `/samrad/bekrafta/<token>`). */
export function confirmationLink(text: string): string {
  const m = /(https?:\/\/\S+\/samrad\/bekrafta\/[A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`Ingen bekräftelselänk i brevet:\n${text}`);
  return m[1]!;
}

/** The first goal of a programme. */
export const firstGoal = (p: Programme): Goal => goalsOf(p)[0]!;

export const commentCount = async (ctx: AppContext, consultationId: number) =>
  (await readRepos(ctx).consultations.comments(consultationId)).length;
