// The mission's own operations over HTTP: restrictions of every kind recorded by monitors and
// read by anyone without credentials (and without the recorder); patrols moved through their
// machine, an illegal move refused; hotline contacts and their response-time statistics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countRows } from '../../src/monitoring/commitments/commitments.fixtures.ts';
import type { HotlineContact } from '../../src/monitoring/operations/hotline.repository.ts';
import type { PatrolView } from '../../src/monitoring/operations/patrol.service.ts';
import type { PublicRestriction } from '../../src/monitoring/operations/restriction.repository.ts';
import type { HotlineStatistics } from '../../src/monitoring/model/hotline-statistics.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const monitor = test.staff.monitor.headers;
const hotline = test.staff.hotline.headers;

const place = await app.inject({
  method: 'POST',
  url: '/api/v1/places',
  headers: test.staff.coordinator.headers,
  payload: { kind: 'checkpoint', names: { en: 'Bridge' }, lat: 39.51, lon: 46.34 },
});
const placeId = place.json<{ id: string }>().id;

function post(url: string, payload: object, headers = monitor) {
  return app.inject({ method: 'POST', url, headers, payload });
}

async function planPatrol(label: string): Promise<PatrolView> {
  const response = await post('/api/v1/patrols', {
    label,
    placeId,
    plannedStart: '2023-09-25T06:00:00Z',
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<PatrolView>();
}

describe('access restriction routes', () => {
  it('records a restriction of each kind and publishes them without credentials', async () => {
    const patrol = await planPatrol('P-21');
    const base = {
      placeId,
      imposedBy: 'Party B, bridge checkpoint',
      occurredAt: '2023-09-25T08:00:00Z',
      patrolId: patrol.patrol.id,
    };
    const bodies = [
      { ...base, kind: 'denial', description: 'Access to the checkpoint was denied.' },
      {
        ...base,
        kind: 'conditional_access',
        subKind: 'escort_imposed',
        description: 'Access only with an armed escort.',
      },
      { ...base, kind: 'delay', durationMinutes: 120, description: 'Held for two hours.' },
      {
        ...base,
        kind: 'other_impediment',
        subKind: 'jamming',
        description: 'The patrol drone was jammed.',
      },
    ];
    for (const body of bodies) {
      const response = await post('/api/v1/access-restrictions', body);
      assert.equal(response.statusCode, 201, response.body);
    }
    const published = await app.inject({
      url: `/api/v1/access-restrictions?from=2023-09-25T00:00:00Z&to=2023-09-26T00:00:00Z`,
    });
    assert.equal(published.statusCode, 200, published.body);
    const { restrictions } = published.json<{ restrictions: PublicRestriction[] }>();
    assert.deepEqual(restrictions.map((restriction) => restriction.kind).sort(), [
      'conditional_access',
      'delay',
      'denial',
      'other_impediment',
    ]);
    assert.ok(!published.body.includes(test.staff.monitor.id), 'no recorder in public answers');
    assert.ok(!published.body.includes('recordedBy'));
    const delays = await app.inject({ url: '/api/v1/access-restrictions?kind=delay' });
    assert.deepEqual(
      delays
        .json<{ restrictions: PublicRestriction[] }>()
        .restrictions.map((r) => r.durationMinutes),
      [120],
    );
    const hit = await app.inject({ url: `/api/v1/patrols/${patrol.patrol.id}`, headers: monitor });
    assert.equal(hit.json<PatrolView>().restrictions.length, 4);
  });

  it('refuses a delay without its duration and a write without credentials', async () => {
    const before = await countRows(db);
    const incomplete = await post('/api/v1/access-restrictions', {
      kind: 'delay',
      placeId,
      imposedBy: 'Party B',
      occurredAt: '2023-09-25T08:00:00Z',
      description: 'Held.',
    });
    assert.equal(incomplete.statusCode, 422);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/access-restrictions',
      payload: {},
    });
    assert.equal(anonymous.statusCode, 401);
    assert.deepEqual(await countRows(db), before);
  });
});

describe('access restriction corrections', () => {
  it('corrects a restriction by a new version that anyone can read', async () => {
    const recorded = await post('/api/v1/access-restrictions', {
      kind: 'delay',
      durationMinutes: 20,
      placeId,
      imposedBy: 'Party B',
      occurredAt: '2023-09-28T08:00:00Z',
      description: 'Held at the bridge.',
    });
    const { id } = recorded.json<PublicRestriction>();
    const corrected = await post(
      `/api/v1/access-restrictions/${id}/versions`,
      { version: 1, durationMinutes: 45, reason: 'the patrol log says 45 minutes' },
      test.staff.coordinator.headers,
    );
    assert.equal(corrected.statusCode, 200, corrected.body);
    const published = await app.inject({ url: `/api/v1/access-restrictions/${id}` });
    assert.equal(published.statusCode, 200);
    const history = published.json<{
      restriction: PublicRestriction;
      versions: { durationMinutes: number; reason: string }[];
    }>();
    assert.equal(history.restriction.durationMinutes, 45);
    assert.deepEqual(
      history.versions.map((version) => [version.durationMinutes, version.reason]),
      [
        [20, 'recorded'],
        [45, 'the patrol log says 45 minutes'],
      ],
    );
    assert.ok(!published.body.includes(test.staff.coordinator.id));
    const stale = await post(`/api/v1/access-restrictions/${id}/versions`, {
      version: 1,
      reason: 'late',
    });
    assert.equal(stale.statusCode, 409);
  });
});

