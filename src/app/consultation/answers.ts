/**
 * The secretariat's answers: one per comment or per theme (a theme groups comments that say the same),
 * each with how far the next version meets it. An answer is written as a draft and published separately;
 * only published answers are shown to the public and in the samrådsredogörelse.
 */
import {
  ANSWER_OUTCOME_LABELS,
  type Answer,
  type ConsultationComment,
  type Theme,
} from '../../domain/consultation/consultation.js';
import { partLabelSv } from '../../domain/consultation/parts.js';
import { DomainError, notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { loadConsultation, type ConsultationSubject } from './consultation-access.js';
import { answerInput, themeInput, type AnswerInput, type ThemeInput } from './consultation-input.js';

export interface AnsweringView extends ConsultationSubject {
  /** Published and hidden comments, in the order they came. */
  comments: ConsultationComment[];
  themes: Theme[];
  /** Drafts too. */
  answers: Answer[];
}

/** What the secretariat answers: every comment that reached the consultation, its themes and answers. */
export async function getAnswering(ctx: AppContext, ref: string): Promise<AnsweringView> {
  authorize(ctx, 'run_consultation');
  const repos = readRepos(ctx);
  const subject = await loadConsultation(ctx, repos, ref);
  const [comments, themes, answers] = await Promise.all([
    repos.consultations.comments(subject.consultation.id, ['published', 'hidden']),
    repos.consultations.themes(subject.consultation.id),
    repos.consultations.answers(subject.consultation.id),
  ]);
  return { ...subject, comments, themes, answers };
}

/** Groups comments under a new theme (`title`) or an existing one (`themeId`); returns the theme. */
export async function groupInTheme(ctx: AppContext, ref: string, raw: unknown): Promise<Theme> {
  return inTransaction(ctx, async (repos) => {
    authorize(ctx, 'run_consultation');
    const subject = await loadConsultation(ctx, repos, ref);
    const { values, problems } = parseEachField(themeInput, raw);
    const all: FieldProblem[] = [...problems];
    const input = values as Partial<ThemeInput>;
    const themes = await repos.consultations.themes(subject.consultation.id);
    const existing = input.themeId ? themes.find((t) => t.id === input.themeId) : undefined;
    if (input.themeId && !existing) all.push({ field: 'themeId', message: 'Välj ett av samrådets teman.' });
    if (input.themeId === null && input.title === '')
      all.push({ field: 'title', message: 'Skriv temats namn, eller välj ett tema som finns.' });
    const comments = await repos.consultations.comments(subject.consultation.id, ['published', 'hidden']);
    const ids = new Set(comments.map((c) => c.id));
    if (input.commentIds?.some((id) => !ids.has(id)))
      all.push({ field: 'commentIds', message: 'Välj bland samrådets kommentarer.' });
    if (all.length > 0) throw validationFailed(inFieldOrder(themeInput, all));
    const at = timestamp(ctx);
    const theme = existing ?? (await repos.consultations.insertTheme(subject.consultation.id, input.title!, at));
    const before = comments.filter((c) => c.themeId === theme.id).map((c) => c.id);
    await repos.consultations.setTheme(input.commentIds!, theme.id);
    const after = [...new Set([...before, ...input.commentIds!])].sort((a, b) => a - b);
    await recordEvent(ctx, repos, {
      action: existing ? 'consultation_theme.updated' : 'consultation_theme.created',
      entityType: 'consultation_theme',
      entityId: theme.id,
      summary: `${existing ? 'Lade till kommentarer i' : 'Skapade'} temat ”${theme.title}” i samrådet om ”${subject.programme.name}” (${after.length} kommentarer).`,
      before: existing ? { title: theme.title, commentIds: before } : null,
      after: { title: theme.title, commentIds: after },
    });
    return theme;
  });
}

export type AnswerSubject = { commentId: number } | { themeId: number };

export interface AnswerFormView extends ConsultationSubject {
  subject:
    | { kind: 'comment'; comment: ConsultationComment }
    | { kind: 'theme'; theme: Theme; comments: ConsultationComment[] };
  answer: Answer | undefined;
  /** A comment's theme, whose answer also applies to it. */
  theme: Theme | undefined;
  themeAnswer: Answer | undefined;
}

async function loadAnswerSubject(
  repos: Repositories,
  subject: ConsultationSubject,
  which: AnswerSubject,
): Promise<Pick<AnswerFormView, 'subject' | 'answer' | 'theme' | 'themeAnswer'>> {
  const id = subject.consultation.id;
  const [answers, themes] = await Promise.all([repos.consultations.answers(id), repos.consultations.themes(id)]);
  if ('commentId' in which) {
    const comment = await repos.consultations.comment(which.commentId);
    if (!comment || comment.consultationId !== id || comment.status === 'unconfirmed') throw notFound('Kommentaren');
    const theme = themes.find((t) => t.id === comment.themeId);
    return {
      subject: { kind: 'comment', comment },
      answer: answers.find((a) => a.commentId === comment.id),
      theme,
      themeAnswer: theme && answers.find((a) => a.themeId === theme.id),
    };
  }
  const theme = themes.find((t) => t.id === which.themeId);
  if (!theme) throw notFound('Temat');
  const comments = (await repos.consultations.comments(id, ['published', 'hidden'])).filter(
    (c) => c.themeId === theme.id,
  );
  return {
    subject: { kind: 'theme', theme, comments },
    answer: answers.find((a) => a.themeId === theme.id),
    theme: undefined,
    themeAnswer: undefined,
  };
}

export async function getAnswerForm(ctx: AppContext, ref: string, which: AnswerSubject): Promise<AnswerFormView> {
  authorize(ctx, 'run_consultation');
  const repos = readRepos(ctx);
  const subject = await loadConsultation(ctx, repos, ref);
  return { ...subject, ...(await loadAnswerSubject(repos, subject, which)) };
}

const answerChanged = () =>
  new DomainError(
    'conflict',
    'Svaret har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats. Ladda om sidan och försök igen.',
  );

/** Saves the answer to a comment or theme as a draft, or publishes it (the form's button says which). */
export async function saveAnswer(ctx: AppContext, ref: string, which: AnswerSubject, raw: unknown): Promise<Answer> {
  return inTransaction(ctx, async (repos) => {
    authorize(ctx, 'run_consultation');
    const subject = await loadConsultation(ctx, repos, ref);
    const loaded = await loadAnswerSubject(repos, subject, which);
    const { values, problems } = parseEachField(answerInput, raw);
    if (problems.length > 0) throw validationFailed(inFieldOrder(answerInput, problems));
    const input = values as AnswerInput;
    const fields = {
      body: input.body,
      outcome: input.outcome,
      status: input.action === 'publish' ? ('published' as const) : ('draft' as const),
    };
    const at = timestamp(ctx);
    const before = loaded.answer;
    const saved =
      input.version === 0
        ? before === undefined
          ? await repos.consultations.insertAnswer(subject.consultation.id, which, fields, at)
          : undefined
        : before !== undefined
          ? await repos.consultations.updateAnswer(before.id, fields, input.version, at)
          : undefined;
    if (!saved) throw answerChanged();
    const about =
      loaded.subject.kind === 'theme'
        ? `temat ”${loaded.subject.theme.title}”`
        : `en kommentar om ${partLabelFor(subject, loaded.subject.comment)}`;
    await recordEvent(ctx, repos, {
      action: 'consultation_answer.saved',
      entityType: 'consultation_answer',
      entityId: saved.id,
      summary: `${saved.status === 'published' ? 'Publicerade' : 'Sparade utkast till'} svar på ${about} (${ANSWER_OUTCOME_LABELS[saved.outcome].toLowerCase()}).`,
      before: before ? { body: before.body, outcome: before.outcome, status: before.status } : null,
      after: {
        ...('commentId' in which ? { commentId: which.commentId } : { themeId: which.themeId }),
        body: saved.body,
        outcome: saved.outcome,
        status: saved.status,
      },
    });
    return saved;
  });
}

function partLabelFor(subject: ConsultationSubject, comment: ConsultationComment): string {
  const part = subject.parts.find((p) => p.kind === comment.part.kind && p.id === comment.part.id);
  return part ? partLabelSv(part) : 'programmet';
}
