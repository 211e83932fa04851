// Passage operations through the API: coordinators create and move them along the operation
// machine, staff read them with their history; an illegal move, a halt without a reason and a
// stale version are refused with their catalogued codes and write nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { errorCode, send, snapshot } from '../../src/passage/registry/registry-http.fixture.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const coordinator = test.staff.coordinator.headers;

interface OperationBody {
  id: string;
  state: string;
  version: number;
  stateReason: string | null;
  history: { from: string; to: string; reason: string | null; actor: string }[];
}

async function createConvoy(): Promise<OperationBody> {
  const response = await send(vigil, {
    method: 'POST',
    url: '/api/v1/operations',
    headers: coordinator,
    payload: {
      kind: 'convoy',
      name: 'Convoy 7',
      windowStart: '2023-09-26T06:00:00Z',
      windowEnd: '2023-09-26T18:00:00Z',
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<OperationBody>();
}

function move(id: string, payload: unknown) {
  return send(vigil, {
    method: 'POST',
    url: `/api/v1/operations/${id}/transitions`,
    headers: coordinator,
    payload,
  });
}

async function moveOk(operation: OperationBody, to: string, reason?: string) {
  const payload = { to, version: operation.version, ...(reason === undefined ? {} : { reason }) };
  const response = await move(operation.id, payload);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<OperationBody>();
}

describe('operation routes', () => {
  it('creates a proposed convoy and moves it through a halt, keeping the history', async () => {
    let operation = await createConvoy();
    assert.equal(operation.state, 'proposed');
    for (const to of ['agreed', 'scheduled', 'boarding', 'in_transit']) {
      operation = await moveOk(operation, to);
    }
    operation = await moveOk(operation, 'halted', 'stopped at the bridge');
    assert.equal(operation.stateReason, 'stopped at the bridge');
    operation = await moveOk(operation, 'in_transit');
    const read = await send(vigil, {
      method: 'GET',
      url: `/api/v1/operations/${operation.id}`,
      headers: test.staff.analyst.headers,
    });
    assert.equal(read.statusCode, 200);
    const body = read.json<OperationBody>();
    assert.equal(body.version, 7);
    assert.deepEqual(
      body.history.map((event) => event.to),
      ['agreed', 'scheduled', 'boarding', 'in_transit', 'halted', 'in_transit'],
    );
    assert.equal(body.history[4]?.reason, 'stopped at the bridge');
    const list = await send(vigil, {
      method: 'GET',
      url: '/api/v1/operations?state=in_transit',
      headers: test.staff.monitor.headers,
    });
    assert.equal(list.statusCode, 200);
    assert.ok(
      list.json<{ operations: { id: string }[] }>().operations.some((o) => o.id === operation.id),
    );
    const seals = await vigil.database.db
      .selectFrom('sealed_record')
      .select('visibility')
      .where('id', '=', operation.id)
      .execute();
    assert.equal(seals.length, 7);
    assert.ok(
      seals.every((seal) => seal.visibility === 'sealed'),
      'operational details are embargoed',
    );
  });

  it('refuses an illegal move, a halt without reason and a stale version, writing nothing', async () => {
    let operation = await createConvoy();
    operation = await moveOk(operation, 'agreed');
    const before = await snapshot(vigil);
    const cases: [unknown, number, string][] = [
      [{ to: 'in_transit', version: operation.version }, 409, 'invalid_transition'],
      [{ to: 'closed', version: operation.version }, 409, 'invalid_transition'],
      [{ to: 'scheduled', version: operation.version - 1 }, 409, 'conflict'],
      [{ to: 'scheduled', version: operation.version + 1 }, 409, 'conflict'],
      [{ to: 'teleported', version: operation.version }, 422, 'invalid_request'],
      [{ to: 'scheduled' }, 422, 'invalid_request'],
      [{ to: 'scheduled', version: '2' }, 422, 'invalid_request'],
    ];
    for (const [payload, status, code] of cases) {
      const response = await move(operation.id, payload);
      assert.equal(response.statusCode, status, `${JSON.stringify(payload)}: ${response.body}`);
      assert.equal(errorCode(response), code);
    }
    assert.deepEqual(await snapshot(vigil), before);
    const scheduled = await moveOk(operation, 'scheduled');
    const inTransit = await moveOk(scheduled, 'in_transit');
    const beforeHalt = await snapshot(vigil);
    const halt = await move(inTransit.id, { to: 'halted', version: inTransit.version });
    assert.equal(halt.statusCode, 422);
    assert.equal(errorCode(halt), 'invalid_request');
    const blank = await move(inTransit.id, {
      to: 'halted',
      version: inTransit.version,
      reason: '   ',
    });
    assert.equal(blank.statusCode, 422);
    assert.deepEqual(await snapshot(vigil), beforeHalt);
    const unknown = await move(randomUUID(), { to: 'agreed', version: 1 });
    assert.equal(unknown.statusCode, 404);
    assert.equal(errorCode(unknown), 'not_found');
  });

  it('refuses invalid operations with 422 and writes nothing', async () => {
    const before = await snapshot(vigil);
    const bad: unknown[] = [
      { kind: 'caravan', name: 'X' },
      { kind: 'convoy', name: '' },
      { kind: 'convoy', name: 'X', originPlaceId: randomUUID() },
      {
        kind: 'convoy',
        name: 'X',
        windowStart: '2023-09-26T06:00:00Z',
        windowEnd: '2023-09-25T06:00:00Z',
      },
      { kind: 'convoy', name: 'X', windowStart: 'tomorrow' },
      { kind: 'convoy', name: 'X', state: 'closed' },
    ];
    for (const payload of bad) {
      const response = await send(vigil, {
        method: 'POST',
        url: '/api/v1/operations',
        headers: coordinator,
        payload,
      });
      assert.equal(response.statusCode, 422, `${JSON.stringify(payload)}: ${response.body}`);
      assert.equal(errorCode(response), 'invalid_request');
    }
    assert.deepEqual(await snapshot(vigil), before);
  });
});
