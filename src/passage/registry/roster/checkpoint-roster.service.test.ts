import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import {
  ARMEN_HY,
  DAVIT_HY,
  LUSINE_HY,
  REGISTRY_ACTOR,
  openTestRegistry,
} from '../registry.fixture.ts';
import {
  CheckpointRosterService,
  ROSTER_STATES,
  TAG_BYTES,
  rosterTag,
} from './checkpoint-roster.service.ts';

const KEY = new Uint8Array(32).fill(7);

describeOnBothDatabases('checkpoint roster', (open) => {
  it('lists each travelling household under the keyed tag of its code, with its open journeys', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const leaving = await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: DAVIT_HY }] },
      REGISTRY_ACTOR,
    );
    const staying = await registry.registration.register(
      { intention: 'stay_under_protection', members: [{ identity: LUSINE_HY }] },
      REGISTRY_ACTOR,
    );
    const roster = await new CheckpointRosterService({
      db,
      now: () => new Date('2023-09-26T08:00:00.000Z'),
      randomBytes: (size) => KEY.subarray(0, size),
    }).roster();
    assert.equal(roster.key, Buffer.from(KEY).toString('base64'));
    assert.equal(roster.tagBytes, TAG_BYTES);
    assert.equal(roster.generatedAt, '2023-09-26T08:00:00.000Z');
    assert.equal(roster.households.length, 1, 'a household that stays has no journey');
    const household = roster.households[0]!;
    const expectedTag = createHmac('sha256', KEY)
      .update(leaving.referenceCode)
      .digest('hex')
      .slice(0, 2 * TAG_BYTES);
    assert.equal(household.tag, expectedTag);
    const view = await registry.households.view(leaving.householdId);
    const journeys = view.members.flatMap((member) =>
      member.journeys.map((journey) => ({
        journeyId: journey.id,
        state: journey.state,
        sex: member.sex,
        ageBand: member.ageBand,
      })),
    );
    assert.deepEqual(
      household.journeys,
      journeys.sort((a, b) => a.journeyId.localeCompare(b.journeyId)),
    );
    const text = JSON.stringify(roster);
    for (const code of [leaving.referenceCode, staying.referenceCode]) {
      assert.ok(!text.includes(code), 'no reference code leaves the server');
    }
  });

  it('leaves out journeys a passage can no longer move, and draws a new key each time', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId } = await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }] },
      REGISTRY_ACTOR,
    );
    const [journey] = (await registry.households.view(householdId)).members[0]!.journeys;
    const service = new CheckpointRosterService({ db, now: () => new Date() });
    const before = await service.roster();
    assert.equal(before.households.length, 1);
    const journeys = passageStoreOn(db).journeys;
    const step = { id: journey!.id, at: '2023-09-26T08:00:00.000Z', actor: 'device-1' };
    const common = { placeId: null, sourceItemId: null };
    await journeys.transition({
      ...step,
      ...common,
      from: 'listed',
      to: 'boarded',
      expectedVersion: 1,
    });
    await journeys.transition({
      ...step,
      ...common,
      from: 'boarded',
      to: 'turned_back',
      expectedVersion: 2,
    });
    const after = await service.roster();
    assert.deepEqual(after.households, []);
    assert.notEqual(after.key, before.key);
  });
});

it('keeps the states a checkpoint passage can still move, and only those', () => {
  assert.deepEqual([...ROSTER_STATES].sort(), [
    'boarded',
    'listed',
    'no_show',
    'passed',
    'released',
  ]);
});

it('tags a code with the hex of the first bytes of its HMAC-SHA-256', () => {
  const code = 'K3F9-0QZT-7M2A-W';
  const full = createHmac('sha256', KEY).update(code).digest('hex');
  assert.equal(rosterTag(KEY, code), full.slice(0, 10));
});
