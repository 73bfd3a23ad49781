/** The secretariat opens a consultation on a proposed version, or changes its dates and texts. */
import type { Consultation } from '../../domain/consultation/consultation.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Programme } from '../../domain/programme/programme.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { TextArea, TextField } from '../components/form-field.js';
import { SavedMessage } from '../components/saved-message.js';
import { consultationPath, consultationSettingsPath } from '../consultation-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { onFields } from './consultation-part.page.js';

export type SettingsFormValues = {
  startDate: string;
  endDate: string;
  responsible: string;
  description: string;
  reportsToHide: string;
  version: string;
};

export const EMPTY_SETTINGS_FORM: SettingsFormValues = {
  startDate: '',
  endDate: '',
  responsible: '',
  description: '',
  reportsToHide: '',
  version: '',
};

export const settingsFormValues = (c: Consultation): SettingsFormValues => ({
  startDate: c.startDate,
  endDate: c.endDate,
  responsible: c.responsible,
  description: c.description,
  reportsToHide: String(c.reportsToHide),
  version: String(c.version),
});

const FIELDS = ['startDate', 'endDate', 'responsible', 'description', 'reportsToHide'];

export interface ConsultationSettingsPageProps {
  programme: Programme;
  /** Absent: the form opens a new consultation. */
  consultation: Consultation | undefined;
  values: SettingsFormValues;
  problems?: readonly FieldProblem[];
  saved?: string | undefined;
}

export function ConsultationSettingsPage({
  programme,
  consultation,
  values,
  problems = [],
  saved,
}: ConsultationSettingsPageProps) {
  const t = texts().consultation;
  const slug = programme.slug;
  const title = consultation ? t.settingsEditTitle(programme.name) : t.settingsOpenTitle(programme.name);
  const shown = onFields(problems, FIELDS);
  const err = (field: string) => errorFor(shown, field);
  return (
    <Layout title={problems.length > 0 ? t.errorTitle(title) : title} description={title} current="/program">
      <Breadcrumbs
        items={[
          { href: localized('/program'), label: texts().layout.menu.programmes },
          { href: localized(`/program/${slug}`), label: programme.name },
          ...(consultation ? [{ href: localized(consultationPath(slug)), label: t.consultation }] : []),
        ]}
        current={title}
      />
      <h1>{title}</h1>
      <SavedMessage text={saved} />
      <p class="ds-paragraph">{t.settingsIntro}</p>
      <ErrorSummary errors={shown} />
      <form method="post" action={localized(consultationSettingsPath(slug))} novalidate>
        <input type="hidden" name="version" value={values.version || '0'} />
        <TextField
          id="startDate"
          label={t.startDate}
          hint={t.dateHint}
          value={values.startDate}
          size={10}
          error={err('startDate')}
        />
        <TextField
          id="endDate"
          label={t.endDate}
          hint={t.dateHint}
          value={values.endDate}
          size={10}
          error={err('endDate')}
        />
        <TextField
          id="responsible"
          label={t.responsible}
          hint={t.responsibleHint}
          value={values.responsible}
          error={err('responsible')}
        />
        <TextArea
          id="description"
          label={t.descriptionField}
          hint={t.descriptionHint}
          rows={5}
          value={values.description}
          error={err('description')}
        />
        <TextField
          id="reportsToHide"
          label={t.reportsToHide}
          hint={t.reportsToHideHint}
          value={values.reportsToHide}
          inputmode="numeric"
          size={3}
          error={err('reportsToHide')}
        />
        <Button>{consultation ? t.saveButton : t.openButton}</Button>
      </form>
      {consultation && (
        <p class="ds-paragraph">
          <a class="ds-link" href={localized(consultationPath(slug))}>
            {t.toConsultation}
          </a>
        </p>
      )}
    </Layout>
  );
}
