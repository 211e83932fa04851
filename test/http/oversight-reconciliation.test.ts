import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { aJourney, anOperation } from '../../src/passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app } = test.vigil;
const store = passageStoreOn(test.vigil.features.context.db);

const operation = anOperation();
await store.operations.insert(operation);
const vehicleId = randomUUID();
const inOperation = { operationId: operation.id, vehicleId };
const arrived = aJourney({ ...inOperation, state: 'arrived' });
const held = aJourney({ ...inOperation, state: 'detained' });
// Expected in 2023: long overdue now, so unaccounted.
const lost = aJourney({ ...inOperation, state: 'passed' });
await store.journeys.insertMany([arrived, held, lost]);

function get(query: string, headers = test.staff.coordinator.headers) {
  return app.inject({ method: 'GET', url: `/api/v1/reconciliation${query}`, headers });
}

describe('GET /api/v1/reconciliation', () => {
  it('answers the headcount per vehicle with the unaccounted listed', async () => {
    const response = await get(
      `?by=vehicle&operationId=${operation.id}`,
      test.staff.analyst.headers,
    );
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json<{
      by: string;
      groupCount: number;
      groups: {
        key: string;
        departed: number;
        arrived: number;
        held: number;
        unaccounted: number;
        unaccountedIds: string[];
      }[];
      total: { departed: number; unaccountedIds: string[] };
    }>();
    assert.equal(report.by, 'vehicle');
    assert.equal(report.groupCount, 1);
    const [group] = report.groups;
    assert.deepEqual(
      [group?.key, group?.departed, group?.arrived, group?.held, group?.unaccounted],
      [vehicleId, 3, 1, 1, 1],
    );
    assert.deepEqual(group?.unaccountedIds, [lost.id]);
    assert.deepEqual(report.total.unaccountedIds, [lost.id]);
  });

  it('refuses a bad grouping, a bad day, a limit out of range and an unknown field with 422', async () => {
    for (const query of [
      '?by=household',
      '?day=2023-02-30',
      '?day=yesterday',
      '?limit=0',
      '?idsLimit=many',
      '?operationId=42',
      '?sort=asc',
      `?operationId=${operation.id}&day=2023-09-24`,
    ]) {
      const response = await get(query);
      assert.equal(response.statusCode, 422, query);
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'invalid_request');
    }
  });

  it('answers 404 for an operation that does not exist', async () => {
    const response = await get(`?operationId=${randomUUID()}`);
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'not_found');
  });

  it('is refused to a monitor', async () => {
    assert.equal((await get('', test.staff.monitor.headers)).statusCode, 403);
  });
});
