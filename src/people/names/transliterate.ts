// Transliteration of personal names to lowercase ASCII, so that a name registered in one script
// can be found by a family typing it in another (DESIGN.md §4). Armenian follows the BGN/PCGN
// Eastern Armenian romanisation, Russian the passport-style romanisation, Azerbaijani Latin its
// usual ASCII spelling. The output is only a matching form: it is never shown to anyone.
//
// Input is untrusted and arbitrary: every string maps to a string of [a-z0-9] words separated by
// single spaces (total), and the output maps to itself (stable), because it is ASCII and every
// rule below applies to non-ASCII letters or to words marked as Azerbaijani by a non-ASCII letter.

const ARMENIAN = table(
  'ա=a բ=b գ=g դ=d ե=e զ=z է=e ը=y թ=t ժ=zh ի=i լ=l խ=kh ծ=ts կ=k հ=h ձ=dz ղ=gh ճ=ch մ=m ' +
    'յ=y ն=n շ=sh ո=o չ=ch պ=p ջ=j ռ=r ս=s վ=v տ=t ր=r ց=ts ւ=v փ=p ք=k օ=o ֆ=f և=ev',
);

// Russian, plus the letters of the Cyrillic alphabets neighbours used (Ukrainian, Belarusian,
// Soviet-era Azerbaijani Cyrillic), so that an old document still transliterates.
const CYRILLIC = table(
  'а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ' +
    'ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya і=i ї=yi є=ye ґ=g ў=u ә=a ' +
    'ғ=gh ҹ=j һ=h ө=o ү=u ј=y ҝ=g қ=k ң=n ұ=u',
);

// Azerbaijani Latin letters outside ASCII; ä is the 1991–92 spelling of ə.
const AZERBAIJANI = table('ə=a ä=a ğ=gh ı=i ş=sh ç=ch ö=o ü=u');

// ASCII letters that Azerbaijani spells differently from English. Applied only inside a word
// that carries an Azerbaijani (or Turkish) letter: "Xəlilov" is Khalilov, "Alexander" stays.
const AZERBAIJANI_ASCII = table('x=kh c=j q=g');
const AZERBAIJANI_MARKER = /[əƏğĞıİşŞçÇ]/u;

// Latin letters that do not decompose into a base letter and marks.
const LATIN_EXTRA = table('ß=ss æ=ae œ=oe ø=o đ=d ł=l þ=th ð=d ŋ=n');

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}/gu;
const ASCII_ALNUM = /^[a-z0-9]+$/;

/**
 * Lowercase ASCII form of `text` for matching: words of [a-z0-9] joined by single spaces.
 * Letters of other scripts (Georgian, Arabic, …) are dropped.
 *
 * @example transliterate('Պետրոսյան') === 'petrosyan'; transliterate('Məmmədov') === 'mammadov'
 */
export function transliterate(text: string): string {
  const words: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(WORD)) {
    const word = transliterateWord(match[0]);
    if (word !== '') words.push(word);
  }
  return words.join(' ');
}

function transliterateWord(word: string): string {
  const isAzerbaijani = AZERBAIJANI_MARKER.test(word);
  // Lowercase after testing the marker: 'İ'.toLowerCase() is 'i' + a combining dot.
  const letters = Array.from(word.toLowerCase());
  let out = '';
  for (let i = 0; i < letters.length;) {
    const armenian = armenianAt(letters, i);
    if (armenian !== undefined) {
      out += armenian.text;
      i += armenian.length;
      continue;
    }
    out += letterToAscii(letters[i] ?? '', isAzerbaijani);
    i += 1;
  }
  return out;
}

// Armenian letters whose reading depends on their neighbours. Classical orthography (still
// used in the diaspora and in Iran) writes -եան for -յան, իւ for յու and եւ for և.
function armenianAt(
  letters: readonly string[],
  i: number,
): { text: string; length: number } | undefined {
  const letter = letters[i];
  const next = letters[i + 1];
  const isInitial = i === 0;
  if (letter === 'ո') {
    if (next === 'ւ') return { text: 'u', length: 2 };
    return { text: isInitial ? 'vo' : 'o', length: 1 };
  }
  if (letter === 'ե') {
    if (next === 'ւ') return { text: isInitial ? 'yev' : 'ev', length: 2 };
    if (next === 'ա') return { text: 'ya', length: 2 };
    return { text: isInitial ? 'ye' : 'e', length: 1 };
  }
  if (letter === 'և') return { text: isInitial ? 'yev' : 'ev', length: 1 };
  if (letter === 'ի' && next === 'ւ') return { text: 'yu', length: 2 };
  return undefined;
}

function letterToAscii(letter: string, isAzerbaijani: boolean): string {
  if (ASCII_ALNUM.test(letter)) {
    return isAzerbaijani ? (AZERBAIJANI_ASCII.get(letter) ?? letter) : letter;
  }
  const mapped =
    ARMENIAN.get(letter) ??
    CYRILLIC.get(letter) ??
    AZERBAIJANI.get(letter) ??
    LATIN_EXTRA.get(letter);
  if (mapped !== undefined) return mapped;
  // Any other Latin letter with diacritics (é, ñ, å): its base letter. Marks alone vanish.
  const base = letter.normalize('NFD').replace(COMBINING_MARKS, '');
  return ASCII_ALNUM.test(base) ? base : '';
}

/** A lookup table from 'letter=ascii letter=ascii …' (compact and immune to reformatting). */
function table(spec: string): ReadonlyMap<string, string> {
  return new Map(
    spec.split(' ').map((pair) => {
      const [letter = '', ascii = ''] = pair.split('=');
      return [letter, ascii];
    }),
  );
}
