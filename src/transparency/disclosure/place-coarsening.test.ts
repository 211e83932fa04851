import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from './disclosure.fixtures.ts';
import { coarsenPlace, coarsenPlaces } from './place-coarsening.ts';
import type { Gazetteer } from './place-coarsening.ts';

const GAZETTEER: Gazetteer = new Map([
  ['district-1', { level: 'district' }],
  ['town-1', { level: 'settlement', parentId: 'district-1' }],
  ['shelter-1', { level: 'site', parentId: 'town-1' }],
  ['post-1', { level: 'site', parentId: 'district-1' }],
  ['orphan', { level: 'site' }],
  ['loop-a', { level: 'site', parentId: 'loop-b' }],
  ['loop-b', { level: 'site', parentId: 'loop-a' }],
]);

describe('coarsenPlace', () => {
  it('lifts a site to its settlement or district, as the output allows', () => {
    assert.equal(coarsenPlace('shelter-1', GAZETTEER, 'settlement'), 'town-1');
    assert.equal(coarsenPlace('shelter-1', GAZETTEER, 'district'), 'district-1');
    assert.equal(coarsenPlace('shelter-1', GAZETTEER, 'site'), 'shelter-1');
  });

  it('keeps a place already coarse enough, and skips a missing settlement level', () => {
    assert.equal(coarsenPlace('district-1', GAZETTEER, 'settlement'), 'district-1');
    assert.equal(coarsenPlace('post-1', GAZETTEER, 'settlement'), 'district-1');
  });

  it('refuses unknown places, dead ends and loops', () => {
    assert.throws(() => coarsenPlace('nowhere', GAZETTEER, 'district'), refusal('unknown_place'));
    assert.throws(() => coarsenPlace('orphan', GAZETTEER, 'district'), refusal('bad_gazetteer'));
    assert.throws(() => coarsenPlace('loop-a', GAZETTEER, 'district'), refusal('bad_gazetteer'));
    assert.throws(
      () =>
        coarsenPlace(
          'town-1',
          new Map([['town-1', { level: 'settlement', parentId: 'gone' }]]),
          'district',
        ),
      refusal('unknown_place'),
    );
  });

  it('coarsens every item of a dataset', () => {
    const rows = [{ place: 'shelter-1' }, { place: 'post-1' }];
    assert.deepEqual(
      coarsenPlaces(rows, (row) => row.place, GAZETTEER, 'settlement').map((r) => r.placeId),
      ['town-1', 'district-1'],
    );
  });
});