describe('patrol routes', () => {
  it('moves a patrol through its machine and refuses an illegal move', async () => {
    const { patrol } = await planPatrol('P-22');
    const url = `/api/v1/patrols/${patrol.id}/transitions`;
    const notified = await post(url, { to: 'notified', version: 1, reason: 'parties told' });
    assert.equal(notified.statusCode, 200, notified.body);
    const illegal = await post(url, { to: 'returned', version: 2, reason: 'skip' });
    assert.equal(illegal.statusCode, 409);
    assert.equal(illegal.json<{ error: { code: string } }>().error.code, 'invalid_transition');
    const stale = await post(url, { to: 'deployed', version: 1, reason: 'late' });
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'conflict');
    for (const [to, version] of [
      ['deployed', 2],
      ['on_task', 3],
      ['returned', 4],
    ] as const) {
      const response = await post(url, { to, version, reason: `now ${to}` });
      assert.equal(response.statusCode, 200, response.body);
    }
    const view = await app.inject({
      url: `/api/v1/patrols/${patrol.id}`,
      headers: test.staff.analyst.headers,
    });
    const read = view.json<PatrolView>();
    assert.equal(read.patrol.state, 'returned');
    assert.deepEqual(
      read.history.map((event) => [event.to, event.actor]),
      [
        ['notified', test.staff.monitor.id],
        ['deployed', test.staff.monitor.id],
        ['on_task', test.staff.monitor.id],
        ['returned', test.staff.monitor.id],
      ],
    );
    const analystMove = await post(
      url,
      { to: 'aborted', version: 5, reason: 'x' },
      test.staff.analyst.headers,
    );
    assert.equal(analystMove.statusCode, 403, 'analysts read patrols only');
    const anonymous = await app.inject({ url: `/api/v1/patrols/${patrol.id}` });
    assert.equal(anonymous.statusCode, 401, 'patrols are staff-only');
  });
});

describe('hotline routes', () => {
  it('records contacts and their responses and reports response times', async () => {
    const taken = await post(
      '/api/v1/hotline-contacts',
      {
        receivedAt: '2023-09-26T10:00:00Z',
        channel: 'messaging',
        callerContact: '@caller_4471',
        topic: 'safe_passage',
      },
      hotline,
    );
    assert.equal(taken.statusCode, 201, taken.body);
    const contact = taken.json<HotlineContact>();
    assert.ok(!taken.body.includes('caller_4471'));
    const answered = await post(
      `/api/v1/hotline-contacts/${contact.id}/response`,
      { version: 1, respondedAt: '2023-09-26T10:03:00Z', outcome: 'information_given' },
      hotline,
    );
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json<HotlineContact>().responseSeconds, 180);
    const atOnce = await post(
      '/api/v1/hotline-contacts',
      {
        receivedAt: '2023-09-26T11:00:00Z',
        channel: 'phone',
        callerContact: '+374 10 000 001',
        topic: 'detention',
        response: { respondedAt: '2023-09-26T11:10:00Z', outcome: 'escalated' },
      },
      test.staff.coordinator.headers,
    );
    assert.equal(atOnce.statusCode, 201, atOnce.body);
    const stats = await app.inject({
      url: '/api/v1/hotline-contacts/statistics?from=2023-09-26&to=2023-09-27',
      headers: test.staff.analyst.headers,
    });
    assert.equal(stats.statusCode, 200, stats.body);
    const figures = stats.json<HotlineStatistics>();
    assert.deepEqual(
      [figures.contacts, figures.responded, figures.medianSeconds, figures.p90Seconds],
      [2, 2, 180, 600],
    );
    assert.deepEqual(
      figures.days.map((day) => [day.date, day.contacts]),
      [
        ['2023-09-26', 2],
        ['2023-09-27', 0],
      ],
    );
    const listed = await app.inject({
      url: '/api/v1/hotline-contacts?from=2023-09-26&to=2023-09-26',
      headers: hotline,
    });
    assert.equal(listed.json<{ contacts: HotlineContact[] }>().contacts.length, 2);
    const monitorRead = await app.inject({
      url: '/api/v1/hotline-contacts/statistics?from=2023-09-26&to=2023-09-27',
      headers: monitor,
    });
    assert.equal(monitorRead.statusCode, 403);
    const twice = await post(
      `/api/v1/hotline-contacts/${contact.id}/response`,
      { version: 2, respondedAt: '2023-09-26T10:05:00Z', outcome: 'referred' },
      hotline,
    );
    assert.equal(twice.json<{ error: { code: string } }>().error.code, 'invalid_transition');
  });
});
