/** The secretariat's form for an event's agenda: one item per line, each with its time if known. */
import type { FieldProblem } from '../../domain/errors.js';
import { agendaLine, type EventRecord } from '../../domain/events/event.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { TextArea } from '../components/form-field.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { ConflictNotice, eventAgendaPath, eventPath, EVENTS_PATH, shownName } from './event-parts.js';

export type AgendaFormValues = Record<'agenda' | 'version', string>;

export const agendaFormValues = (e: EventRecord): AgendaFormValues => ({
  agenda: e.agenda.map(agendaLine).join('\n'),
  version: String(e.version),
});

export interface EventAgendaPageProps {
  event: EventRecord;
  values: AgendaFormValues;
  problems?: FieldProblem[] | undefined;
  conflict?: string | undefined;
}

export function EventAgendaPage({ event, values, problems = [], conflict }: EventAgendaPageProps) {
  const t = texts().events;
  const name = shownName(event);
  const title = t.agendaTitle(name);
  return (
    <Layout
      title={problems.length || conflict ? t.errorTitle(title) : title}
      description={t.agendaDescription(name)}
      current={EVENTS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: EVENTS_PATH, label: t.breadcrumb },
          { href: eventPath(event.slug), label: name },
        ]}
        current={t.agendaHeading}
      />
      <h1>{title}</h1>
      <ErrorSummary errors={conflict ? [] : problems} />
      <ConflictNotice message={conflict} />
      <form method="post" action={eventAgendaPath(event.slug)} novalidate>
        <input type="hidden" name="version" value={conflict ? String(event.version) : values.version} />
        <TextArea
          id="agenda"
          label={t.agendaLabel}
          hint={t.agendaHint}
          rows={12}
          value={values.agenda}
          error={errorFor(problems, 'agenda')}
        />
        <Button>{t.form.save}</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={eventPath(event.slug)}>
          {t.backToEvent}
        </a>
      </p>
    </Layout>
  );
}
