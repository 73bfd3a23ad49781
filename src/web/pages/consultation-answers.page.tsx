/**
 * The secretariat's answers: every comment per part with where its answer stands, the themes, and the
 * form that groups comments under a theme; and the answer form for one comment or theme, saved as a
 * draft or published.
 */
import type { AnswerFormView, AnsweringView } from '../../app/consultation/answers.js';
import {
  ANSWER_OUTCOMES,
  samePart,
  type Answer,
  type ConsultationComment,
} from '../../domain/consultation/consultation.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { Checkbox } from '../components/checkbox.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Fieldset, RadioGroup } from '../components/fieldset.js';
import { Select, TextArea, TextField } from '../components/form-field.js';
import { SavedMessage } from '../components/saved-message.js';
import {
  answerCommentPath,
  answersPath,
  answerThemePath,
  consultationPath,
  themesPath,
} from '../consultation-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { onFields } from './consultation-part.page.js';
import { AnswerBlock, commentNumbers, partTitle } from './consultation-parts.js';

const crumbs = (view: AnsweringView | AnswerFormView) => [
  { href: localized(`/program/${view.programme.slug}`), label: view.programme.name },
  { href: localized(consultationPath(view.programme.slug)), label: texts().consultation.consultation },
];

const answerState = (answer: Answer | undefined) => (answer ? answer.status : 'none');

export type ThemeFormValues = {
  commentIds: string[];
  themeId: string;
  title: string;
};

export const EMPTY_THEME_FORM: ThemeFormValues = { commentIds: [], themeId: '', title: '' };

export interface ConsultationAnswersPageProps {
  view: AnsweringView;
  theme: ThemeFormValues;
  problems?: readonly FieldProblem[];
  message?: string | undefined;
}

