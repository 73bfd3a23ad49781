/**
 * The secretariat's form for an event: a new one, or the details of one already stored (saved with the
 * version it was opened at). The date is written as far as it is known: a day, a month or a year.
 */
import type { EventFormChoices } from '../../app/events/get-events.js';
import type { FieldProblem } from '../../domain/errors.js';
import { EVENT_KINDS, EVENT_PUBLICATIONS, EVENT_STATUSES, type EventRecord } from '../../domain/events/event.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { Select, TextArea, TextField } from '../components/form-field.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { ConflictNotice, eventEditPath, eventPath, EVENTS_PATH, NEW_EVENT_PATH, shownName } from './event-parts.js';

export type EventFormValues = Record<
  | 'kind'
  | 'date'
  | 'startTime'
  | 'endTime'
  | 'place'
  | 'hostMemberId'
  | 'theme'
  | 'programmeId'
  | 'programmeText'
  | 'status'
  | 'publication'
  | 'source'
  | 'version',
  string
>;

export const EMPTY_EVENT_FORM: EventFormValues = {
  kind: '',
  date: '',
  startTime: '',
  endTime: '',
  place: '',
  hostMemberId: '',
  theme: '',
  programmeId: '',
  programmeText: '',
  status: 'scheduled',
  publication: 'draft',
  source: '',
  version: '0',
};

export const eventFormValues = (e: EventRecord): EventFormValues => ({
  kind: e.kind,
  date: e.date.value,
  startTime: e.startTime.replace(':', '.'),
  endTime: e.endTime.replace(':', '.'),
  place: e.place,
  hostMemberId: e.hostMemberId === null ? '' : String(e.hostMemberId),
  theme: e.theme,
  programmeId: e.programmeId === null ? '' : String(e.programmeId),
  programmeText: e.programmeText,
  status: e.status,
  publication: e.publication,
  source: e.source,
  version: String(e.version),
});

export interface EventFormPageProps {
  /** The event being edited; absent for a new one. */
  event?: EventRecord | undefined;
  choices: EventFormChoices;
  values: EventFormValues;
  problems?: FieldProblem[] | undefined;
  conflict?: string | undefined;
}

export function EventFormPage({ event, choices, values, problems = [], conflict }: EventFormPageProps) {
  const t = texts().events;
  const f = t.form;
  const err = (field: string) => errorFor(problems, field);
  const name = event ? shownName(event) : undefined;
  const title = name ? t.editTitle(name) : t.newTitle;
  // After a conflict the form keeps what was typed but is saved over the version stored now.
  const version = conflict && event ? String(event.version) : values.version;
  return (
    <Layout
      title={problems.length || conflict ? t.errorTitle(title) : title}
      description={name ? t.editDescription(name) : t.newDescription}
      current={EVENTS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: EVENTS_PATH, label: t.breadcrumb },
          ...(event && name ? [{ href: eventPath(event.slug), label: name }] : []),
        ]}
        current={title}
      />
      <h1>{title}</h1>
      <ErrorSummary errors={conflict ? [] : problems} />
      <ConflictNotice message={conflict} />
      <form method="post" action={event ? eventEditPath(event.slug) : NEW_EVENT_PATH} novalidate>
        <input type="hidden" name="version" value={version} />
        <RadioGroup
          id="kind"
          legend={f.kind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t.kindNames[k] }))}
          value={values.kind}
          error={err('kind')}
        />
        <TextField id="date" label={f.date} hint={f.dateHint} value={values.date} size={12} error={err('date')} />
        <TextField
          id="startTime"
          label={f.startTime}
          hint={f.timeHint}
          value={values.startTime}
          size={6}
          error={err('startTime')}
        />
        <TextField id="endTime" label={f.endTime} value={values.endTime} size={6} error={err('endTime')} />
        <TextField id="place" label={f.place} value={values.place} error={err('place')} />
        <Select
          id="hostMemberId"
          label={f.host}
          hint={f.hostHint}
          placeholder={f.noHost}
          options={choices.members.map((m) => ({ value: String(m.id), label: m.name }))}
          value={values.hostMemberId}
          error={err('hostMemberId')}
        />
        <TextField id="theme" label={f.theme} value={values.theme} error={err('theme')} />
        <Select
          id="programmeId"
          label={f.programme}
          placeholder={f.noProgramme}
          options={choices.programmes.map((p) => ({ value: String(p.id), label: p.name }))}
          value={values.programmeId}
          error={err('programmeId')}
        />
        <TextArea
          id="programmeText"
          label={f.programmeText}
          hint={f.programmeTextHint}
          rows={6}
          value={values.programmeText}
          error={err('programmeText')}
        />
        <RadioGroup
          id="status"
          legend={f.status}
          options={EVENT_STATUSES.map((s) => ({ value: s, label: t.statusNames[s] }))}
          value={values.status}
          error={err('status')}
        />
        <RadioGroup
          id="publication"
          legend={f.publication}
          hint={f.publicationHint}
          options={EVENT_PUBLICATIONS.map((p) => ({ value: p, label: t.publicationNames[p] }))}
          value={values.publication}
          error={err('publication')}
        />
        <TextArea
          id="source"
          label={f.source}
          hint={f.sourceHint}
          rows={2}
          value={values.source}
          error={err('source')}
        />
        <Button>{f.save}</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={event ? eventPath(event.slug) : EVENTS_PATH}>
          {event ? f.cancel : f.cancelNew}
        </a>
      </p>
    </Layout>
  );
}
