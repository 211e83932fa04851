import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nameKey, nameKeys } from './name-key.ts';
import { jaroWinkler, scoreName } from './score-name.ts';
import { transliterate } from './transliterate.ts';

const ASCII_WORDS = /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/;
const SCRIPT_TEXT = fc.string({
  unit: fc.constantFrom(
    ...Array.from("ԱաՊպետրոսյանուևղճջչցծձժշխհթփքռՈՒԵւИванПетросянЁёЩщЪЬыЙйəƏğĞıİşŞçÇöüxcqXCQé -'"),
  ),
  maxLength: 30,
});

describe('transliterate', () => {
  it('maps every string, of any script or none, to lowercase ASCII words', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), SCRIPT_TEXT), (text) => {
        assert.match(transliterate(text), ASCII_WORDS);
      }),
      { numRuns: 2000 },
    );
  });

  it('is stable: its output transliterates to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), SCRIPT_TEXT), (text) => {
        const once = transliterate(text);
        assert.equal(transliterate(once), once);
      }),
      { numRuns: 2000 },
    );
  });

  const examples: readonly (readonly [string, string])[] = [
    ['Պետրոսյան', 'petrosyan'],
    ['ՊԵՏՐՈՍՅԱՆ', 'petrosyan'],
    ['Պետրոսեան', 'petrosyan'], // classical orthography
    ['Երևան', 'yerevan'], // ե at word start, և inside a word
    ['և', 'yev'],
    ['Ոսկանյան', 'voskanyan'], // ո at word start
    ['Ուրիկ Հովհաննիսյան', 'urik hovhannisyan'], // ու
    ['Ղազարյան Ճաղարյան', 'ghazaryan chagharyan'],
    ['Ջանիբեկյան Ծատուրյան Ձոնյան Ժամկոչյան', 'janibekyan tsaturyan dzonyan zhamkochyan'],
    ['Թադևոսյան Փափազյան Քոչարյան Ռուբեն', 'tadevosyan papazyan kocharyan ruben'],
    ['Մկրտչյան', 'mkrtchyan'],
    ['Петросян', 'petrosyan'],
    ['Жанна Хачатрян', 'zhanna khachatryan'],
    ['Щукин Цой Чернышёва', 'shchukin tsoy chernysheva'],
    ['Юлия Ильич Объедков', 'yuliya ilich obedkov'],
    ['Məmmədov', 'mammadov'],
    ['Xəlilov Cəfər Qasımov', 'khalilov jafar gasimov'],
    ['İlham Əliyev', 'ilham aliyev'],
    ['Ağayev Şükürov Çələbi Gözəl', 'aghayev shukurov chalabi gozal'],
    ['Alexander Charles', 'alexander charles'], // English x and c are left alone
    ['Ter-Petrosyan', 'ter petrosyan'],
    ['  José   Müller ', 'jose muller'],
  ];
  for (const [text, expected] of examples) {
    it(`transliterates ${text} as ${expected}`, () => {
      assert.equal(transliterate(text), expected);
    });
  }
});

