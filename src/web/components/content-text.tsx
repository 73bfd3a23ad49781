/**
 * Programme content on a page in either language. Content is written in Swedish and stays Swedish unless
 * an English text is stored for it: on English pages the English text is shown when there is one, and
 * otherwise the Swedish text, marked `lang="sv"` so that screen readers pronounce it as Swedish
 * (WCAG 3.1.2). The page then says, in English, that the programme's content is in Swedish.
 */
import type { Child } from 'hono/jsx';
import type { Programme, ProgrammeSummary } from '../../domain/programme/programme.js';
import { currentLocale } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

const stored = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/** The text as the page shows it: the English one on English pages when stored, else the Swedish one. */
export function contentText(sv: string, en: string | undefined): string {
  return currentLocale() === 'en' && stored(en) ? en : sv;
}

/** Whether the page shows `sv` as Swedish text on an English page (no English text stored). */
export const shownInSwedish = (sv: string, en: string | undefined): boolean =>
  currentLocale() === 'en' && sv.trim() !== '' && !stored(en);

/** Content text, marked as Swedish where an English page has to show it in Swedish. */
export function ContentText({ sv, en }: { sv: string; en?: string | undefined }) {
  return shownInSwedish(sv, en) ? <span lang="sv">{sv}</span> : <>{contentText(sv, en)}</>;
}

/** The `lang` attribute for an element whose whole text is content (`undefined` when it is in the page's language). */
export const contentLang = (sv: string, en: string | undefined): 'sv' | undefined =>
  shownInSwedish(sv, en) ? 'sv' : undefined;

/** A programme's name in the page's language (for titles, where no `lang` can be set). */
export const programmeName = (p: Pick<ProgrammeSummary, 'name' | 'nameEn'>): string => contentText(p.name, p.nameEn);

/** Whether any of a programme's content would be shown in Swedish on an English page. */
export function lacksEnglish(p: Partial<Pick<Programme, 'perspectives' | 'focusAreas'>> & ProgrammeSummary): boolean {
  const pairs: [string, string | undefined][] = [
    [p.name, p.nameEn],
    [p.vision, p.visionEn],
    [p.overarchingGoal, p.overarchingGoalEn],
    ...(p.perspectives ?? []).flatMap((x): [string, string | undefined][] => [
      [x.name, x.nameEn],
      [x.description, x.descriptionEn],
    ]),
    ...(p.focusAreas ?? []).flatMap((a): [string, string | undefined][] => [
      [a.name, a.nameEn],
      [a.description, a.descriptionEn],
      ...a.goals.flatMap((g): [string, string | undefined][] => [
        [g.title, g.titleEn],
        [g.description, g.descriptionEn],
        ...g.strategies.map((s): [string, string | undefined] => [s.text, s.textEn]),
      ]),
    ]),
  ];
  return pairs.some(([sv, en]) => sv.trim() !== '' && !stored(en));
}

/**
 * On an English page that shows programme content in Swedish: says so, in English. Nothing on Swedish
 * pages, nor when `show` is false (everything shown has an English text).
 */
export function SwedishContentNotice({ show = true }: { show?: boolean }) {
  if (currentLocale() !== 'en' || !show) return null;
  return (
    <p class="ds-alert content-language-notice" data-color="info">
      {texts().layout.contentInSwedish}
    </p>
  );
}

/**
 * `lang` for Swedish data that never has an English text (sources, notes, indicator definitions): "sv" on
 * English pages, nothing on Swedish ones.
 */
export const swedishData = (): 'sv' | undefined => (currentLocale() === 'en' ? 'sv' : undefined);

/** Swedish data inside a sentence: a `<span lang="sv">` on English pages, the bare text on Swedish ones. */
export function SwedishData({ children }: { children?: Child }) {
  return currentLocale() === 'en' ? <span lang="sv">{children}</span> : <>{children}</>;
}
