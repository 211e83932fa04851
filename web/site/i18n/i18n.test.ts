import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUES } from './catalogues.ts';
import { en } from './en.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the public site catalogues', () => {
  it('cover the four languages', () => {
    assert.deepEqual(Object.keys(CATALOGUES).sort(), ['az', 'en', 'hy', 'ru']);
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
});