describe('nameKey', () => {
  const sameKey: readonly (readonly string[])[] = [
    ['Պետրոսյան', 'Петросян', 'Petrosyan', 'Petrosian', 'PETROSYAN', 'Պետրոսեան'],
    ['Məmmədov', 'Мамедов', 'Mammadov', 'Mamedov', 'Memmedov'],
    ['Əliyev', 'Алиев', 'Aliyev', 'Aliev', 'Eliyev'],
    ['Գրիգորյան', 'Григорян', 'Grigoryan', 'Grigorian', 'Krikorian'],
    ['Սարգսյան', 'Саргсян', 'Sargsyan', 'Sarkissian'],
    ['Մկրտչյան', 'Мкртчян', 'Mkrtchyan', 'Mkrtchian'],
    ['Cəfərov', 'Джафаров', 'Jafarov', 'Dzhafarov'],
    ['Ter-Petrosyan', 'Terpetrosyan', 'Тер-Петросян'],
  ];
  for (const names of sameKey) {
    it(`gives ${names.join(', ')} one key`, () => {
      const keys = new Set(names.map(nameKey));
      assert.equal(keys.size, 1, [...keys].join(' '));
    });
  }

  const differentKeys: readonly (readonly [string, string])[] = [
    ['Petrosyan', 'Poghosyan'],
    ['Petrosyan', 'Hakobyan'],
    ['Mammadov', 'Muradov'],
    ['Mammadov', 'Mahmudov'],
    ['Aliyev', 'Alekperov'],
    ['Grigoryan', 'Gevorgyan'],
    ['Mamedov', 'Mamed'], // the -ov ending is kept
    ['Sargsyan', 'Sahakyan'],
  ];
  for (const [a, b] of differentKeys) {
    it(`keeps ${a} and ${b} apart`, () => {
      assert.notEqual(nameKey(a), nameKey(b));
    });
  }

  it('shares a key between a name and its Russian spelling with г or without initial h', () => {
    for (const [latin, russian] of [
      ['Həsənov', 'Гасанов'],
      ['Hüseynov', 'Гусейнов'],
      ['Harutyunyan', 'Арутюнян'],
      ['Հարությունյան', 'Арутюнян'],
    ] as const) {
      const shared = nameKeys(latin).filter((key) => nameKeys(russian).includes(key));
      assert.ok(shared.length > 0, `${latin} / ${russian}`);
    }
  });

  it('lists the primary key first and never an empty key', () => {
    assert.deepEqual(nameKeys('Hasanov'), ['Hsnv', 'Ksnv', 'Asnv']);
    assert.deepEqual(nameKeys('Petrosyan'), ['ptrsn']);
    assert.deepEqual(nameKeys('— ·'), []);
    assert.equal(nameKey('— ·'), '');
  });

  it('gives every spelling of a string the key of its transliteration', () => {
    fc.assert(
      fc.property(SCRIPT_TEXT, (text) => {
        assert.equal(nameKey(transliterate(text)), nameKey(text));
        assert.equal(nameKeys(text)[0] ?? '', nameKey(text));
      }),
    );
  });
});

describe('scoreName', () => {
  it('reproduces published Jaro–Winkler values', () => {
    // Winkler (1990) / Wikipedia: MARTHA–MARHTA 0.961, DWAYNE–DUANE 0.84, DIXON–DICKSONX 0.813.
    assert.equal(jaroWinkler('MARTHA', 'MARHTA').toFixed(3), '0.961');
    assert.equal(jaroWinkler('DWAYNE', 'DUANE').toFixed(3), '0.840');
    assert.equal(jaroWinkler('DIXON', 'DICKSONX').toFixed(3), '0.813');
  });

  it('is symmetric, between 0 and 1, and 1 for a name against itself', () => {
    fc.assert(
      fc.property(SCRIPT_TEXT, SCRIPT_TEXT, (a, b) => {
        const score = scoreName(a, b);
        assert.ok(score >= 0 && score <= 1);
        assert.equal(score, scoreName(b, a));
        assert.equal(scoreName(a, a), 1);
      }),
    );
  });

  const matches: readonly (readonly [string, string])[] = [
    ['Պետրոսյան', 'Petrosian'],
    ['Məmmədov', 'Мамедов'],
    ['Mammadov', 'Mamedov'],
    ['Гасанов', 'Hasanov'],
    ['Sargsyan', 'Sarkissian'],
    ['Армен', 'Armen'],
  ];
  for (const [a, b] of matches) {
    it(`scores ${a} against ${b} at 0.85 or more`, () => {
      assert.ok(scoreName(a, b) >= 0.85, String(scoreName(a, b)));
    });
  }

  const nonMatches: readonly (readonly [string, string])[] = [
    ['Hasanov', 'Huseynov'], // one key, two names: the ranking tells them apart
    ['Petrosyan', 'Poghosyan'],
    ['Petrosyan', 'Hakobyan'],
    ['Mamedov', 'Muradov'],
    ['Grigoryan', 'Gevorgyan'],
  ];
  for (const [a, b] of nonMatches) {
    it(`scores ${a} against ${b} below 0.85`, () => {
      assert.ok(scoreName(a, b) < 0.85, String(scoreName(a, b)));
    });
  }
});
