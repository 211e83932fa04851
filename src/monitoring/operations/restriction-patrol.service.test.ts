import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { newId, rejectsWith } from '../../passage/database/passage.fixtures.ts';
import {
  countRows,
  insertPlace,
  openTestCommitments,
} from '../commitments/commitments.fixtures.ts';
import { KyselyPatrolRepository } from './patrol.kysely.ts';

const MONITOR = 'staff-monitor-7';

describeOnBothDatabases('restriction and patrol services', (open) => {
  it('records a restriction of each kind as a public entry without its recorder', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const placeId = await insertPlace(db);
    const base = {
      placeId,
      imposedBy: 'Party B checkpoint commander',
      description: 'The patrol was stopped at the bridge.',
    };
    const recorded = [
      await test.restrictions.record(
        { ...base, kind: 'denial', occurredAt: '2023-09-25T08:00:00Z' },
        MONITOR,
      ),
      await test.restrictions.record(
        {
          ...base,
          kind: 'conditional_access',
          subKind: 'escort_imposed',
          occurredAt: '2023-09-25T09:00:00Z',
        },
        MONITOR,
      ),
      await test.restrictions.record(
        { ...base, kind: 'delay', durationMinutes: 95, occurredAt: '2023-09-25T10:00:00Z' },
        MONITOR,
      ),
      await test.restrictions.record(
        {
          ...base,
          kind: 'other_impediment',
          subKind: 'private_interview_refused',
          occurredAt: '2023-09-25T11:00:00+02:00',
        },
        MONITOR,
      ),
    ];
    assert.deepEqual(
      recorded.map((restriction) => restriction.kind),
      ['denial', 'conditional_access', 'delay', 'other_impediment'],
    );
    assert.equal(recorded[3]?.occurredAt, '2023-09-25T09:00:00.000Z');
    const entries = test.entries();
    assert.ok(entries.every((entry) => entry.kind === 'access_restriction.version'));
    assert.ok(!JSON.stringify(entries).includes(MONITOR), 'no recorder in public entries');
    assert.deepEqual((entries[2]?.body as { durationMinutes: number }).durationMinutes, 95);
    const seals = await db.selectFrom('sealed_record').select('visibility').execute();
    assert.ok(seals.length === 4 && seals.every((seal) => seal.visibility === 'public'));
    const listed = await test.restrictions.list({});
    assert.deepEqual(
      listed.map((restriction) => restriction.kind),
      ['delay', 'conditional_access', 'other_impediment', 'denial'],
    );
    assert.deepEqual(
      listed.map((restriction) => restriction.occurredAt),
      [
        '2023-09-25T10:00:00.000Z',
        '2023-09-25T09:00:00.000Z',
        '2023-09-25T09:00:00.000Z',
        '2023-09-25T08:00:00.000Z',
      ],
    );
    assert.ok(listed.every((restriction) => !('recordedBy' in restriction)));
    const delays = await test.restrictions.list({ kind: 'delay' });
    assert.deepEqual(
      delays.map((restriction) => restriction.id),
      [recorded[2]?.id],
    );
    const window = await test.restrictions.list({
      from: '2023-09-25T08:30:00Z',
      to: '2023-09-25T09:30:00Z',
      limit: 1,
    });
    assert.equal(window.length, 1);
  });

  it('refuses an incomplete restriction or an unknown place or patrol, writing nothing', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const placeId = await insertPlace(db);
    const base = {
      placeId,
      imposedBy: 'Party B',
      description: 'Stopped.',
      occurredAt: '2023-09-25T08:00:00Z',
    };
    const before = await countRows(db);
    for (const input of [
      { ...base, kind: 'delay' },
      { ...base, kind: 'denial', durationMinutes: 10 },
      { ...base, kind: 'other_impediment' },
      { ...base, kind: 'denial', placeId: newId() },
      { ...base, kind: 'denial', patrolId: newId() },
      { ...base, kind: 'blockade' },
    ] as const) {
      await rejectsWith(test.restrictions.record(input as never, MONITOR), 'invalid_request');
    }
    assert.deepEqual(await countRows(db), before);
  });

  it('corrects a restriction by a public new version and keeps the first', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const placeId = await insertPlace(db);
    const delay = await test.restrictions.record(
      {
        kind: 'delay',
        durationMinutes: 30,
        placeId,
        imposedBy: 'Party B',
        description: 'Held at the bridge.',
        occurredAt: '2023-09-25T08:00:00Z',
      },
      MONITOR,
    );
    const corrected = await test.restrictions.correct(
      delay.id,
      { version: 1, durationMinutes: 90, reason: 'the log shows 90 minutes' },
      'staff-coordinator',
    );
    assert.equal(corrected.restriction.durationMinutes, 90);
    assert.equal(corrected.restriction.version, 2);
    assert.deepEqual(
      corrected.versions.map((version) => [
        version.version,
        version.durationMinutes,
        version.reason,
      ]),
      [
        [1, 30, 'recorded'],
        [2, 90, 'the log shows 90 minutes'],
      ],
    );
    const entries = test.entries();
    assert.deepEqual(
      entries.map((entry) => [entry.kind, entry.version]),
      [
        ['access_restriction.version', 1],
        ['access_restriction.version', 2],
      ],
    );
    assert.ok(!JSON.stringify(entries).includes('staff-coordinator'));
    const before = await countRows(db);
    await rejectsWith(
      test.restrictions.correct(delay.id, { version: 1, reason: 'late' }, MONITOR),
      'conflict',
    );
    await rejectsWith(
      test.restrictions.correct(delay.id, { version: 2, kind: 'denial', reason: 'r' }, MONITOR),
      'invalid_request',
    );
    await rejectsWith(
      test.restrictions.correct(delay.id, { version: 2, placeId: newId(), reason: 'r' }, MONITOR),
      'invalid_request',
    );
    await rejectsWith(
      test.restrictions.correct(newId(), { version: 1, reason: 'r' }, MONITOR),
      'not_found',
    );
    assert.deepEqual(await countRows(db), before);
    const denial = await test.restrictions.correct(
      delay.id,
      { version: 2, kind: 'denial', durationMinutes: null, reason: 'never let through' },
      MONITOR,
    );
    assert.deepEqual(
      [denial.restriction.kind, denial.restriction.durationMinutes],
      ['denial', null],
    );
    await rejectsWith(test.restrictions.get(newId()), 'not_found');
  });

  it('moves a patrol through its machine with why, and shows the restrictions that hit it', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const placeId = await insertPlace(db);
    const planned = await test.patrols.plan(
      { label: 'P-17', placeId, plannedStart: '2023-09-25T06:00:00Z' },
      MONITOR,
    );
    const id = planned.patrol.id;
    assert.equal(planned.patrol.state, 'planned');
    let version = 1;
    for (const to of ['notified', 'deployed', 'restricted'] as const) {
      const view = await test.patrols.transition(id, { to, version, reason: `to ${to}` }, MONITOR);
      version = view.patrol.version;
    }
    await test.restrictions.record(
      {
        kind: 'denial',
        occurredAt: '2023-09-25T07:00:00Z',
        placeId,
        imposedBy: 'Party B',
        description: 'Turned back at the bridge.',
        patrolId: id,
      },
      MONITOR,
    );
    const back = await test.patrols.transition(
      id,
      { to: 'returned', version, reason: 'denied passage' },
      'staff-coordinator',
    );
    assert.equal(back.patrol.state, 'returned');
    assert.deepEqual(
      back.history.map((event) => [event.from, event.to, event.reason, event.actor]),
      [
        ['planned', 'notified', 'to notified', MONITOR],
        ['notified', 'deployed', 'to deployed', MONITOR],
        ['deployed', 'restricted', 'to restricted', MONITOR],
        ['restricted', 'returned', 'denied passage', 'staff-coordinator'],
      ],
    );
    assert.equal(back.restrictions.length, 1);
    assert.equal(back.restrictions[0]?.recordedBy, MONITOR);
    const patrolEntries = test.entries().filter((entry) => entry.kind.startsWith('patrol.'));
    assert.equal(patrolEntries.length, 5);
    assert.ok(patrolEntries.every((entry) => 'commitment' in (entry.body as object)));
    assert.deepEqual(
      (await test.patrols.list({ state: 'returned', limit: 10 })).map((patrol) => patrol.id),
      [id],
    );
    assert.deepEqual(await test.patrols.list({ state: 'planned', limit: 10 }), []);
  });

  it('refuses an illegal move, a stale version and an unknown patrol or place', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const { patrol } = await test.patrols.plan(
      { label: 'P-18', plannedStart: '2023-09-25T06:00:00Z' },
      MONITOR,
    );
    const before = await countRows(db);
    await rejectsWith(
      test.patrols.transition(patrol.id, { to: 'deployed', version: 1, reason: 'go' }, MONITOR),
      'invalid_transition',
    );
    await rejectsWith(
      test.patrols.transition(patrol.id, { to: 'notified', version: 2, reason: 'go' }, MONITOR),
      'conflict',
    );
    await rejectsWith(
      test.patrols.transition(newId(), { to: 'notified', version: 1, reason: 'go' }, MONITOR),
      'not_found',
    );
    await rejectsWith(
      test.patrols.plan(
        { label: 'P-19', placeId: newId(), plannedStart: '2023-09-25T06:00:00Z' },
        MONITOR,
      ),
      'invalid_request',
    );
    assert.deepEqual(await countRows(db), before);
    const repository = new KyselyPatrolRepository(db);
    const change = {
      id: patrol.id,
      from: 'planned',
      to: 'notified',
      expectedVersion: 1,
      reason: 'r',
      at: '2023-09-25T05:00:00.000Z',
      actor: MONITOR,
    } as const;
    await repository.transition(change);
    await rejectsWith(repository.transition(change), 'conflict');
    await rejectsWith(repository.transition({ ...change, id: newId() }), 'not_found');
  });
});
