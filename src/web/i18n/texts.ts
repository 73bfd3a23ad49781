/**
 * The interface texts of the page being rendered, in its language: one catalogue per language
 * (`sv/`, `en/`), split into one file per area of the product. The English catalogue is typed by the
 * Swedish one, so a text missing in English is a type error. Programme content is not here: it is
 * stored data and stays in Swedish unless an English text is stored for it.
 */
import { en } from './en/index.js';
import { currentLocale, type Locale } from './locale.js';
import { sv, type Texts } from './sv/index.js';

const CATALOGUES: Record<Locale, Texts> = { sv, en };

/** The catalogue of a language; by default the current page's. */
export function texts(locale: Locale = currentLocale()): Texts {
  return CATALOGUES[locale];
}

export type { Texts };
