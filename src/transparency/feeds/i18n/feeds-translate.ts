// Looks up the feeds slice's texts by key and fills {placeholders}. Pure: no I/O.
import type { FeedLanguage } from '../published-item.port.ts';
import { az } from './az.ts';
import { en } from './en.ts';
import type { FeedsMessageKey } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** Every catalogue, by language. */
export const FEEDS_CATALOGUES: Readonly<
  Record<FeedLanguage, Readonly<Record<FeedsMessageKey, string>>>
> = { en, ru, hy, az };

/** The text of `key` in `language` with `params` filled in (unknown ones stay visible). */
export function feedsText(
  language: FeedLanguage,
  key: FeedsMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return FEEDS_CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
