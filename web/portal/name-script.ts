// The script a name was typed in, which the vault records beside it (src/people/identity.ts) so
// that staff and the name matcher know how to read it. Residents type names in whatever
// keyboard they have; the page works the script out instead of asking.
import type { NameScript } from '../../src/people/identity.ts';
import type { Language } from './i18n/catalogues.ts';

// Letters of the Azerbaijani Latin alphabet that English does not use.
const AZERBAIJANI_LETTERS = /[əƏğĞıİşŞçÇöÖüÜ]/u;

/**
 * The script of a name's parts: Armenian 'hy', Cyrillic 'ru', Latin 'az' (with Azerbaijani
 * letters, or typed on the Azerbaijani page) else 'en', and 'other' for any other or mixed
 * script. Only letters count: spaces, hyphens and apostrophes belong to every script.
 *
 * @example nameScript(['Արմեն', 'Պետրոսյան'], 'en') // 'hy'
 */
export function nameScript(parts: readonly string[], language: Language): NameScript {
  const letters = parts.join(' ').match(/\p{L}/gu) ?? [];
  const scripts = new Set(letters.map(scriptOf));
  const [only] = scripts;
  if (scripts.size !== 1 || only === undefined) return 'other';
  if (only !== 'latin') return only;
  return language === 'az' || letters.some((char) => AZERBAIJANI_LETTERS.test(char)) ? 'az' : 'en';
}

function scriptOf(letter: string): 'hy' | 'ru' | 'latin' | 'other' {
  if (/\p{Script=Armenian}/u.test(letter)) return 'hy';
  if (/\p{Script=Cyrillic}/u.test(letter)) return 'ru';
  if (/\p{Script=Latin}/u.test(letter)) return 'latin';
  return 'other';
}
