import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUB_EVENT_TYPE_CODES, crosswalkOf } from '../../../src/monitoring/model/event-taxonomy.ts';
import { CATALOGUES } from '../i18n/catalogues.ts';
import { en } from './i18n/en.ts';
import { METHODOLOGY } from './i18n/catalogues.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the methodology page catalogues', () => {
  it('cover the languages of the site', () => {
    assert.deepEqual(Object.keys(METHODOLOGY).sort(), Object.keys(CATALOGUES).sort());
  });

  for (const [language, catalogue] of Object.entries(METHODOLOGY)) {
    it(`${language} has every key of English, none empty, with the same placeholders`, () => {
      assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        assert.ok(text.trim().length > 0, `${language}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(en[key as keyof typeof en]), key);
      }
    });

    it(`${language} names every sub-type and event type of the taxonomy`, () => {
      const keys: ReadonlySet<string> = new Set(Object.keys(catalogue));
      for (const code of SUB_EVENT_TYPE_CODES) {
        assert.ok(keys.has(`sub.${code}`), `sub.${code}`);
        assert.ok(keys.has(`family.${crosswalkOf(code).eventType}`), crosswalkOf(code).eventType);
      }
    });
  }

  it('labels nothing the taxonomy does not have', () => {
    const codes: ReadonlySet<string> = new Set(SUB_EVENT_TYPE_CODES);
    const subs = Object.keys(en).filter((key) => key.startsWith('sub.'));
    assert.deepEqual(
      subs.filter((key) => !codes.has(key.slice(4))),
      [],
    );
    assert.equal(subs.length, SUB_EVENT_TYPE_CODES.length);
  });
});
