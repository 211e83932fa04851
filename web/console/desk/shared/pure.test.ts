import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CATALOGUE } from '../../../../src/errors/error-catalogue.ts';
import { en } from '../i18n/en.ts';
import { errorKeyOf } from './error-key.ts';
import { formatDay, formatInstant, formatNumber, formatShare, shortId } from './format.ts';

describe('errorKeyOf', () => {
  it('names the sentence of every catalogued code, and of network', () => {
    for (const code of [...Object.keys(ERROR_CATALOGUE), 'network']) {
      const key = errorKeyOf(code);
      assert.equal(key, `error.${code}`);
      assert.ok(Object.hasOwn(en, key), `en has ${key}`);
    }
  });

  it('falls back to the sentence naming the code for a code it does not know', () => {
    assert.equal(errorKeyOf('a_code_from_a_newer_server'), 'error.other');
    assert.equal(errorKeyOf('toString'), 'error.other');
    assert.match(en['error.other'], /\{\{code\}\}/);
  });
});

describe('the desk formats', () => {
  it('writes dates in the reader’s language', () => {
    assert.equal(formatDay('2023-09-23', 'en'), 'Sep 23, 2023');
    assert.equal(formatDay('2023-09-23', 'ru'), '23 сент. 2023 г.');
    assert.notEqual(formatInstant('2023-09-26T20:03:04Z', 'en'), '2023-09-26T20:03:04Z');
    assert.match(formatInstant('2023-09-26T20:03:04Z', 'en'), /2023/);
  });

  it('keeps text that is not a date as it is', () => {
    assert.equal(formatInstant('not a date', 'en'), 'not a date');
    assert.equal(formatDay('2023-13-45', 'en'), '2023-13-45');
  });

  it('writes shares as whole percentages and numbers with the reader’s separators', () => {
    assert.equal(formatShare(0.8521, 'en'), '85%');
    assert.equal(formatNumber(12.68, 'en', 1), '12.7');
    assert.equal(formatNumber(12.68, 'ru', 1), '12,7');
    assert.equal(formatNumber(1234, 'en'), '1,234');
  });

  it('shortens an id to its last eight characters', () => {
    assert.equal(shortId('01a2214e-62e5-7912-b834-3383bdac216c'), 'bdac216c');
  });
});
