import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGES, NAMESPACES } from './catalogues.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the staff console catalogues', () => {
  it('cover the four languages', () => {
    assert.deepEqual([...LANGUAGES].sort(), ['az', 'en', 'hy', 'ru']);
  });

  for (const [namespace, byTag] of Object.entries(NAMESPACES)) {
    const english = byTag['en'] ?? {};
    it(`${namespace}: every language has every key of English, none empty, same placeholders`, () => {
      assert.deepEqual(Object.keys(byTag).sort(), ['az', 'en', 'hy', 'ru']);
      for (const [language, catalogue] of Object.entries(byTag)) {
        assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(english).sort(), language);
        for (const [key, text] of Object.entries(catalogue)) {
          assert.ok(text.trim().length > 0, `${namespace}.${language}.${key} is empty`);
          assert.deepEqual(
            placeholders(text),
            placeholders(english[key] ?? ''),
            `${language}.${key}`,
          );
        }
      }
    });
  }
});
