// The daily report's reconciliation counted by SQL on both engines: the people who departed in
// the reporting day, each where their journey stood at the cut-off (its last transition before
// it), whatever happened to them since.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { aJourney } from '../../passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../passage/database/passage-store.kysely.ts';
import type { JourneyState } from '../../passage/model/states.ts';
import type { Database } from '../../store/schema.ts';
import { countReconciliation, departedOf } from './bulletin-reconciliation.kysely.ts';

// The daily report of 24 Sep covers 23 Sep 15:30 → 24 Sep 15:30 UTC (19:30 in Yerevan).
const DAY = { from: '2023-09-23T15:30:00.000Z', to: '2023-09-24T15:30:00.000Z' };
const DEPARTED = '2023-09-24T08:00:00.000Z';
const BEFORE_CUTOFF = '2023-09-24T12:00:00.000Z';
const AFTER_CUTOFF = '2023-09-24T18:00:00.000Z';
const LATER = '2023-09-26T00:00:00.000Z';

/** A journey that departed at `departedAt` in `start`, then moved through `moves` ([to, at]). */
async function journeyWith(
  db: Kysely<Database>,
  journey: { start: JourneyState; departedAt?: string | null; expectedBy?: string | null },
  moves: readonly [JourneyState, string][] = [],
): Promise<void> {
  const states = [journey.start, ...moves.map(([to]) => to)];
  const row = aJourney({
    state: states.at(-1) ?? journey.start,
    version: states.length,
    departedAt: journey.departedAt === undefined ? DEPARTED : journey.departedAt,
    expectedBy: journey.expectedBy === undefined ? LATER : journey.expectedBy,
  });
  await passageStoreOn(db).journeys.insertMany([row]);
  for (const [index, [to, at]] of moves.entries()) {
    await db
      .insertInto('journey_event')
      .values({
        journey_id: row.id,
        version: index + 2,
        from_state: states[index] ?? journey.start,
        to_state: to,
        at,
        actor: 'device-test',
        place_id: null,
        source_item_id: null,
      })
      .execute();
  }
}

describeOnBothDatabases('reconciliation of a daily report', (open) => {
  it('places each person who departed in the day where they stood at the cut-off', async () => {
    const { db } = await open();
    // Arrived before the cut-off, registered after it: arrived.
    await journeyWith(db, { start: 'listed' }, [
      ['boarded', DEPARTED],
      ['arrived', BEFORE_CUTOFF],
      ['registered_at_arrival', AFTER_CUTOFF],
    ]);
    // Arrived only after the cut-off: on the road then, within the expected time.
    await journeyWith(db, { start: 'listed' }, [
      ['boarded', DEPARTED],
      ['arrived', AFTER_CUTOFF],
    ]);
    // Seen first at a checkpoint (no transition yet at the cut-off), arrived the next day.
    await journeyWith(db, { start: 'passed' }, [['arrived', LATER]]);
    // Pulled aside before the cut-off, released after it: held at the cut-off.
    await journeyWith(db, { start: 'passed' }, [
      ['held_secondary', BEFORE_CUTOFF],
      ['released', AFTER_CUTOFF],
    ]);
    await journeyWith(db, { start: 'detained' });
    await journeyWith(db, { start: 'turned_back' });
    await journeyWith(db, { start: 'passed' }, [['died_en_route', BEFORE_CUTOFF]]);
    // Still on the road past the expected time at the cut-off, or with none: unaccounted.
    await journeyWith(db, { start: 'passed', expectedBy: BEFORE_CUTOFF }, [
      ['arrived', AFTER_CUTOFF],
    ]);
    await journeyWith(db, { start: 'boarded', expectedBy: null });
    const counts = await countReconciliation(db, DAY);
    assert.deepEqual(counts, {
      arrived: 1,
      held: 2,
      turnedBack: 1,
      died: 1,
      enRoute: 2,
      unaccounted: 2,
    });
    assert.equal(departedOf(counts), 9);
  });

  it('counts only the day’s departures, and nobody who has not left', async () => {
    const { db } = await open();
    await journeyWith(db, { start: 'arrived', departedAt: '2023-09-23T15:29:59.999Z' });
    // Departing at the cut-off itself belongs to the next reporting day.
    await journeyWith(db, { start: 'arrived', departedAt: DAY.to });
    await journeyWith(db, { start: 'listed', departedAt: null });
    await journeyWith(db, { start: 'arrived', departedAt: DAY.from });
    // Listed in the day and boarded only after the cut-off: had not left at the cut-off.
    await journeyWith(db, { start: 'listed' }, [['boarded', AFTER_CUTOFF]]);
    const counts = await countReconciliation(db, DAY);
    assert.equal(departedOf(counts), 1);
    assert.equal(counts.arrived, 1);
  });

  it('counts a state this version does not know as unaccounted, so it is looked at', async () => {
    const { db } = await open();
    await journeyWith(db, { start: 'teleported' as JourneyState });
    for (let i = 0; i < 12; i++) await journeyWith(db, { start: 'arrived' });
    const counts = await countReconciliation(db, DAY);
    assert.equal(counts.unaccounted, 1);
    assert.equal(counts.arrived, 12);
  });
});
