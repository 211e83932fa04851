// casualties_agg's `killed` is the sum of the incidents dataset's fatalities for a day and area.
// Planted case: two incidents the same day at the same settlement, 3 and 20 dead. Disclosed
// apart (the old way) the incidents said "<5" and 20 and the aggregate 23: 23 − 20 = 3. The
// attacker of the disclosure property tests (test/support/recovery-attacker.ts) must now
// recover nothing from what both datasets publish.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recoveredEntries } from '../../../test/support/recovery-attacker.ts';
import type { Seen } from '../../../test/support/recovery-attacker.ts';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { Cell } from './dataset-definition.ts';
import { discloseDayFatalities } from './incident-fatalities.ts';
import { insertIncident, RELEASE_AT, seedScenario } from './open-data.fixtures.ts';
import { discloseColumnWithTotal } from './open-data.disclosure.ts';
import { exportText, openTestOpenData, parseCsv } from './open-data.test-support.ts';

function seenOf(cell: Cell | string | undefined, value: number): Seen {
  if (cell === '<5') return { lo: 1, hi: 4 };
  if (cell === 'x') return { lo: 5, hi: Infinity };
  assert.equal(String(cell), String(value), 'a published figure is the true one');
  return { lo: value, hi: value };
}

/** What the attacker recovers from incidents' figures and their aggregate, true values given. */
function recovered(
  killed: number[],
  published: { cells: (Cell | string)[]; total: Cell | string },
) {
  const total = killed.reduce((a, b) => a + b, 0);
  const seen = [
    ...killed.map((value, index) => {
      const known = seenOf(published.cells[index], value);
      return [known, known];
    }),
    [seenOf(published.total, total), seenOf(published.total, total)],
  ];
  return recoveredEntries([{ counts: killed.map((value) => [value]), seen }], 'alone');
}

describe('fatalities disclosed with their aggregate', () => {
  it('lets the old way, each figure alone, give the "<5" away', () => {
    const alone = (value: number) => discloseColumnWithTotal([value]).total;
    const published = { cells: [alone(3), alone(20)], total: alone(23) };
    assert.deepEqual(published, { cells: ['<5', 20], total: 23 });
    assert.notDeepEqual(recovered([3, 20], published), []);
  });

  it('hides another figure or the aggregate, per area, and keeps what is safe', () => {
    const { perIncident, perArea } = discloseDayFatalities([
      { area: 'AM-SU', killed: 3 },
      { area: 'AM-GR', killed: 40 },
      { area: 'AM-SU', killed: 20 },
      { area: 'AM-SU', killed: null },
    ]);
    assert.equal(perIncident[1], 40, 'alone in its area: published');
    assert.equal(perArea.get('AM-GR'), 40);
    assert.equal(perIncident[3], null, 'an unreadable toll stays empty');
    const su = {
      cells: [perIncident[0] ?? null, perIncident[2] ?? null, 0],
      total: perArea.get('AM-SU') ?? null,
    };
    assert.equal(su.cells[0], '<5');
    assert.deepEqual(recovered([3, 20, 0], su), []);
  });
});

describeOnBothDatabases('open data: incidents against casualties_agg', (open) => {
  it('does not let the aggregate minus the other incidents give a "<5" away', async () => {
    const { db } = await open();
    const test = openTestOpenData(db);
    const scenario = await seedScenario(db, test);
    // The scenario's incident at the checkpoint (Hilltown, 3 dead) started 120 h before the
    // release; a second one there an hour later, 20 dead, makes the planted case.
    await insertIncident(db, {
      state: 'published',
      start: new Date(RELEASE_AT.getTime() - 119 * 3_600_000).toISOString(),
      placeId: scenario.checkpointId,
      killed: 20,
    });
    const csv = async (dataset: 'incidents' | 'casualties_agg') => {
      const release = await test.service.createRelease(dataset, 'staff-coordinator-1');
      return parseCsv(await exportText(test.service, { ...release, dataset, format: 'csv' })).rows;
    };
    const incidents = (await csv('incidents')).filter((row) => row['event_date'] === '2023-09-26');
    const aggregate = (await csv('casualties_agg')).find((row) => row['date'] === '2023-09-26');
    assert.deepEqual(
      incidents.map((row) => row['admin1']),
      ['AM-SU', 'AM-SU'],
    );
    assert.equal(aggregate?.['admin1'], 'AM-SU');
    const cells = incidents.map((row) => row['fatalities'] ?? '');
    assert.equal(cells[0], '<5');
    // The direct subtraction a reader would try: it needs the aggregate and the other figure.
    assert.ok(aggregate['killed'] === 'x' || cells[1] === 'x', JSON.stringify([aggregate, cells]));
    assert.deepEqual(recovered([3, 20], { cells, total: aggregate['killed'] ?? '' }), []);
  });
});
