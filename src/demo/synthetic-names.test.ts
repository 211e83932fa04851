import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './name-lists.data.ts';
import { Random } from './random.ts';
import type { PersonName, Script, Sex } from './scenario.types.ts';
import {
  SCRIPT_PATTERNS,
  drawFamilyName,
  drawGivenName,
  spellName,
  toAzerbaijaniLatin,
  withEnglishVariant,
} from './synthetic-names.ts';

const SCRIPTS: readonly Script[] = ['hy', 'ru', 'az', 'en'];

function inScript(name: PersonName): boolean {
  const pattern = SCRIPT_PATTERNS[name.script];
  const parts = [name.given, name.family, name.patronymic].filter((p) => p !== undefined);
  return parts.every((part) => pattern.test(part));
}

describe('name lists', () => {
  it('write every entry as Armenian|Russian|Latin, each in its own script, without repeats', () => {
    for (const list of [FAMILY_NAMES, MALE_GIVEN_NAMES, FEMALE_GIVEN_NAMES]) {
      for (const entry of list) {
        const [hy = '', ru = '', en = '', extra] = entry.split('|');
        assert.equal(extra, undefined, entry);
        assert.match(hy, SCRIPT_PATTERNS.hy, entry);
        assert.match(ru, SCRIPT_PATTERNS.ru, entry);
        assert.match(en, SCRIPT_PATTERNS.en, entry);
      }
      assert.equal(new Set(list).size, list.length);
    }
  });

  it('give male names that end in a consonant in Russian, so the patronymic is regular', () => {
    for (const entry of MALE_GIVEN_NAMES) {
      assert.match(entry.split('|')[1] ?? '', /[бвгджзклмнпрстфхцчшщ]$/u, entry);
    }
  });
});

describe('synthetic names', () => {
  it('spell every drawn name and patronymic in the script asked for', () => {
    const rng = Random.fromSeed(1);
    for (let i = 0; i < 2000; i++) {
      const sex: Sex = i % 2 === 0 ? 'female' : 'male';
      const parts = {
        given: drawGivenName(rng, sex),
        family: drawFamilyName(rng),
        father: drawGivenName(rng, 'male'),
      };
      for (const script of SCRIPTS) {
        const name = spellName(parts, sex, script);
        assert.equal(name.script, script);
        assert.ok(inScript(name), JSON.stringify(name));
      }
    }
  });

  it('rejects a name written in the wrong script', () => {
    assert.equal(inScript({ given: 'Armen', family: 'Petrosyan', script: 'hy' }), false);
    assert.equal(inScript({ given: 'Армен', family: 'Petrosyan', script: 'ru' }), false);
    assert.equal(inScript({ given: 'Aşot', family: 'Petrosyan', script: 'en' }), false);
    assert.equal(inScript({ given: 'Aşot', family: 'Petrosyan', script: 'az' }), true);
  });

  it('forms patronymics per script from the father’s name', () => {
    const parts = {
      given: { hy: 'Անի', ru: 'Ани', en: 'Ani', az: 'Ani' },
      family: { hy: 'Պետրոսյան', ru: 'Петросян', en: 'Petrosyan', az: 'Petrosyan' },
      father: { hy: 'Արմեն', ru: 'Армен', en: 'Armen', az: 'Armen' },
    };
    assert.equal(spellName(parts, 'female', 'hy').patronymic, 'Արմենի');
    assert.equal(spellName(parts, 'female', 'ru').patronymic, 'Арменовна');
    assert.equal(spellName(parts, 'male', 'ru').patronymic, 'Арменович');
    assert.equal(spellName(parts, 'male', 'en').patronymic, 'Armenovich');
    assert.equal(spellName(parts, 'male', 'az').patronymic, 'Armen oğlu');
    assert.equal(spellName(parts, 'female', 'az').patronymic, 'Armen qızı');
    assert.equal(
      spellName({ given: parts.given, family: parts.family }, 'female', 'en').patronymic,
      undefined,
    );
  });

  it('transliterates English Latin into Azerbaijani Latin', () => {
    assert.equal(toAzerbaijaniLatin('Khachatryan'), 'Xaçatryan');
    assert.equal(toAzerbaijaniLatin('Ghazaryan'), 'Ğazaryan');
    assert.equal(toAzerbaijaniLatin('Shahinyan'), 'Şahinyan');
    assert.equal(toAzerbaijaniLatin('Zhirayr'), 'Jirayr');
    assert.equal(toAzerbaijaniLatin('Aghajanyan'), 'Ağacanyan');
    assert.equal(toAzerbaijaniLatin('Gevorg'), 'Qevorq');
    assert.equal(toAzerbaijaniLatin('Armen'), 'Armen');
  });

  it('gives the -ian spelling a family abroad often types, in English only', () => {
    const en: PersonName = { given: 'Armen', family: 'Petrosyan', script: 'en' };
    assert.equal(withEnglishVariant(en).family, 'Petrosian');
    const ru: PersonName = { given: 'Армен', family: 'Петросян', script: 'ru' };
    assert.equal(withEnglishVariant(ru), ru);
  });

  it('draws common names more often than rare ones', () => {
    const rng = Random.fromSeed(2);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const name = drawFamilyName(rng).en;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const first = FAMILY_NAMES[0]?.split('|')[2] ?? '';
    const last = FAMILY_NAMES[FAMILY_NAMES.length - 1]?.split('|')[2] ?? '';
    assert.ok((counts.get(first) ?? 0) > 2 * (counts.get(last) ?? 0));
    assert.equal(counts.size, FAMILY_NAMES.length);
  });
});
