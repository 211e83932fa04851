import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../i18n/en.ts';
import type { Alert } from './alert-list.ts';
import { ALERT_TYPES, alertText, HELD_STATES, mergeAlerts } from './alert-list.ts';

const anAlert = (overrides: Partial<Alert>): Alert => ({
  id: 'a1',
  type: 'headcount_mismatch',
  severity: 'critical',
  subjectType: 'vehicle',
  subjectId: 'v1',
  raisedAt: '2023-09-29T01:10:36.793Z',
  details: { checkpointId: 'c1', declared: 5, counted: 4, difference: -1 },
  acknowledgedAt: null,
  ...overrides,
});

describe('mergeAlerts', () => {
  it('keeps each alert once, newest raised first', () => {
    const old = anAlert({ id: 'a1', raisedAt: '2023-09-29T01:00:00Z' });
    const newer = anAlert({ id: 'a2', raisedAt: '2023-09-30T01:00:00Z' });
    const again = { ...old, acknowledgedAt: '2023-10-01T00:00:00Z' };
    const merged = mergeAlerts([old], [newer, again]);
    assert.deepEqual(
      merged.map((alert) => alert.id),
      ['a2', 'a1'],
    );
    assert.equal(merged[1]?.acknowledgedAt, again.acknowledgedAt, 'the later copy wins');
  });
});

describe('alertText', () => {
  it('says a headcount mismatch with its counts and checkpoint', () => {
    assert.deepEqual(alertText(anAlert({})), {
      key: 'alert.headcount_mismatch',
      numbers: { declared: 5, counted: 4 },
      placeId: 'c1',
      state: null,
      times: {},
    });
  });

  it('says how a held person is held, only with a state it knows', () => {
    const held = anAlert({
      type: 'person_held',
      details: { state: 'detained', checkpointId: null },
    });
    assert.equal(alertText(held).state, 'detained');
    assert.equal(alertText(held).placeId, null);
    const odd = anAlert({ type: 'person_held', details: { state: 'something_else' } });
    assert.equal(alertText(odd).state, null);
  });

  it('reads missing or malformed details as zero, and an unknown kind as alert.other', () => {
    const overdue = anAlert({ type: 'journey_overdue', details: { overdueMinutes: 'ten' } });
    assert.deepEqual(alertText(overdue).numbers, { minutes: 0 });
    assert.equal(alertText(anAlert({ type: 'a_newer_kind' })).key, 'alert.other');
    const welfare = anAlert({
      type: 'welfare_contact_missed',
      details: { dueAt: '2023-10-01T00:00:00Z' },
    });
    assert.deepEqual(alertText(welfare).times, { due: '2023-10-01T00:00:00Z' });
  });

  it('has an English sentence with the right placeholders for every kind and held state', () => {
    for (const type of ALERT_TYPES) {
      const said = alertText(anAlert({ type }));
      assert.ok(Object.hasOwn(en, said.key), said.key);
      const text = Object.entries(en).find(([key]) => key === said.key)?.[1] ?? '';
      for (const name of [...Object.keys(said.numbers), ...Object.keys(said.times)]) {
        assert.ok(text.includes(`{{${name}}}`), `${said.key} says {{${name}}}`);
      }
    }
    for (const state of HELD_STATES) assert.ok(Object.hasOwn(en, `heldState.${state}`));
  });
});
