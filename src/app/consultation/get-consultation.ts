/**
 * A consultation as the public reads it: the proposal's parts with their threads (confirmed comments,
 * a hidden one only as hidden, published answers), whether commenting is possible now, and the parts'
 * own pages with the comment form. Also the consultation, if any, a programme page links to.
 */
import {
  consultationPhase,
  samePart,
  type Answer,
  type ConsultationPhase,
  type Theme,
} from '../../domain/consultation/consultation.js';
import type { ProgrammePart } from '../../domain/consultation/parts.js';
import { readRepos, today, type AppContext } from '../context.js';
import { partOf } from './comments.js';
import {
  loadConsultation,
  publicComments,
  publishedAnswers,
  type ConsultationSubject,
  type PublicComment,
} from './consultation-access.js';

export interface ConsultationPageView extends ConsultationSubject {
  comments: PublicComment[];
  answers: Answer[];
  themes: Theme[];
  /** The service can mail confirmation links; without it nobody can comment. */
  mailAvailable: boolean;
}

export async function getConsultationPage(ctx: AppContext, ref: string): Promise<ConsultationPageView> {
  const repos = readRepos(ctx);
  const subject = await loadConsultation(ctx, repos, ref);
  const id = subject.consultation.id;
  const [comments, answers, themes] = await Promise.all([
    repos.consultations.comments(id, ['published', 'hidden']),
    repos.consultations.answers(id),
    repos.consultations.themes(id),
  ]);
  return {
    ...subject,
    comments: publicComments(comments),
    answers: publishedAnswers(answers),
    themes,
    mailAvailable: ctx.mailer !== undefined,
  };
}

export interface PartPageView extends ConsultationPageView {
  part: ProgrammePart;
}

/** One part's page: its thread and the form. */
export async function getPartPage(ctx: AppContext, ref: string, partKey: string): Promise<PartPageView> {
  const view = await getConsultationPage(ctx, ref);
  const part = partOf(view, partKey);
  return { ...view, part, comments: view.comments.filter((c) => samePart(c.part, part)) };
}

/** The consultation a programme's page names: its phase, if the version has one. */
export async function consultationOf(
  ctx: AppContext,
  programmeId: number,
): Promise<{ phase: ConsultationPhase; startDate: string; endDate: string } | undefined> {
  const consultation = await readRepos(ctx).consultations.byProgramme(programmeId);
  return consultation && { phase: consultationPhase(consultation, today(ctx)), ...consultation };
}

/** The public addresses of every consultation (its page and, once closed, its samrådsredogörelse), for the sitemap. */
export async function consultationPublicPaths(ctx: AppContext): Promise<string[]> {
  const repos = readRepos(ctx);
  const paths: string[] = [];
  for (const c of await repos.consultations.list()) {
    const programme = await repos.programmes.summary(c.programmeId);
    if (!programme || programme.state === 'draft') continue;
    const base = `/program/${programme.slug}/samrad`;
    paths.push(base);
    if (consultationPhase(c, today(ctx)) === 'closed') paths.push(`${base}/redogorelse`);
  }
  return paths;
}
