// Every catalogue of the bulletin pages says everything the English one says, with the same
// placeholders, so a missing or misspelt key fails here rather than on a published page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from './en.ts';
import { CATALOGUES, translate } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('bulletin catalogues', () => {
  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    it(`${language} has exactly the English keys, none empty, with the same placeholders`, () => {
      const messages: Readonly<Record<string, string>> = catalogue;
      assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text = messages[key] ?? '';
        assert.notEqual(text.trim(), '', `${language}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english), `${language}.${key}`);
      }
    });
  }

  it('covers the four catalogue languages with distinct names', () => {
    assert.deepEqual(Object.keys(CATALOGUES).sort(), ['az', 'en', 'hy', 'ru']);
    const names = Object.values(CATALOGUES).map((catalogue) => catalogue.languageName);
    assert.equal(new Set(names).size, names.length);
  });

  it('fills parameters and falls back to English for a language without a catalogue', () => {
    assert.equal(translate('ru', 'logIndex', { index: '41' }), 'Запись журнала 41');
    assert.equal(translate('fr', 'logIndex', { index: '7' }), 'Log entry 7');
    assert.equal(translate('en', 'no.such.key'), 'no.such.key');
  });
});
