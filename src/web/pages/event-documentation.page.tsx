/**
 * The secretariat's page for an event's documentation afterwards: the summary (saved with the version
 * it was opened at), the files as links with format and size, the recordings (published only with
 * captions) and what came out of the event. Each part has its own small form; a refused one is shown
 * again with what was typed and the error summary on top.
 */
import { recordingFieldIds } from '../../app/events/event-documentation.js';
import type { FieldProblem } from '../../domain/errors.js';
import { FILE_FORMATS, type EventRecord, type EventRecording } from '../../domain/events/event.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { ErrorMessage, errorId, Select, TextArea, TextField } from '../components/form-field.js';
import { SavedMessage } from '../components/saved-message.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import {
  ConflictNotice,
  eventDocumentationPath,
  eventFileRemovePath,
  eventFilesPath,
  eventOutcomeRemovePath,
  eventOutcomesPath,
  eventPath,
  eventRecordingPath,
  eventRecordingRemovePath,
  eventRecordingsPath,
  EVENTS_PATH,
  shownName,
} from './event-parts.js';

export type DocumentationFormValues = Record<
  | 'summary'
  | 'version'
  | 'fileName'
  | 'fileUrl'
  | 'fileFormat'
  | 'fileSize'
  | 'recordingTitle'
  | 'recordingUrl'
  | 'recordingCaptions'
  | 'recordingPublished'
  | 'outcomeText'
  | 'outcomeUrl',
  string
>;

export const documentationFormValues = (e: EventRecord): DocumentationFormValues => ({
  summary: e.summary,
  version: String(e.version),
  fileName: '',
  fileUrl: '',
  fileFormat: '',
  fileSize: '',
  recordingTitle: '',
  recordingUrl: '',
  recordingCaptions: '',
  recordingPublished: '',
  outcomeText: '',
  outcomeUrl: '',
});

/** A recording's state as the refused form sent it, to show it again. */
export interface PostedRecordingState {
  id: number;
  hasCaptions: boolean;
  published: boolean;
}

export interface EventDocumentationPageProps {
  event: EventRecord;
  values: DocumentationFormValues;
  recordingState?: PostedRecordingState | undefined;
  problems?: FieldProblem[] | undefined;
  conflict?: string | undefined;
  saved?: string | undefined;
}

/** One checkbox with its own error (the single boxes of these forms are no group). */
function Tick(props: { id: string; name: string; label: string; checked: boolean; error?: string | undefined }) {
  return (
    <div class={props.error ? 'ds-field field field--error' : 'ds-field'}>
      <input
        class="ds-input"
        type="checkbox"
        id={props.id}
        name={props.name}
        value="ja"
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId(props.id) : undefined}
      />
      <label for={props.id}>{props.label}</label>
      <ErrorMessage id={props.id} text={props.error} />
    </div>
  );
}

function RecordingItem(props: {
  slug: string;
  recording: EventRecording;
  posted: PostedRecordingState | undefined;
  problems: FieldProblem[];
}) {
  const t = texts().events;
  const { recording: r, slug } = props;
  const ids = recordingFieldIds(r.id);
  const state = props.posted?.id === r.id ? props.posted : r;
  return (
    <li>
      <a class="ds-link" href={r.url}>
        {r.title}
      </a>{' '}
      <span class="meta">({t.recordingState(r.published, r.hasCaptions)})</span>
      <form method="post" action={eventRecordingPath(slug, r.id)} novalidate>
        <fieldset class="ds-fieldset field">
          <legend class="ds-sr-only">{t.recordingLegend(r.title)}</legend>
          <Tick
            id={ids.hasCaptions}
            name="hasCaptions"
            label={t.hasCaptions}
            checked={state.hasCaptions}
            error={errorFor(props.problems, ids.hasCaptions)}
          />
          <Tick
            id={ids.published}
            name="published"
            label={t.publishRecording}
            checked={state.published}
            error={errorFor(props.problems, ids.published)}
          />
        </fieldset>
        <div class="actions">
          <Button variant="secondary">
            {t.saveRecording}
            <span class="ds-sr-only">{t.saveRecordingContext(r.title)}</span>
          </Button>
          <Button variant="secondary" formaction={eventRecordingRemovePath(slug, r.id)}>
            {t.remove}
            <span class="ds-sr-only">{t.removeRecording(r.title)}</span>
          </Button>
        </div>
      </form>
    </li>
  );
}

