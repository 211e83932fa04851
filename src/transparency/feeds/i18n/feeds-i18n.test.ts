// Every locale of the feeds texts says everything the English one says, with the same
// placeholders: a missing or misspelt key or {parameter} fails here, not in a reader's inbox.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FEED_LANGUAGES } from '../published-item.port.ts';
import { en } from './en.ts';
import { FEEDS_CATALOGUES, feedsText } from './feeds-translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('feeds catalogues', () => {
  for (const language of FEED_LANGUAGES) {
    it(`${language} has exactly the English keys, none empty, with the same placeholders`, () => {
      const catalogue: Readonly<Record<string, string>> = FEEDS_CATALOGUES[language];
      assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text = catalogue[key] ?? '';
        assert.notEqual(text.trim(), '', `${language}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english), `${language}.${key}`);
      }
    });
  }

  it('fills parameters and keeps unknown ones visible', () => {
    assert.equal(feedsText('en', 'digestSubject', { count: 3 }), 'New Vigil bulletins (3)');
    assert.equal(feedsText('ru', 'logIndex'), 'Запись журнала {index}');
  });
});
