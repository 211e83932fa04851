// The verify page's four catalogues and the one function that turns a message key and its
// parameters into text. Numbers and times go through Intl in the chosen locale (STYLE.md 14).
import { az } from './az.ts';
import { en } from './en.ts';
import type { Catalogue, MessageKey } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** The page's locales, in the order the language switch lists them. */
export const LOCALES = ['en', 'ru', 'hy', 'az'] as const;

/** A locale of the page. */
export type Locale = (typeof LOCALES)[number];

/** Every locale's messages. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, ru, hy, az };

/** A message parameter: text is shown as is, a number in the locale's digits. */
export type Param = string | number | { time: number };

/** True when `value` is one of the page's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of `preferred` (BCP 47 tags, e.g. navigator.languages) the page speaks, by primary
 * language; English when none.
 *
 * @example pickLocale(['hy-AM', 'en']) // 'hy'
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

function formatParam(locale: Locale, value: Param): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(value.time * 1000));
}

/**
 * The message `key` in `locale` with its {placeholders} filled; an unknown placeholder stays
 * as written, so a missing parameter shows rather than vanishing.
 *
 * @example translate('en', 'recordOk', { index: 41, size: 120 })
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Readonly<Record<string, Param>> = {},
): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : formatParam(locale, value);
  });
}