export function EventDocumentationPage({
  event,
  values,
  recordingState,
  problems = [],
  conflict,
  saved,
}: EventDocumentationPageProps) {
  const t = texts().events;
  const name = shownName(event);
  const title = t.documentationTitle(name);
  const err = (field: string) => errorFor(problems, field);
  const slug = event.slug;
  return (
    <Layout
      title={problems.length || conflict ? t.errorTitle(title) : title}
      description={t.documentationDescription(name)}
      current={EVENTS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: EVENTS_PATH, label: t.breadcrumb },
          { href: eventPath(slug), label: name },
        ]}
        current={t.documentationHeading}
      />
      <h1>{title}</h1>
      <SavedMessage text={saved} />
      <ErrorSummary errors={conflict ? [] : problems} />
      <ConflictNotice message={conflict} />

      <section aria-labelledby="sammanfattning-rubrik">
        <h2 id="sammanfattning-rubrik">{t.summaryHeading}</h2>
        <form method="post" action={eventDocumentationPath(slug)} novalidate>
          <input type="hidden" name="version" value={conflict ? String(event.version) : values.version} />
          <TextArea
            id="summary"
            label={t.summaryLabel}
            hint={t.summaryHint}
            rows={8}
            value={values.summary}
            error={err('summary')}
          />
          <Button>{t.saveSummary}</Button>
        </form>
      </section>

      <section aria-labelledby="filer-rubrik">
        <h2 id="filer-rubrik">{t.filesHeading}</h2>
        <p class="ds-paragraph">{t.filesLead}</p>
        {event.files.length === 0 ? (
          <p class="ds-paragraph">{t.noFiles}</p>
        ) : (
          <ul class="ds-list">
            {event.files.map((f) => (
              <li class="actions">
                <a class="ds-link" href={f.url}>
                  {f.name} ({t.fileLinkDetails(f.format, f.sizeBytes)})
                </a>
                <form method="post" action={eventFileRemovePath(slug, f.id)} class="inline-form">
                  <Button variant="secondary">
                    {t.remove}
                    <span class="ds-sr-only">{t.removeFile(f.name)}</span>
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h3>{t.addFileHeading}</h3>
        <form method="post" action={eventFilesPath(slug)} novalidate>
          <TextField id="fileName" label={t.fileName} value={values.fileName} error={err('fileName')} />
          <TextField
            id="fileUrl"
            label={t.fileUrl}
            hint={t.fileUrlHint}
            type="url"
            value={values.fileUrl}
            error={err('fileUrl')}
          />
          <Select
            id="fileFormat"
            label={t.fileFormat}
            placeholder={t.chooseFormat}
            options={FILE_FORMATS.map((format) => ({ value: format, label: t.formatNames[format] }))}
            value={values.fileFormat}
            error={err('fileFormat')}
          />
          <TextField
            id="fileSize"
            label={t.fileSize}
            hint={t.fileSizeHint}
            size={10}
            value={values.fileSize}
            error={err('fileSize')}
          />
          <Button>{t.addFile}</Button>
        </form>
      </section>

      <section aria-labelledby="inspelningar-rubrik">
        <h2 id="inspelningar-rubrik">{t.recordingsHeading}</h2>
        <p class="ds-paragraph">{t.recordingsLead}</p>
        {event.recordings.length === 0 ? (
          <p class="ds-paragraph">{t.noRecordings}</p>
        ) : (
          <ul class="ds-list">
            {event.recordings.map((r) => (
              <RecordingItem slug={slug} recording={r} posted={recordingState} problems={problems} />
            ))}
          </ul>
        )}
        <h3>{t.addRecordingHeading}</h3>
        <form method="post" action={eventRecordingsPath(slug)} novalidate>
          <TextField
            id="recordingTitle"
            label={t.recordingTitle}
            value={values.recordingTitle}
            error={err('recordingTitle')}
          />
          <TextField
            id="recordingUrl"
            label={t.recordingUrl}
            hint={t.recordingUrlHint}
            type="url"
            value={values.recordingUrl}
            error={err('recordingUrl')}
          />
          <div class="field">
            <Tick
              id="recordingCaptions"
              name="recordingCaptions"
              label={t.hasCaptions}
              checked={values.recordingCaptions === 'ja'}
              error={err('recordingCaptions')}
            />
            <Tick
              id="recordingPublished"
              name="recordingPublished"
              label={t.publishRecording}
              checked={values.recordingPublished === 'ja'}
              error={err('recordingPublished')}
            />
          </div>
          <Button>{t.addRecording}</Button>
        </form>
      </section>

      <section aria-labelledby="resultat-rubrik">
        <h2 id="resultat-rubrik">{t.outcomesHeading}</h2>
        <p class="ds-paragraph">{t.outcomesLead}</p>
        {event.outcomes.length === 0 ? (
          <p class="ds-paragraph">{t.noOutcomes}</p>
        ) : (
          <ul class="ds-list">
            {event.outcomes.map((o) => (
              <li class="actions">
                {o.url ? (
                  <a class="ds-link" href={o.url}>
                    {o.text}
                  </a>
                ) : (
                  <span>{o.text}</span>
                )}
                <form method="post" action={eventOutcomeRemovePath(slug, o.id)} class="inline-form">
                  <Button variant="secondary">
                    {t.remove}
                    <span class="ds-sr-only">{t.removeOutcome(o.text)}</span>
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h3>{t.addOutcomeHeading}</h3>
        <form method="post" action={eventOutcomesPath(slug)} novalidate>
          <TextArea
            id="outcomeText"
            label={t.outcomeText}
            rows={3}
            value={values.outcomeText}
            error={err('outcomeText')}
          />
          <TextField
            id="outcomeUrl"
            label={t.outcomeUrl}
            hint={t.outcomeUrlHint}
            value={values.outcomeUrl}
            error={err('outcomeUrl')}
          />
          <Button>{t.addOutcome}</Button>
        </form>
      </section>

      <p class="ds-paragraph">
        <a class="ds-link" href={eventPath(slug)}>
          {t.backToEvent}
        </a>
      </p>
    </Layout>
  );
}
