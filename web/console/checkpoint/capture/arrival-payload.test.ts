// An arrival recorded at a reception point becomes one capture per member who arrived, each
// parsing with the server's own schema for its type; the outbox names each by its outcome; and
// the mode records arrivals (with no direction asked) exactly where people arrive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLACE_KINDS } from '../../../../src/passage/database/passage-vocabulary.ts';
import {
  ArrivalRegistrationPayload,
  JourneyEventPayload,
} from '../../../../src/passage/field/captures/journey-event.handler.ts';
import { CHECKPOINT_KINDS } from '../../../../src/passage/field/journeys/journey-event.plan.ts';
import type { Place } from '../device/device-store.ts';
import {
  ARRIVAL_PLACE_KINDS,
  ARRIVAL_REGISTRATION,
  JOURNEY_EVENT,
  arrivalCaptures,
  arrivalOutcomeOf,
} from './arrival-payload.ts';
import type { ArrivalDraft } from './arrival-payload.ts';
import { recordingAt } from './recording.ts';

const RECEPTION = '0192b3c4-0000-7000-8000-0000000000a1';
const JOURNEYS = [
  '0192b3c4-0000-7000-8000-000000000001',
  '0192b3c4-0000-7000-8000-000000000002',
  '0192b3c4-0000-7000-8000-000000000003',
];

const draft: ArrivalDraft = {
  placeId: RECEPTION,
  members: [
    { journeyId: JOURNEYS[0]!, fate: 'with_passage' },
    { journeyId: JOURNEYS[1]!, fate: 'absent' },
    { journeyId: JOURNEYS[2]!, fate: 'with_passage' },
  ],
  outcome: 'registered',
};

describe('the captures of an arrival', () => {
  it('registers each member who arrived, in the server’s arrival_registration shape', () => {
    const captures = arrivalCaptures(draft);
    assert.deepEqual(captures, [
      { type: ARRIVAL_REGISTRATION, payload: { journeyId: JOURNEYS[0], placeId: RECEPTION } },
      { type: ARRIVAL_REGISTRATION, payload: { journeyId: JOURNEYS[2], placeId: RECEPTION } },
    ]);
    for (const { payload } of captures) {
      const parsed = ArrivalRegistrationPayload.safeParse(payload);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    }
  });

  it('records an arrival without registration as a journey event to arrived', () => {
    const captures = arrivalCaptures({ ...draft, outcome: 'arrived' });
    assert.deepEqual(
      captures.map((capture) => capture.type),
      [JOURNEY_EVENT, JOURNEY_EVENT],
    );
    for (const { payload } of captures) {
      const parsed = JourneyEventPayload.safeParse(payload);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      assert.equal(parsed.data.to, 'arrived');
      assert.equal(parsed.data.placeId, RECEPTION);
    }
  });

  it('records nothing for a household none of whom is here', () => {
    const members = draft.members.map((member) => ({ ...member, fate: 'absent' as const }));
    assert.deepEqual(arrivalCaptures({ ...draft, members }), []);
  });

  it('names each capture by its outcome, and no other capture as an arrival', () => {
    const [registered] = arrivalCaptures(draft);
    const [arrived] = arrivalCaptures({ ...draft, outcome: 'arrived' });
    assert.equal(arrivalOutcomeOf(registered!.type, registered!.payload), 'registered');
    assert.equal(arrivalOutcomeOf(arrived!.type, arrived!.payload), 'arrived');
    assert.equal(
      arrivalOutcomeOf(JOURNEY_EVENT, { journeyId: JOURNEYS[0], to: 'boarded' }),
      undefined,
    );
    assert.equal(arrivalOutcomeOf('checkpoint_passage', { outcome: 'passed' }), undefined);
  });
});

describe('where arrivals are recorded', () => {
  const place = (id: string, kind: string): Place => ({ id, kind, names: { en: id } });
  const places = [
    place('bridge', 'checkpoint'),
    place('reception', 'reception_point'),
    place('centre', 'humanitarian_centre'),
  ];

  it('are places of the gazetteer where no checkpoint passage is recorded', () => {
    for (const kind of ARRIVAL_PLACE_KINDS) {
      assert.ok(
        PLACE_KINDS.some((known) => known === kind),
        kind,
      );
      assert.ok(!CHECKPOINT_KINDS.some((known) => known === kind), kind);
    }
  });

  it('records arrivals at a reception point, with no direction asked', () => {
    assert.deepEqual(recordingAt({ checkpointId: 'reception' }, places), {
      kind: 'arrival',
      placeId: 'reception',
    });
    assert.deepEqual(recordingAt({ checkpointId: 'centre', direction: 'in' }, places), {
      kind: 'arrival',
      placeId: 'centre',
    });
  });

  it('records passages at a checkpoint once the direction is chosen', () => {
    assert.equal(recordingAt({ checkpointId: 'bridge' }, places), undefined);
    assert.deepEqual(recordingAt({ checkpointId: 'bridge', direction: 'out' }, places), {
      kind: 'passage',
      station: { checkpointId: 'bridge', direction: 'out' },
    });
  });

  it('records nothing at a place this device does not know, or before a choice', () => {
    assert.equal(recordingAt({ checkpointId: 'elsewhere', direction: 'out' }, places), undefined);
    assert.equal(recordingAt({}, places), undefined);
  });
});
