// Which words of a commitment a reader sees: the register's translation into their language
// when there is one, else the words as made, always with the language they are in.
import type { Commitment } from '../shared/desk-types.ts';

/**
 * The commitment's text in `language` when translated, else as made.
 *
 * @example textIn(commitment, 'en') // { text: 'Party B will protect…', lang: 'en' }
 */
export function textIn(commitment: Commitment, language: string): { text: string; lang: string } {
  const translated = commitment.translations[language];
  return translated === undefined
    ? { text: commitment.text, lang: commitment.language }
    : { text: translated, lang: language };
}
