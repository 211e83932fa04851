import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUES, LANGUAGES, isLanguage, translator } from './catalogues.ts';
import { en } from './en.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the resident portal catalogues', () => {
  it('cover the four languages', () => {
    assert.deepEqual(Object.keys(CATALOGUES).sort(), ['az', 'en', 'hy', 'ru']);
    assert.deepEqual([...LANGUAGES].sort(), ['az', 'en', 'hy', 'ru']);
    assert.ok(isLanguage('hy') && !isLanguage('fr'));
  });

  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    it(`${language} has every key of English, none empty, with the same placeholders`, () => {
      assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        assert.ok(text.trim().length > 0, `${language}.${key} is empty`);
        const english = en[key as keyof typeof en];
        assert.deepEqual(placeholders(text), placeholders(english), `${language}.${key}`);
      }
    });
  }

  it('fills placeholders, numbers without grouping, and leaves a missing one visible', () => {
    assert.equal(translator('ru')('memberHeading', { number: 2 }), 'Член семьи 2');
    assert.equal(
      translator('en')('birthYearRange', { min: 1890, max: 2025 }),
      'Enter a year between 1890 and 2025.',
    );
    assert.equal(translator('en')('memberHeading'), 'Member {{number}}');
  });
});
