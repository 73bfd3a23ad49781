/**
 * One part of the proposal (a focus area, goal or strategy): its words, its thread and a plain form to
 * comment on it (name shown, e-mail confirmed by a link and never shown). Says before sending that the
 * comment becomes an allmän handling. Without a mailer, or outside the consultation's dates, no form.
 */
import type { PartPageView } from '../../app/consultation/get-consultation.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { TextArea, TextField } from '../components/form-field.js';
import { SavedMessage } from '../components/saved-message.js';
import { consultationPath, partPath } from '../consultation-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { CommentThread, ConsultationRules, partTitle } from './consultation-parts.js';

export type CommentFormValues = {
  displayName: string;
  email: string;
  body: string;
};

export const EMPTY_COMMENT_FORM: CommentFormValues = { displayName: '', email: '', body: '' };

const COMMENT_FIELDS = ['displayName', 'email', 'body'];

/** Problems that belong to no field (the flood limits, a closed consultation) link to the first field. */
export const onFields = (problems: readonly FieldProblem[], fields: readonly string[]): FieldProblem[] =>
  problems.map((p) => (fields.includes(p.field) ? p : { ...p, field: fields[0]! }));

export interface ConsultationPartPageProps {
  view: PartPageView;
  service: string;
  values: CommentFormValues;
  problems?: readonly FieldProblem[];
  /** A confirmation after a redirect: the comment was sent, published or reported. */
  message?: string | undefined;
}

export function ConsultationPartPage({ view, service, values, problems = [], message }: ConsultationPartPageProps) {
  const t = texts().consultation;
  const { programme, consultation, part, phase } = view;
  const slug = programme.slug;
  const title = partTitle(part);
  const shown = onFields(problems, COMMENT_FIELDS);
  const err = (field: string) => errorFor(shown, field);
  const where = t.partWhere(part.kind, part.focusArea.name, part.goal?.title ?? null);
  return (
    <Layout
      title={problems.length > 0 ? t.errorTitle(title) : title}
      description={t.description(programme.name)}
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: localized('/program'), label: texts().layout.menu.programmes },
          { href: localized(`/program/${slug}`), label: programme.name },
          { href: localized(consultationPath(slug)), label: t.consultation },
        ]}
        current={title}
      />
      <h1>{title}</h1>
      <SavedMessage text={message} />
      {where && <p class="ds-paragraph meta">{where}</p>}
      {part.description && <p class="ds-paragraph">{part.description}</p>}

      <section aria-labelledby="kommentarer-rubrik">
        <h2 class="ds-heading" data-size="sm" id="kommentarer-rubrik">
          {t.threadHeading}
        </h2>
        <CommentThread
          slug={slug}
          comments={view.comments}
          answers={view.answers}
          themes={view.themes}
          headingLevel={3}
        />
      </section>

      <section aria-labelledby="skriv-rubrik">
        <h2 class="ds-heading" data-size="sm" id="skriv-rubrik">
          {t.formHeading}
        </h2>
        {phase === 'upcoming' ? (
          <p class="ds-paragraph">{t.notOpenUpcoming(consultation.startDate)}</p>
        ) : phase === 'closed' ? (
          <p class="ds-paragraph">{t.notOpenClosed}</p>
        ) : !view.mailAvailable ? (
          <p class="ds-alert" data-color="warning">
            {t.noMailer}
          </p>
        ) : (
          <>
            <ErrorSummary errors={shown} />
            <form method="post" action={localized(partPath(slug, part.key))} novalidate>
              <TextField
                id="displayName"
                label={t.displayName}
                hint={t.displayNameHint}
                value={values.displayName}
                autocomplete="nickname"
                error={err('displayName')}
              />
              <TextField
                id="email"
                type="email"
                label={t.email}
                hint={t.emailHint}
                value={values.email}
                autocomplete="email"
                error={err('email')}
              />
              <TextArea id="body" label={t.body} hint={t.bodyHint} rows={8} value={values.body} error={err('body')} />
              <p class="ds-paragraph">{t.beforeSending(consultation.responsible)}</p>
              <Button>{t.send}</Button>
            </form>
          </>
        )}
      </section>

      <ConsultationRules responsible={consultation.responsible} service={service} />
      <p class="ds-paragraph">
        <a class="ds-link" href={localized(consultationPath(slug))}>
          {t.toConsultation}
        </a>
      </p>
    </Layout>
  );
}