export function ConsultationAnswersPage({ view, theme, problems = [], message }: ConsultationAnswersPageProps) {
  const t = texts().consultation;
  const slug = view.programme.slug;
  const title = t.answersTitle(view.programme.name);
  const numbers = commentNumbers(view.comments);
  const shown = onFields(problems, ['commentIds', 'themeId', 'title']);
  const sections = view.parts
    .map((part) => ({ part, comments: view.comments.filter((c) => samePart(c.part, part)) }))
    .filter((s) => s.comments.length > 0);
  const label = (c: ConsultationComment) =>
    `${t.commentNumber(numbers.get(c.id)!)}: ${c.displayName}${c.status === 'hidden' ? ` (${t.status.hidden.toLowerCase()})` : ''}`;
  return (
    <Layout title={shown.length > 0 ? t.errorTitle(title) : title} description={title} current="/program">
      <Breadcrumbs items={crumbs(view)} current={t.answersLink} />
      <h1>{title}</h1>
      <SavedMessage text={message} />
      <p class="ds-paragraph">{t.answersIntro}</p>
      {sections.length === 0 && <p class="ds-paragraph">{t.noCommentsYet}</p>}
      {sections.map(({ part, comments }) => (
        <section aria-labelledby={`svar-${part.key}`}>
          <h2 class="ds-heading" data-size="sm" id={`svar-${part.key}`}>
            {partTitle(part)}
          </h2>
          <ul class="plain-list">
            {comments.map((c) => {
              const n = numbers.get(c.id)!;
              const themeTitle = view.themes.find((th) => th.id === c.themeId)?.title;
              return (
                <li class="panel">
                  <p class="ds-paragraph">
                    <strong>{label(c)}</strong>
                    {' · '}
                    {t.answerState(answerState(view.answers.find((a) => a.commentId === c.id)))}
                    {themeTitle && ` · ${t.themeTerm}: ${themeTitle}`}
                  </p>
                  <p class="ds-paragraph">{c.body}</p>
                  <p class="ds-paragraph">
                    <a class="ds-link" href={localized(answerCommentPath(slug, c.id))}>
                      {t.answer}
                      <span class="ds-sr-only">{t.answerHidden(n)}</span>
                    </a>
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <section aria-labelledby="teman-rubrik">
        <h2 class="ds-heading" data-size="sm" id="teman-rubrik">
          {t.themesHeading}
        </h2>
        {view.themes.length === 0 ? (
          <p class="ds-paragraph">{t.noThemes}</p>
        ) : (
          <ul class="plain-list">
            {view.themes.map((th) => (
              <li>
                <strong>{th.title}</strong>
                {' · '}
                {t.themeComments(view.comments.filter((c) => c.themeId === th.id).map((c) => numbers.get(c.id)!))}
                {' · '}
                {t.answerState(answerState(view.answers.find((a) => a.themeId === th.id)))}
                {' · '}
                <a class="ds-link" href={localized(answerThemePath(slug, th.id))}>
                  {t.answerTheme}
                  <span class="ds-sr-only">{t.answerThemeHidden(th.title)}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {view.comments.length > 0 && (
        <section aria-labelledby="samla-rubrik">
          <h2 class="ds-heading" data-size="sm" id="samla-rubrik">
            {t.groupHeading}
          </h2>
          <ErrorSummary errors={shown} />
          <form method="post" action={localized(themesPath(slug))} novalidate>
            <Fieldset id="commentIds" legend={t.groupComments} error={errorFor(shown, 'commentIds')}>
              {view.comments.map((c, i) => (
                <Checkbox
                  id={i === 0 ? 'commentIds' : `commentIds-${i + 1}`}
                  name="commentIds"
                  value={c.id}
                  label={label(c)}
                  checked={theme.commentIds.includes(String(c.id))}
                  errorOf={errorFor(shown, 'commentIds')}
                />
              ))}
            </Fieldset>
            <Select
              id="themeId"
              label={t.groupTheme}
              options={view.themes.map((th) => ({ value: String(th.id), label: th.title }))}
              placeholder={t.groupNewTheme}
              value={theme.themeId}
              error={errorFor(shown, 'themeId')}
            />
            <TextField
              id="title"
              label={t.groupTitle}
              hint={t.groupTitleHint}
              value={theme.title}
              error={errorFor(shown, 'title')}
            />
            <Button>{t.groupButton}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export type AnswerFormValues = {
  body: string;
  outcome: string;
  version: string;
};

export const EMPTY_ANSWER_FORM: AnswerFormValues = { body: '', outcome: '', version: '' };

export const answerFormValues = (answer: Answer | undefined): AnswerFormValues => ({
  body: answer?.body ?? '',
  outcome: answer?.outcome ?? '',
  version: String(answer?.version ?? 0),
});

export interface ConsultationAnswerPageProps {
  view: AnswerFormView;
  /** The numbers of the consultation's comments, as in the report. */
  numbers: Map<number, number>;
  values: AnswerFormValues;
  problems?: readonly FieldProblem[];
  message?: string | undefined;
}

export function ConsultationAnswerPage({ view, numbers, values, problems = [], message }: ConsultationAnswerPageProps) {
  const t = texts().consultation;
  const slug = view.programme.slug;
  const s = view.subject;
  const title =
    s.kind === 'comment' ? t.answerTitleComment(numbers.get(s.comment.id)!) : t.answerTitleTheme(s.theme.title);
  const action = s.kind === 'comment' ? answerCommentPath(slug, s.comment.id) : answerThemePath(slug, s.theme.id);
  const shown = onFields(problems, ['body', 'outcome']);
  const comments = s.kind === 'comment' ? [s.comment] : s.comments;
  return (
    <Layout title={shown.length > 0 ? t.errorTitle(title) : title} description={title} current="/program">
      <Breadcrumbs
        items={[...crumbs(view), { href: localized(answersPath(slug)), label: t.answersLink }]}
        current={title}
      />
      <h1>{title}</h1>
      <SavedMessage text={message} />
      {comments.map((c) => {
        const part = view.parts.find((p) => samePart(p, c.part));
        return (
          <section class="panel" aria-labelledby={`kommentar-${c.id}-rubrik`}>
            <h2 class="ds-heading" data-size="xs" id={`kommentar-${c.id}-rubrik`}>
              {t.commentNumber(numbers.get(c.id)!)}: {c.displayName}
              {c.status === 'hidden' && ` (${t.hiddenForPublic.toLowerCase()})`}
            </h2>
            {part && <p class="ds-paragraph meta">{partTitle(part)}</p>}
            {c.body.split(/\n\s*\n/).map((p) => (
              <p class="ds-paragraph">{p}</p>
            ))}
          </section>
        );
      })}
      {view.theme && (
        <>
          <p class="ds-paragraph">{t.themeAlsoAnswers(view.theme.title)}</p>
          {view.themeAnswer && <AnswerBlock answer={view.themeAnswer} theme={view.theme} />}
        </>
      )}
      {view.answer && (
        <p class="ds-paragraph meta">
          {t.statusTerm}: {t.currentAnswer(view.answer.status)}
        </p>
      )}
      <ErrorSummary errors={shown} />
      <form method="post" action={localized(action)} novalidate>
        <input type="hidden" name="version" value={values.version || '0'} />
        <TextArea
          id="body"
          label={t.answerBody}
          hint={t.answerBodyHint}
          rows={8}
          value={values.body}
          error={errorFor(shown, 'body')}
        />
        <RadioGroup
          id="outcome"
          legend={t.outcomeLegend}
          options={ANSWER_OUTCOMES.map((o) => ({ value: o, label: t.outcome[o] }))}
          value={values.outcome}
          error={errorFor(shown, 'outcome')}
        />
        <div class="actions">
          <Button name="action" value="draft" variant="secondary">
            {t.saveDraft}
          </Button>
          <Button name="action" value="publish">
            {t.publish}
          </Button>
        </div>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={localized(answersPath(slug))}>
          {t.toAnswers}
        </a>
      </p>
    </Layout>
  );
}
