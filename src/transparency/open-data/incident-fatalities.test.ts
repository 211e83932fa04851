// casualties_agg's `killed` is the sum of the incidents dataset's fatalities for a day and area,
// and the daily report publishes the day's dead. Planted case: two incidents the same day at the
// same settlement, 3 and 20 dead. Disclosed apart (the old way) the incidents said "<5" and 20
// and the aggregate 23: 23 − 20 = 3. The attacker of the disclosure property tests
// (test/support/recovery-attacker.ts), told the day's total too, must now recover nothing from
// what both datasets publish.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recoveredEntries, withTotals } from '../../../test/support/recovery-attacker.ts';
import type { Seen } from '../../../test/support/recovery-attacker.ts';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { Cell } from './dataset-definition.ts';
import { discloseDayFatalities } from './incident-fatalities.ts';
import type { IncidentToll } from './incident-fatalities.ts';
import { insertIncident, RELEASE_AT, seedScenario } from './open-data.fixtures.ts';
import { exportText, openTestOpenData, parseCsv } from './open-data.test-support.ts';

function seenOf(cell: Cell | string | undefined, value: number): Seen {
  if (cell === '<5') return { lo: 1, hi: 4 };
  if (cell === 'x') return { lo: 5, hi: Infinity };
  assert.equal(String(cell ?? 0), String(value), 'a published figure is the true one');
  return { lo: value, hi: value };
}

/**
 * What the attacker recovers from one day's published figures and aggregates, knowing the day's
 * dead exactly (from the daily report): a table of areas × incidents, each incident's figure in
 * its area's row and a known zero elsewhere. Findings the day's total gives away on its own do
 * not count.
 */
function recovered(
  tolls: readonly IncidentToll[],
  published: { perIncident: readonly (Cell | string)[]; perArea: ReadonlyMap<string, Cell> },
): string[] {
  const areas = [...new Set(tolls.map((toll) => toll.area))].sort();
  const counts = areas.map((area) => tolls.map((t) => (t.area === area ? (t.killed ?? 0) : 0)));
  const full = withTotals(counts);
  const dayTotal = full.at(-1)?.at(-1) ?? 0;
  const read = (knowsFigures: boolean) =>
    full.map((line, r) =>
      line.map((value, c): Seen => {
        if (r === areas.length && c === tolls.length) return { lo: dayTotal, hi: dayTotal };
        if (!knowsFigures) return { lo: 0, hi: Infinity };
        if (c === tolls.length) return seenOf(published.perArea.get(areas[r] ?? ''), value);
        if (r < areas.length && tolls[c]?.area !== areas[r]) return { lo: 0, hi: 0 };
        return seenOf(published.perIncident[c], tolls[c]?.killed ?? 0);
      }),
    );
  const givenAway = new Set(recoveredEntries([{ counts, seen: read(false) }], 'alone'));
  return recoveredEntries([{ counts, seen: read(true) }], 'alone').filter(
    (entry) => !givenAway.has(entry),
  );
}

describe("fatalities disclosed with their aggregate and the day's total", () => {
  it('lets the old way, each figure alone, give the "<5" away', () => {
    const tolls = [
      { area: 'AM-SU', killed: 3 },
      { area: 'AM-SU', killed: 20 },
    ];
    const alone = { perIncident: ['<5', 20], perArea: new Map([['AM-SU', 23]]) };
    assert.notDeepEqual(recovered(tolls, alone), []);
  });

  it('hides another figure or an aggregate, and keeps what is safe', () => {
    const tolls = [
      { area: 'AM-SU', killed: 3 },
      { area: 'AM-GR', killed: 40 },
      { area: 'AM-SU', killed: 20 },
      { area: 'AM-SU', killed: null },
      { area: 'AM-ER', killed: 12 },
    ];
    const published = discloseDayFatalities(tolls);
    assert.equal(published.perIncident[0], '<5');
    assert.equal(published.perIncident[3], null, 'an unreadable toll stays empty');
    assert.ok(
      published.perIncident.filter((cell) => typeof cell === 'number').length >= 1,
      'large figures stay published',
    );
    assert.deepEqual(recovered(tolls, published), []);
  });

  it('hides a day whose only death toll is small: the daily report gives its total', () => {
    const published = discloseDayFatalities([{ area: 'AM-SU', killed: 3 }]);
    assert.deepEqual(published.perIncident, ['x']);
    assert.deepEqual([...published.perArea], [['AM-SU', 'x']]);
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
    const tolls = [
      { area: 'AM-SU', killed: 3 },
      { area: 'AM-SU', killed: 20 },
    ];
    const perArea = new Map([['AM-SU', aggregate['killed'] ?? '']]);
    assert.deepEqual(recovered(tolls, { perIncident: cells, perArea }), []);
  });
});
