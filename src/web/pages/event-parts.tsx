/** What the event pages share: their addresses, an event's name and date as shown, and paragraphs of text. */
import type { EventSummary } from '../../domain/events/event.js';
import { yearOf } from '../../domain/events/event.js';
import { texts } from '../i18n/texts.js';

export const EVENTS_PATH = '/evenemang';
export const NEW_EVENT_PATH = '/evenemang/nytt';
export const eventPath = (slug: string) => `${EVENTS_PATH}/${slug}`;
export const eventEditPath = (slug: string) => `${eventPath(slug)}/redigera`;
export const eventAgendaPath = (slug: string) => `${eventPath(slug)}/dagordning`;
export const eventDocumentationPath = (slug: string) => `${eventPath(slug)}/dokumentation`;
export const eventFilesPath = (slug: string) => `${eventPath(slug)}/filer`;
export const eventFileRemovePath = (slug: string, id: number) => `${eventFilesPath(slug)}/${id}/ta-bort`;
export const eventRecordingsPath = (slug: string) => `${eventPath(slug)}/inspelningar`;
export const eventRecordingPath = (slug: string, id: number) => `${eventRecordingsPath(slug)}/${id}`;
export const eventRecordingRemovePath = (slug: string, id: number) => `${eventRecordingPath(slug, id)}/ta-bort`;
export const eventOutcomesPath = (slug: string) => `${eventPath(slug)}/resultat`;
export const eventOutcomeRemovePath = (slug: string, id: number) => `${eventOutcomesPath(slug)}/${id}/ta-bort`;

/** "Rådslaget 2019" in the page's language. */
export const shownName = (e: Pick<EventSummary, 'kind' | 'date'>): string =>
  texts().events.eventName(e.kind, yearOf(e.date));

/** The date as far as it is known, with the time when there is one. */
export function shownWhen(e: Pick<EventSummary, 'date' | 'startTime' | 'endTime'>): string {
  const t = texts().events;
  const day = t.dateText(e.date);
  return e.startTime ? `${day}, ${t.timeSpan(e.startTime, e.endTime)}` : day;
}

/** Text with blank lines between paragraphs, as paragraphs; single line breaks kept. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((paragraph) => (
          <p class="ds-paragraph">
            {paragraph
              .trim()
              .split('\n')
              .map((line, i) => (i === 0 ? line : [<br />, line]))}
          </p>
        ))}
    </>
  );
}

/** An error or conflict shown above a form (the error summary covers field problems). */
export function ConflictNotice({ message }: { message: string | undefined }) {
  if (!message) return null;
  const t = texts().events;
  return (
    <div class="ds-alert" data-color="danger" role="alert" aria-labelledby="konflikt-rubrik">
      <h2 class="ds-heading" data-size="xs" id="konflikt-rubrik">
        {t.conflictHeading}
      </h2>
      <p class="ds-paragraph">{message}</p>
      <p class="ds-paragraph">{t.conflictHelp}</p>
    </div>
  );
}
