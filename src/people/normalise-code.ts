// Normalisation of codes typed by people: vehicle plates and document numbers. The same code is
// written with or without spaces and dashes, in either case, and on a Russian keyboard its
// letters come out Cyrillic (plates of the region use the twelve letters that look alike).

// Cyrillic letters that look like Latin ones, as used on plates and in passport series.
const LOOKALIKES = new Map(
  'А=A В=B Е=E К=K М=M Н=H О=O Р=P С=C Т=T У=Y Х=X І=I Ј=J Ѕ=S'
    .split(' ')
    .map((pair) => [pair.charAt(0), pair.charAt(2)]),
);

const SEPARATORS = /[\s\-‐‑‒–—_.·/\\]+/gu;

/**
 * The canonical form of a plate or document number: NFKC, uppercase, no spaces, dashes, dots,
 * underscores or slashes, Cyrillic look-alikes as Latin. Other characters are kept.
 *
 * @example normaliseCode(' an-123 4567 ') === 'AN1234567'; normaliseCode('35 ОУ 123') === '35OY123'
 */
export function normaliseCode(code: string): string {
  const compact = code.normalize('NFKC').toUpperCase().normalize('NFKC').replace(SEPARATORS, '');
  let out = '';
  for (const letter of compact) out += LOOKALIKES.get(letter) ?? letter;
  return out;
}
