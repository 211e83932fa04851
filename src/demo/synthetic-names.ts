// Synthetic names per script. A name is a random combination of a common given name and a common
// family name (name-lists.data.ts), so no real person is described. Every list entry carries its
// spelling in all four scripts, so the generator can also give the *same* name as a relative
// abroad would type it in another script: the cross-script search tests need exactly that pair.
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './name-lists.data.ts';
import { WeightedIndex, zipfWeights } from './random.ts';
import type { Random } from './random.ts';
import type { PersonName, Script, Sex } from './scenario.types.ts';

/** One name written in each script. */
export interface Spellings {
  readonly hy: string;
  readonly ru: string;
  readonly en: string;
  readonly az: string;
}

/** The parts a person's name is made of; the father's given name makes the patronymic. */
export interface NameParts {
  readonly given: Spellings;
  readonly family: Spellings;
  readonly father?: Spellings;
}

/** What a name in each script may contain (Unicode blocks), for validation and tests. */
export const SCRIPT_PATTERNS: Readonly<Record<Script, RegExp>> = {
  hy: /^[\u0531-\u0556\u0561-\u0587]+(?:[ -][\u0531-\u0556\u0561-\u0587]+)*$/u,
  ru: /^[\u0410-\u044f\u0401\u0451]+(?:[ -][\u0410-\u044f\u0401\u0451]+)*$/u,
  az: /^[A-Za-zÇçƏəĞğİıÖöŞşÜü]+(?:[ -][A-Za-zÇçƏəĞğİıÖöŞşÜü]+)*$/u,
  en: /^[A-Za-z]+(?:[ '-][A-Za-z]+)*$/u,
};

// English digraphs → Azerbaijani Latin letters (kh → x, gh → ğ, sh → ş, ch → ç, zh → j,
// j → c, g → q), replaced in one left-to-right pass so 'zh' → 'j' is not turned into 'c' again.
const AZ_LETTERS: Readonly<Record<string, string>> = {
  kh: 'x',
  gh: 'ğ',
  sh: 'ş',
  ch: 'ç',
  zh: 'j',
  j: 'c',
  g: 'q',
};

/**
 * The Azerbaijani Latin spelling of an English-Latin name.
 *
 * @example
 * toAzerbaijaniLatin('Khachatryan'); // 'Xaçatryan'
 */
export function toAzerbaijaniLatin(latin: string): string {
  return latin.replace(/kh|gh|sh|ch|zh|j|g/giu, (match) => {
    const letter = AZ_LETTERS[match.toLowerCase()] ?? match;
    const first = match.charAt(0);
    return first === first.toUpperCase() ? letter.toLocaleUpperCase('az') : letter;
  });
}

function parseEntry(entry: string): Spellings {
  const [hy = '', ru = '', en = ''] = entry.split('|');
  return { hy, ru, en, az: toAzerbaijaniLatin(en) };
}

const FAMILY = FAMILY_NAMES.map(parseEntry);
const MALE = MALE_GIVEN_NAMES.map(parseEntry);
const FEMALE = FEMALE_GIVEN_NAMES.map(parseEntry);
// Real name frequencies are skewed; a skew makes name search meet many namesakes, as in life.
const FAMILY_SAMPLER = new WeightedIndex(zipfWeights(FAMILY.length, 0.6));
const MALE_SAMPLER = new WeightedIndex(zipfWeights(MALE.length, 0.7));
const FEMALE_SAMPLER = new WeightedIndex(zipfWeights(FEMALE.length, 0.7));

function entryAt(list: readonly Spellings[], index: number): Spellings {
  const entry = list[index];
  if (entry === undefined) throw new RangeError(`no name at ${index}`);
  return entry;
}

/** A common family name, drawn with a realistic skew. */
export function drawFamilyName(rng: Random): Spellings {
  return entryAt(FAMILY, FAMILY_SAMPLER.draw(rng));
}

/** A common given name for the given sex, drawn with a realistic skew. */
export function drawGivenName(rng: Random, sex: Sex): Spellings {
  return sex === 'male'
    ? entryAt(MALE, MALE_SAMPLER.draw(rng))
    : entryAt(FEMALE, FEMALE_SAMPLER.draw(rng));
}

// Patronymic per script: Armenian genitive (Արմենի), Russian -ович/-овна, its Latin
// transliteration (Armenovich), Azerbaijani 'oğlu'/'qızı' ("son of"/"daughter of").
function patronymic(father: Spellings, sex: Sex, script: Script): string {
  const male = sex === 'male';
  switch (script) {
    case 'hy':
      return `${father.hy}ի`;
    case 'ru':
      return `${father.ru}${male ? 'ович' : 'овна'}`;
    case 'en':
      return `${father.en}${male ? 'ovich' : 'ovna'}`;
    case 'az':
      return `${father.az} ${male ? 'oğlu' : 'qızı'}`;
  }
}

/**
 * A person's name written in one script.
 *
 * @example
 * spellName({ given, family, father }, 'female', 'ru'); // { given: 'Ани', family: …, script: 'ru' }
 */
export function spellName(parts: NameParts, sex: Sex, script: Script): PersonName {
  const base = { given: parts.given[script], family: parts.family[script], script };
  return parts.father === undefined
    ? base
    : { ...base, patronymic: patronymic(parts.father, sex, script) };
}

/**
 * The spelling a family abroad often types in English: '-ian' for '-yan' (Petrosian), the
 * variant that transliteration alone does not produce, so fuzzy matching is exercised too.
 */
export function withEnglishVariant(name: PersonName): PersonName {
  return name.script === 'en' ? { ...name, family: name.family.replace(/yan$/u, 'ian') } : name;
}
