import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import { NO_TOLLS } from '../model/incident-content.ts';
import { seedItems } from './incident.fixtures.ts';
import { KyselyIncidentRepository } from './incident.kysely.ts';
import type { Incident } from './incident.repository.ts';

const AT = '2023-09-26T10:00:00.000Z';

function anIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: randomUUID(),
    state: 'received',
    subEventType: 'checkpoint_detention',
    occurredStart: '2023-09-26T09:00:00.000Z',
    occurredEnd: null,
    timePrecision: 1,
    placeId: null,
    lat: null,
    lon: null,
    geoPrecision: 3,
    actors: [{ name: 'Border service', actorType: 1, role: 'actor1' }],
    victims: [{ sex: 'male', ageBand: '18-45', count: 2, personRefs: [randomUUID()] }],
    tolls: { ...NO_TOLLS, detained: { low: 2, best: 2, high: 3 } },
    civilianTargeting: true,
    narrativeSealed: 'ciphertext',
    publicSummary: null,
    mergedInto: null,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...overrides,
  };
}

describeOnBothDatabases('incident repository', (open) => {
  it('stores an incident with its first version and items, and reads it back whole', async () => {
    const { db } = await open();
    const store = new KyselyIncidentRepository(db);
    const incident = anIncident();
    const items = (await seedItems(db, 1)).map((itemId) => ({ itemId, linkedAt: AT, actor: 'a' }));
    await store.insert({ incident, reason: 'call', actor: 'a', items });
    assert.deepEqual(await store.get(incident.id), incident);
    assert.equal((await store.versions(incident.id))[0]?.content.victims[0]?.count, 2);
    assert.deepEqual(await store.items(incident.id), items);
    assert.equal(await store.get(randomUUID()), undefined);
  });

  it('refuses a stale or missing incident on transition', async () => {
    const { db } = await open();
    const store = new KyselyIncidentRepository(db);
    const incident = anIncident();
    await store.insert({ incident, reason: 'r', actor: 'a', items: [] });
    const transition = {
      version: 2,
      from: 'received',
      to: 'triaged',
      reason: 'r',
      at: AT,
      actor: 'a',
      proposedBy: null,
    } as const;
    await store.transition({ id: incident.id, expectedVersion: 1, transition });
    await rejectsWith(
      store.transition({ id: incident.id, expectedVersion: 1, transition }),
      'conflict',
    );
    await rejectsWith(
      store.transition({ id: randomUUID(), expectedVersion: 1, transition }),
      'not_found',
    );
    assert.deepEqual(await store.transitions(incident.id), [transition]);
  });

  it('replaces a void proposal for the same target state', async () => {
    const { db } = await open();
    const store = new KyselyIncidentRepository(db);
    const incident = anIncident();
    await store.insert({ incident, reason: 'r', actor: 'a', items: [] });
    const first = {
      toState: 'verified',
      version: 1,
      proposedBy: 'a',
      proposedAt: AT,
      reason: 'x',
    } as const;
    await store.saveApproval(incident.id, first);
    await store.saveApproval(incident.id, { ...first, version: 3, proposedBy: 'b' });
    assert.deepEqual(await store.approvals(incident.id), [
      { ...first, version: 3, proposedBy: 'b' },
    ]);
  });

  it('fails as a storage fault on a damaged JSON column', async () => {
    const { db } = await open();
    const store = new KyselyIncidentRepository(db);
    const incident = anIncident();
    await store.insert({ incident, reason: 'r', actor: 'a', items: [] });
    await db
      .updateTable('incident')
      .set({ tolls: '{"killed":' })
      .where('id', '=', incident.id)
      .execute();
    await rejectsWith(store.get(incident.id), 'internal');
    await db.updateTable('incident').set({ tolls: '{}' }).where('id', '=', incident.id).execute();
    await rejectsWith(store.get(incident.id), 'internal');
    await db
      .updateTable('incident')
      .set({ sub_event_type: 'toString' })
      .where('id', '=', incident.id)
      .execute();
    await rejectsWith(store.get(incident.id), 'internal');
  });
});
