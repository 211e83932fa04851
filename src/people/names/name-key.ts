// A coarse phonetic key of a name, used as the blind index of names (DESIGN.md §4): names that
// sound alike across scripts and spellings share a key, so a search finds them as candidates;
// the candidates are then decrypted and ranked by scoreName, which restores precision. The key
// therefore errs on the side of recall (Hasanov and Huseynov share one) but stays specific
// enough that a common family name does not pull in a whole population.
import { transliterate } from './transliterate.ts';

// Spellings of one sound, longest first, each folded to one class letter. Uppercase letters
// are classes; lowercase ones stand for themselves.
//   sh/sch/shch (ш щ շ ş), zh (ж ժ), j/dzh/dj (ջ дж c in Azerbaijani), ch/tch (ч չ ճ ç),
//   kh/x/h (х խ հ x); where Russian writes a plain h as г or drops it, see nameKeys,
//   g/gh/k/q/c/ck (գ ղ կ ք ğ q): Azerbaijani q is written к or г in Russian, gh is ղ or ğ,
//   ts/tz (ц ծ ց), ph/f, w/v.
const FOLDS: readonly (readonly [string, string])[] = [
  ['shch', 'S'],
  ['dzh', 'J'],
  ['sch', 'S'],
  ['tch', 'C'],
  ['sh', 'S'],
  ['zh', 'Z'],
  ['dj', 'J'],
  ['ch', 'C'],
  ['kh', 'H'],
  ['gh', 'K'],
  ['ck', 'K'],
  ['ts', 'T'],
  ['tz', 'T'],
  ['ph', 'f'],
  ['j', 'J'],
  ['x', 'H'],
  ['h', 'h'],
  ['g', 'K'],
  ['k', 'K'],
  ['q', 'K'],
  ['c', 'K'],
  ['w', 'v'],
];

// y is a vowel here: Petrosyan and Petrosian, Aliyev and Aliev differ only in it.
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const VOWEL = 'A';
// A plain h, kept apart from kh/x until the key is built (see keyVariants); then it is H.
const PLAIN_H = 'h';

/**
 * The phonetic key of `name`: its consonant skeleton after folding equivalent spellings, with
 * doubled consonants collapsed and "A" for an initial vowel (Aliyev, Əliyev, Eliyev and Алиев
 * all start with one). Empty when `name` has no transliterable letter. Words are joined first,
 * so "Ter-Petrosyan" and "Terpetrosyan" agree. The -ov/-ev and -yan endings keep their
 * consonants (Mamedov ≠ Mamed).
 *
 * @example nameKey('Պետրոսյան') === nameKey('Petrosian'); nameKey('Məmmədov') === nameKey('Мамедов')
 */
export function nameKey(name: string): string {
  return keyOf(foldedSounds(name));
}

/**
 * nameKey and the keys of the same name as Russian writes h: Armenian հ and Azerbaijani h
 * become г (Həsənov → Гасанов, Hovhannisyan → Оганесян) or, at the start of an Armenian name,
 * nothing (Harutyunyan → Арутюнян). The index stores every key of a stored name and a search
 * looks up every key of the query, so either side may be the Russian spelling. First the
 * primary key, no duplicates, no empty key.
 */
export function nameKeys(name: string): string[] {
  return distinctKeys(keyVariants(name));
}

/**
 * The keys of a given name and family name together ("given family"), each spelling
 * convention applied to both names at once, as one writer would. Empty when either name has
 * no key.
 */
export function fullNameKeys(given: string, family: string): string[] {
  const givenKeys = keyVariants(given);
  const familyKeys = keyVariants(family);
  return distinctKeys(
    givenKeys.map((key, i) => {
      const familyKey = familyKeys[i] ?? '';
      return key === '' || familyKey === '' ? '' : `${key} ${familyKey}`;
    }),
  );
}

function distinctKeys(keys: readonly string[]): string[] {
  const distinct = new Set(keys);
  distinct.delete('');
  return [...distinct];
}

/**
 * [as written, with h as г, with initial h dropped and other h as г]. Only a plain h varies:
 * kh and x (խ, х, Azerbaijani x) are х in Russian too.
 */
function keyVariants(name: string): readonly [string, string, string] {
  const sounds = foldedSounds(name);
  const primary = keyOf(sounds);
  if (!sounds.includes(PLAIN_H)) return [primary, primary, primary];
  const asG = sounds.map((sound) => (sound === PLAIN_H ? 'K' : sound));
  return [primary, keyOf(asG), sounds[0] === PLAIN_H ? keyOf(asG.slice(1)) : keyOf(asG)];
}

/** The name's sounds: class letters, other consonants, VOWEL for any vowel. */
function foldedSounds(name: string): string[] {
  const ascii = transliterate(name).replaceAll(' ', '');
  const sounds: string[] = [];
  for (let i = 0; i < ascii.length;) {
    const [spelling, folded] = foldAt(ascii, i);
    i += spelling.length;
    sounds.push(VOWELS.has(folded) ? VOWEL : folded);
  }
  return sounds;
}

function keyOf(sounds: readonly string[]): string {
  let key = sounds[0] === VOWEL ? VOWEL : '';
  let previous = '';
  for (const sound of sounds) {
    const letter = sound === PLAIN_H ? 'H' : sound;
    // Double letters collapse (Mammadov, Sarkissian); letters apart stay (Mamedov: m-m-d-v).
    if (letter !== VOWEL && letter !== previous) key += letter;
    previous = letter;
  }
  return key;
}

function foldAt(ascii: string, i: number): readonly [string, string] {
  for (const fold of FOLDS) {
    if (ascii.startsWith(fold[0], i)) return fold;
  }
  const letter = ascii.charAt(i);
  return [letter, letter];
}
