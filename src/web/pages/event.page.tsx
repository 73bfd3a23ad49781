/**
 * One event for everyone: when and where, host, theme and programme, its own programme and agenda,
 * and afterwards the documentation (summary, files, published recordings) and what came out of it,
 * with the source of what is recorded. The secretariat gets the ways to its forms.
 */
import type { EventView } from '../../app/events/get-events.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SavedMessage } from '../components/saved-message.js';
import { todayInSweden } from '../../domain/dates.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import {
  eventAgendaPath,
  eventDocumentationPath,
  eventEditPath,
  EVENTS_PATH,
  Paragraphs,
  shownName,
} from './event-parts.js';

export function EventPage({ view, saved }: { view: EventView; saved?: string | undefined }) {
  const t = texts().events;
  const { event: e, hostMember, programme, series, upcoming, mayEdit } = view;
  const name = shownName(e);
  const published = e.recordings.filter((r) => r.published);
  const unpublished = e.recordings.length - published.length;
  const documented = e.summary !== '' || e.files.length > 0 || published.length > 0;
  return (
    <Layout title={name} description={t.eventDescription(name, e.theme)} current={EVENTS_PATH}>
      <Breadcrumbs items={[{ href: localized(EVENTS_PATH), label: t.breadcrumb }]} current={name} />
      <h1>{name}</h1>
      {e.theme && (
        <p class="ds-paragraph" data-size="lg">
          {t.themeLead(e.theme)}
        </p>
      )}
      <SavedMessage text={saved} />
      {e.publication === 'draft' && (
        <p class="ds-alert" data-color="info">
          {t.draftNotice}
        </p>
      )}
      {e.status === 'cancelled' && (
        <p class="ds-alert" data-color="warning">
          {t.cancelledNotice}
        </p>
      )}
      <dl class="facts">
        <dt>{t.facts.kind}</dt>
        <dd>{t.kindNames[e.kind]}</dd>
        <dt>{t.facts.date}</dt>
        <dd>
          {t.dateText(e.date)}
          {t.dateKnownOnly(e.date.precision)}
        </dd>
        {e.startTime && (
          <>
            <dt>{t.facts.time}</dt>
            <dd>{t.timeSpan(e.startTime, e.endTime)}</dd>
          </>
        )}
        {e.place && (
          <>
            <dt>{t.facts.place}</dt>
            <dd>{e.place}</dd>
          </>
        )}
        {hostMember && (
          <>
            <dt>{t.facts.host}</dt>
            <dd>{hostMember.name}</dd>
          </>
        )}
        {programme && (
          <>
            <dt>{t.facts.programme}</dt>
            <dd>
              <a class="ds-link" href={localized(`/program/${programme.slug}`)}>
                {programme.name}
              </a>
            </dd>
          </>
        )}
        <dt>{t.facts.state}</dt>
        <dd>{e.status === 'cancelled' ? t.cancelledTag : upcoming ? t.stateUpcoming : t.stateHeld}</dd>
        <dt>{t.source}</dt>
        <dd>{e.source || t.noSource}</dd>
      </dl>

      {mayEdit && (
        <nav aria-label={t.editLinks.label} class="actions">
          <a class="ds-link" href={eventEditPath(e.slug)}>
            {t.editLinks.fields}
          </a>{' '}
          <a class="ds-link" href={eventAgendaPath(e.slug)}>
            {t.editLinks.agenda}
          </a>{' '}
          <a class="ds-link" href={eventDocumentationPath(e.slug)}>
            {t.editLinks.documentation}
          </a>
        </nav>
      )}

      <h2>{t.aboutHeading}</h2>
      {e.programmeText ? <Paragraphs text={e.programmeText} /> : <p class="ds-paragraph">{t.noProgrammeText}</p>}

      <h2>{t.agendaHeading}</h2>
      {e.agenda.length === 0 ? (
        <p class="ds-paragraph">{t.noAgenda}</p>
      ) : (
        <ul class="ds-list">
          {e.agenda.map((item) => (
            <li>
              {item.startTime && <span class="meta">{t.timeSpan(item.startTime, item.endTime)} </span>}
              {item.title}
            </li>
          ))}
        </ul>
      )}

      <h2>{t.documentationHeading}</h2>
      {!documented && <p class="ds-paragraph">{upcoming ? t.documentationLater : t.noDocumentation}</p>}
      {e.summary && (
        <>
          <h3>{t.summaryHeading}</h3>
          <Paragraphs text={e.summary} />
        </>
      )}
      {e.files.length > 0 && (
        <>
          <h3>{t.filesHeading}</h3>
          <ul class="ds-list">
            {e.files.map((f) => (
              <li>
                <a class="ds-link" href={f.url}>
                  {f.name} ({t.fileLinkDetails(f.format, f.sizeBytes)})
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {published.length > 0 && (
        <>
          <h3>{t.recordingsHeading}</h3>
          <ul class="ds-list">
            {published.map((r) => (
              <li>
                <a class="ds-link" href={r.url}>
                  {r.title}
                </a>{' '}
                <span class="meta">({t.recordingCaptioned})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayEdit && unpublished > 0 && <p class="ds-paragraph meta">{t.unpublishedRecordings(unpublished)}</p>}

      <h2>{t.outcomesHeading}</h2>
      {e.outcomes.length === 0 ? (
        <p class="ds-paragraph">{t.noOutcomes}</p>
      ) : (
        <ul class="ds-list">
          {e.outcomes.map((o) => (
            <li>
              {o.url ? (
                <a class="ds-link" href={o.url.startsWith('/') ? localized(o.url) : o.url}>
                  {o.text}
                </a>
              ) : (
                o.text
              )}
            </li>
          ))}
        </ul>
      )}

      {series && (
        <>
          <h2>{t.seriesHeading(t.kindNames[e.kind])}</h2>
          <dl class="facts">
            {series.whenText && (
              <>
                <dt>{t.seriesWhen}</dt>
                <dd>{series.whenText}</dd>
              </>
            )}
            {series.audience && (
              <>
                <dt>{t.seriesAudience}</dt>
                <dd>{series.audience}</dd>
              </>
            )}
            {series.content && (
              <>
                <dt>{t.seriesContent}</dt>
                <dd>{series.content}</dd>
              </>
            )}
            {series.memoChange && (
              <>
                <dt>{t.seriesChange}</dt>
                <dd>{series.memoChange}</dd>
              </>
            )}
          </dl>
          {series.source && (
            <p class="ds-paragraph meta">
              {t.source}: {series.source}
            </p>
          )}
        </>
      )}

      <p class="ds-paragraph meta">
        {t.lastChanged}: {t.dateText({ precision: 'day', value: todayInSweden(new Date(e.updatedAt)) })}
      </p>
    </Layout>
  );
}
