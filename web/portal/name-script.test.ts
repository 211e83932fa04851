import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameScript } from './name-script.ts';

describe('the script of a typed name', () => {
  it('reads Armenian, Cyrillic and Latin names, whatever the page language', () => {
    assert.equal(nameScript(['Արմեն', 'Պետրոսյան'], 'en'), 'hy');
    assert.equal(nameScript(['Анна', 'Григорян', 'Сергеевна'], 'hy'), 'ru');
    assert.equal(nameScript(['Anna', "O'Neil-Grigoryan"], 'ru'), 'en');
  });

  it('reads Latin as Azerbaijani with Azerbaijani letters or on the Azerbaijani page', () => {
    assert.equal(nameScript(['Şəhla', 'Əliyeva'], 'en'), 'az');
    assert.equal(nameScript(['Leyla', 'Aliyeva'], 'az'), 'az');
  });

  it('calls mixed or other scripts other', () => {
    assert.equal(nameScript(['Արմեն', 'Petrosyan'], 'en'), 'other');
    assert.equal(nameScript(['ნინო', 'ბერიძე'], 'en'), 'other');
    assert.equal(nameScript(['', ' - '], 'en'), 'other');
  });
});
