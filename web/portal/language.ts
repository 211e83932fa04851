// The reader's language: chosen on the page and kept in this browser (the same key as the
// public site, so a choice made on one page holds on the other), else the browser's, else
// English; and the dates and times of answers written for that language with Intl.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { isLanguage, LANGUAGES, translator } from './i18n/catalogues.ts';
import type { Language, Translate } from './i18n/catalogues.ts';

/** Where the chosen language is kept (a language only: nothing about the person). */
export const STORED_LANGUAGE = 'vigil.language';

/** The page's language and its translation function. */
export interface Locale {
  language: Language;
  t: Translate;
}

/** The locale every component reads. */
export const LocaleContext = createContext<Locale>({ language: 'en', t: translator('en') });

/** The current locale. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** The language to start in: the stored choice, else the browser's first we have, else en. */
export function firstLanguage(): Language {
  const chosen = readStored();
  if (chosen !== null && isLanguage(chosen)) return chosen;
  const browser = navigator.languages.map((tag) => tag.split('-')[0] ?? '');
  return LANGUAGES.find((tag) => browser.includes(tag)) ?? 'en';
}

/** Keeps `language` as the choice of this browser; a browser that refuses storage is fine. */
export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORED_LANGUAGE, language);
  } catch {
    // Private modes may refuse storage: the choice then lasts as long as the page.
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORED_LANGUAGE);
  } catch {
    return null;
  }
}

/**
 * An instant of an answer (ISO-8601) as a date and time in `language`, in the reader's zone.
 *
 * @example formatInstant('en', '2023-09-26T12:00:00.000Z') // '26 Sept 2023, 14:00'
 */
export function formatInstant(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
