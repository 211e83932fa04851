// Every locale of the verify page must say everything the English one says, with the same
// placeholders: a missing or misspelt key or {parameter} fails here, not in front of a reader.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from './en.ts';
import { CATALOGUES, LOCALES, pickLocale, translate } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('verify page catalogues', () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, none empty, with the same placeholders`, () => {
      const catalogue: Readonly<Record<string, string>> = CATALOGUES[locale];
      assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text = catalogue[key] ?? '';
        assert.notEqual(text.trim(), '', `${locale}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english), `${locale}.${key}`);
      }
    });
  }

  it('gives every language its own name', () => {
    const names = LOCALES.map((locale) => CATALOGUES[locale].languageName);
    assert.equal(new Set(names).size, LOCALES.length);
  });

  it('fills parameters, numbers in the locale’s digits, and keeps unknown ones visible', () => {
    assert.equal(
      translate('en', 'recordBeyond', { index: 1200, last: 119 }),
      'Record 1,200 is beyond the tree: the checkpoint covers records 0 to 119 only.',
    );
    assert.match(translate('ru', 'recordOk', { index: 41 }), /^Запись 41 .*\{size\}/);
  });

  it('picks the first spoken language by its primary subtag, else English', () => {
    assert.equal(pickLocale(['fr-FR', 'hy-AM', 'ru']), 'hy');
    assert.equal(pickLocale(['AZ']), 'az');
    assert.equal(pickLocale(['de']), 'en');
  });
});
