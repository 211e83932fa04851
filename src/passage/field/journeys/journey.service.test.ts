import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { fieldTestContext, seedCorridor, seedListedJourneys } from '../field.fixtures.ts';
import { PlaceDirectory } from '../places/place-directory.ts';
import { JourneyEventPlanner } from './journey-event.plan.ts';
import { JourneyService } from './journey.service.ts';

describeOnBothDatabases('JourneyService', (open) => {
  async function setUp() {
    const { db } = await open();
    const context = fieldTestContext(db);
    const places = new PlaceDirectory({ db });
    const journeys = new JourneyService({
      context,
      places,
      planner: new JourneyEventPlanner(places),
    });
    return { db, context, journeys, corridor: await seedCorridor(db) };
  }

  it('lets one of two concurrent changes at the same version win; the other is a conflict', async () => {
    const { db, journeys } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    const settled = await Promise.allSettled([
      journeys.transition(journey!.id, { to: 'boarded', version: 1 }, 'staff-a'),
      journeys.transition(journey!.id, { to: 'no_show', version: 1 }, 'staff-b'),
    ]);
    const won = settled.filter((result) => result.status === 'fulfilled');
    const lost = settled.flatMap((result): unknown[] =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    assert.equal(won.length, 1);
    assert.ok(lost[0] instanceof DomainError && lost[0].code === 'conflict');
    const stored = await passageStoreOn(db).journeys.get(journey!.id);
    assert.equal(stored?.version, 2);
    assert.equal((await passageStoreOn(db).journeys.history(journey!.id)).length, 1);
    const seals = await db
      .selectFrom('sealed_record')
      .select('id')
      .where('id', '=', journey!.id)
      .execute();
    assert.equal(seals.length, 1);
  });

  it('raises the held-person alert before it answers a detention', async () => {
    const { db, journeys, corridor } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    await journeys.transition(journey!.id, { to: 'boarded', version: 1 }, 'staff');
    await journeys.transition(
      journey!.id,
      { to: 'held_secondary', placeId: corridor.bridge, version: 2 },
      'staff',
    );
    const view = await journeys.transition(journey!.id, { to: 'detained', version: 3 }, 'staff');
    assert.equal(
      view.journey.firstCheckpointId,
      corridor.bridge,
      'the checkpoint started the clock',
    );
    const rows = await db
      .selectFrom('alert')
      .select(['dedupe_key', 'severity'])
      .where('subject_id', '=', journey!.id)
      .orderBy('dedupe_key')
      .execute();
    assert.deepEqual(
      rows.map((row) => [row.dedupe_key.split(':').at(-1), row.severity]),
      [
        ['detained', 'critical'],
        ['held_secondary', 'warning'],
      ],
    );
  });
});
