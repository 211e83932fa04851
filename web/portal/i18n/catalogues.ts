// The resident portal's languages (DESIGN.md: Armenian, Azerbaijani, Russian, English), in the
// order the switch lists them, and the one translation function the page uses.
import { az } from './az.ts';
import type { Catalogue, MessageKey } from './en.ts';
import { en } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** A language of the portal. */
export type Language = 'hy' | 'az' | 'ru' | 'en';

/** Every catalogue by BCP 47 tag. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { hy, az, ru, en };

/** The tags, in the switch's order. */
export const LANGUAGES: readonly Language[] = ['hy', 'az', 'ru', 'en'];

/** True when `tag` is one of LANGUAGES. */
export function isLanguage(tag: string): tag is Language {
  return (LANGUAGES as readonly string[]).includes(tag);
}

/** Values for a message's {{placeholders}}. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A translation function: a message of one language, placeholders filled. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * The translation function of `language`. Numbers are written with Intl for that language; a
 * placeholder without a value stays visible, so a missing value shows rather than vanishes.
 *
 * @example translator('ru')('memberHeading', { number: 2 }) // 'Член семьи 2'
 */
export function translator(language: Language): Translate {
  const made = TRANSLATORS.get(language);
  if (made !== undefined) return made;
  const translate = makeTranslator(language);
  TRANSLATORS.set(language, translate);
  return translate;
}

// One per language: the page asks on every render, and an Intl formatter is costly to make.
const TRANSLATORS = new Map<Language, Translate>();

function makeTranslator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  // Made when a message first has a number to write: the page's first Intl formatter loads
  // the language's data, tens of milliseconds on a cheap phone, and the start page writes no
  // number. Without grouping: the numbers here are years and counts, and 1 941 is no year.
  let numbers: Intl.NumberFormat | undefined;
  return (key, values) =>
    catalogue[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
      const value = values?.[name];
      if (value === undefined) return whole;
      if (typeof value !== 'number') return value;
      numbers ??= new Intl.NumberFormat(language, { useGrouping: false });
      return numbers.format(value);
    });
}
