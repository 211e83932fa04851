// The bulletin pages' catalogues and the one function that turns a key into text. A working
// language without a catalogue gets the English page chrome around its own narrative.
import { az } from './az.ts';
import { en } from './en.ts';
import type { Catalogue, MessageKey } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** Languages the page chrome is written in. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, ru, hy, az };

/** True when `key` names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * The message `key` in `language` (English when there is no catalogue), `{name}` filled from
 * `params`; an unknown key (a figure row from a newer version) shows as itself.
 *
 * @example translate('ru', 'logIndex', { index: '41' }) // 'Запись журнала 41'
 */
export function translate(
  language: string,
  key: string,
  params: Readonly<Record<string, string>> = {},
): string {
  const catalogue = Object.hasOwn(CATALOGUES, language) ? CATALOGUES[language] : en;
  const text = isMessageKey(key) ? (catalogue ?? en)[key] : key;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}
