// Text similarity of two accounts of an event, for duplicate suggestions across channels. Reports
// arrive in Armenian, Russian, Azerbaijani and English, typed on phones, with and without
// punctuation: the comparison folds case and compatibility forms (NFKC), keeps only letters and
// digits of any script (\p{L}, \p{N}), and compares sets of character trigrams (Jaccard), which
// tolerate inflection and typos better than whole words. Cross-script comparison needs the
// caller to transliterate first (src/people/names/transliterate.ts); this module stays pure.

/** The character trigrams of one text, ready to compare many times. */
export type Trigrams = ReadonlySet<string>;

const NOT_A_WORD_CHARACTER = /[^\p{L}\p{N}]+/gu;

/**
 * `text` as compared: NFKC, lower case, every run of non-letters and non-digits one space,
 * trimmed.
 *
 * @example normaliseForComparison('Обстрел КПП,  утром!') === 'обстрел кпп утром'
 */
export function normaliseForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_A_WORD_CHARACTER, ' ').trim();
}

/**
 * The set of character trigrams of `text` after normalisation, padded with a space at both ends
 * so that short words (and a text of one letter) still yield trigrams. Empty for a text with no
 * letter or digit.
 *
 * @example trigramsOf('ab') // {' ab', 'ab '}
 */
export function trigramsOf(text: string): Trigrams {
  const normal = normaliseForComparison(text);
  const trigrams = new Set<string>();
  if (normal === '') return trigrams;
  // Array.from splits by code point, so a letter outside the BMP is one character.
  const characters = Array.from(` ${normal} `);
  for (let i = 0; i + 3 <= characters.length; i++) {
    trigrams.add(characters.slice(i, i + 3).join(''));
  }
  return trigrams;
}

/**
 * Jaccard similarity of two trigram sets in [0, 1]: 1 for equal non-empty sets, 0 when either is
 * empty (an empty account says nothing about sameness).
 *
 * @example trigramSimilarity(trigramsOf('shelling'), trigramsOf('shelling')) === 1
 */
export function trigramSimilarity(a: Trigrams, b: Trigrams): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [smaller, larger] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const trigram of smaller) if (larger.has(trigram)) shared++;
  return shared / (a.size + b.size - shared);
}
