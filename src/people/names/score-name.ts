// Ranking of name candidates: Jaro–Winkler similarity (Winkler 1990) of the names' matching
// forms. Jaro–Winkler suits personal names: it tolerates transpositions and single-letter
// variants and rewards an agreeing start, where spellings of one name agree most.
import { transliterate } from './transliterate.ts';

// Spelling differences between romanisations that carry no information about the name:
// -ian/-yan, kh/x, dzh/j, doubled letters. Folded before scoring so Petrosian ~ Petrosyan and
// Mammadov ~ Mamedov score like one-letter variants, not like different names.
const SPELLING_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/ian\b/g, 'yan'],
  [/dzh/g, 'j'],
  [/kh|x/g, 'h'],
  [/([a-z])\1+/g, '$1'],
];

/** Winkler's prefix scale and the longest prefix it rewards (Winkler 1990). */
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

/**
 * How alike two names are, from 0 (nothing in common) to 1 (the same matching form), whatever
 * script each is written in. Symmetric.
 *
 * @example scoreName('Петросян', 'Petrosian') === 1; scoreName('Petrosyan', 'Hakobyan') < 0.8
 */
export function scoreName(a: string, b: string): number {
  return jaroWinkler(matchingForm(a), matchingForm(b));
}

/** The form names are compared in: transliterated, spaces removed, spelling variants folded. */
export function matchingForm(name: string): string {
  let form = transliterate(name);
  for (const [pattern, replacement] of SPELLING_FOLDS) form = form.replace(pattern, replacement);
  return form.replaceAll(' ', '');
}

/** Jaro–Winkler similarity of two strings (1 for two empty strings). */
export function jaroWinkler(a: string, b: string): number {
  const jaro = jaroSimilarity(a, b);
  let prefix = 0;
  while (prefix < MAX_PREFIX && prefix < a.length && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * PREFIX_SCALE * (1 - jaro);
}

function jaroSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const end = Math.min(i + window + 1, b.length);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (bMatched[j] === true || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (aMatched[i] !== true) continue;
    while (bMatched[j] !== true) j += 1;
    if (a[i] !== b[j]) transpositions += 1;
    j += 1;
  }
  const m = matches;
  return (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
}
