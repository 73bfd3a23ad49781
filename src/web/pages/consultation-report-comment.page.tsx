/** Reporting a comment: why (spam, threats, hate, personal data, other) and, if one wishes, what is wrong. */
import type { FieldProblem } from '../../domain/errors.js';
import { REPORT_REASONS } from '../../domain/consultation/consultation.js';
import type { ProgrammePart } from '../../domain/consultation/parts.js';
import type { Programme } from '../../domain/programme/programme.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { TextArea } from '../components/form-field.js';
import { consultationPath, partPath, reportCommentPath } from '../consultation-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { onFields } from './consultation-part.page.js';
import { partTitle } from './consultation-parts.js';

export type ReportFormValues = {
  reason: string;
  details: string;
};

export const EMPTY_REPORT_FORM: ReportFormValues = { reason: '', details: '' };

export interface ConsultationReportCommentPageProps {
  programme: Programme;
  part: ProgrammePart;
  comment: { id: number; displayName: string; body: string };
  values: ReportFormValues;
  problems?: readonly FieldProblem[];
}

export function ConsultationReportCommentPage({
  programme,
  part,
  comment,
  values,
  problems = [],
}: ConsultationReportCommentPageProps) {
  const t = texts().consultation;
  const slug = programme.slug;
  const shown = onFields(problems, ['reason', 'details']);
  return (
    <Layout
      title={problems.length > 0 ? t.errorTitle(t.reportTitle) : t.reportTitle}
      description={t.description(programme.name)}
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: localized(`/program/${slug}`), label: programme.name },
          { href: localized(consultationPath(slug)), label: t.consultation },
          { href: localized(partPath(slug, part.key)), label: partTitle(part) },
        ]}
        current={t.reportTitle}
      />
      <h1>{t.reportTitle}</h1>
      <p class="ds-paragraph">{t.reportIntroText}</p>
      <section aria-labelledby="kommentaren-rubrik" class="panel">
        <h2 class="ds-heading" data-size="xs" id="kommentaren-rubrik">
          {t.commentOf(comment.displayName)}
        </h2>
        {comment.body.split(/\n\s*\n/).map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}
      </section>
      <ErrorSummary errors={shown} />
      <form method="post" action={localized(reportCommentPath(slug, comment.id))} novalidate>
        <RadioGroup
          id="reason"
          legend={t.reason}
          options={REPORT_REASONS.map((r) => ({ value: r, label: t.reasons[r] }))}
          value={values.reason}
          error={errorFor(shown, 'reason')}
        />
        <TextArea id="details" label={t.details} rows={4} value={values.details} error={errorFor(shown, 'details')} />
        <Button>{t.reportButton}</Button>
      </form>
    </Layout>
  );
}
