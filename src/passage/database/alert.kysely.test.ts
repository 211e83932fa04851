import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyAlertRepository } from './alert.kysely.ts';
import { anAlert, hoursAfterD0 } from './passage.fixtures.ts';

describeOnBothDatabases('alert repository', (open) => {
  it('raises an alert once per dedupe key', async () => {
    const { db } = await open();
    const alerts = new KyselyAlertRepository(db);
    const alert = anAlert({
      details: { expected: 48, counted: 47, vehicleId: 'v-1', nested: { n: 1 } },
    });
    assert.equal(await alerts.insert(alert), true);
    assert.equal(await alerts.insert(anAlert({ dedupeKey: alert.dedupeKey })), false);
    assert.deepEqual(await alerts.get(alert.id), alert);
    assert.equal((await alerts.listSince(undefined, 10)).length, 1);
  });

  it('pages through alerts after a cursor without losing equal timestamps', async () => {
    const { db } = await open();
    const alerts = new KyselyAlertRepository(db);
    const at = hoursAfterD0(60);
    const [a, b, c] = [
      anAlert({ id: 'a', raisedAt: at }),
      anAlert({ id: 'b', raisedAt: at }),
      anAlert({ id: 'c', raisedAt: hoursAfterD0(61) }),
    ];
    for (const alert of [c, b, a]) await alerts.insert(alert);
    const page = await alerts.listSince(undefined, 1);
    assert.deepEqual(page, [a]);
    assert.deepEqual(await alerts.listSince({ raisedAt: at, id: 'a' }, 10), [b, c]);
    assert.deepEqual(await alerts.listSince({ raisedAt: c.raisedAt, id: 'c' }, 10), []);
  });

  it('acknowledges an alert once and drops it from the unacknowledged list', async () => {
    const { db } = await open();
    const alerts = new KyselyAlertRepository(db);
    const [first, second] = [
      anAlert({ raisedAt: hoursAfterD0(1) }),
      anAlert({ raisedAt: hoursAfterD0(2) }),
    ];
    await alerts.insert(first);
    await alerts.insert(second);
    const ack = { id: first.id, by: 'coordinator-1', at: hoursAfterD0(3) };
    assert.equal(await alerts.acknowledge(ack), true);
    assert.equal(await alerts.acknowledge({ ...ack, by: 'coordinator-2' }), false);
    assert.equal((await alerts.get(first.id))?.acknowledgedBy, 'coordinator-1');
    assert.deepEqual(await alerts.listUnacknowledged(10), [second]);
  });
});
