/**
 * The cooperation's events for everyone: the upcoming ones first, then the past ones kind by kind, each
 * kind with how the sources describe the recurring meeting. The secretariat also sees drafts and the
 * way to a new event.
 */
import type { EventListItem, EventListView } from '../../app/events/get-events.js';
import { EVENT_CALENDAR_PATH } from '../../app/events/event-calendar.js';
import { ButtonLink } from '../components/button.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { EVENTS_PATH, eventPath, NEW_EVENT_PATH, shownName, shownWhen } from './event-parts.js';

function EventItem({ e }: { e: EventListItem }) {
  const t = texts().events;
  const details = [
    shownWhen(e),
    e.theme && t.themeInline(e.theme),
    e.hostMemberName && t.hostInline(e.hostMemberName),
  ].filter(Boolean);
  return (
    <li>
      <a class="ds-link" href={localized(eventPath(e.slug))}>
        {shownName(e)}
      </a>
      <span class="meta"> – {details.join(', ')}</span>
      {e.status === 'cancelled' && (
        <>
          {' '}
          <span class="ds-tag" data-color="warning">
            {t.cancelledTag}
          </span>
        </>
      )}
      {e.publication === 'draft' && (
        <>
          {' '}
          <span class="ds-tag" data-color="neutral" data-variant="outline">
            {t.draftTag}
          </span>
        </>
      )}
    </li>
  );
}

export function EventListPage({ view }: { view: EventListView }) {
  const t = texts().events;
  return (
    <Layout title={t.listTitle} description={t.listDescription} current={EVENTS_PATH}>
      <h1>{t.listTitle}</h1>
      <p class="ds-paragraph">{t.listLead}</p>
      {view.mayEdit && (
        <div class="actions">
          <ButtonLink href={NEW_EVENT_PATH}>{t.newEvent}</ButtonLink>
        </div>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={EVENT_CALENDAR_PATH}>
          {t.calendarLink}
        </a>
        <span class="meta"> – {t.calendarHint}</span>
      </p>

      <section aria-labelledby="kommande-rubrik">
        <h2 id="kommande-rubrik">{t.upcomingHeading}</h2>
        {view.upcoming.length === 0 ? (
          <p class="ds-paragraph">{t.noUpcoming}</p>
        ) : (
          <ul class="ds-list">
            {view.upcoming.map((e) => (
              <EventItem e={e} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tidigare-rubrik">
        <h2 id="tidigare-rubrik">{t.pastHeading}</h2>
        {view.kinds.map(({ kind, series, past }) => (
          <section aria-labelledby={`slag-${kind}`}>
            <h3 id={`slag-${kind}`}>{t.kindNames[kind]}</h3>
            {series && (series.whenText || series.audience || series.content) && (
              <p class="ds-paragraph meta">
                {[series.whenText, series.audience && `${t.seriesAudience}: ${series.audience}`, series.content]
                  .filter(Boolean)
                  .join(' ')}{' '}
                {series.source && `${t.source}: ${series.source}.`}
              </p>
            )}
            {past.length === 0 ? (
              <p class="ds-paragraph">{t.noPast}</p>
            ) : (
              <ul class="ds-list">
                {past.map((e) => (
                  <EventItem e={e} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </section>
    </Layout>
  );
}
