import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyArrivalRepository } from './arrival.kysely.ts';
import type { ArrivalRegistration } from './arrival.repository.ts';
import { hoursAfterD0, newId } from './passage.fixtures.ts';

function aRegistration(overrides: Partial<ArrivalRegistration> = {}): ArrivalRegistration {
  return {
    id: newId(),
    journeyId: newId(),
    placeId: newId(),
    registeredAt: hoursAfterD0(20),
    registeredBy: newId(),
    ...overrides,
  };
}

describeOnBothDatabases('arrival repository', (open) => {
  it('registers a journey once, whether replayed by id or registered again', async () => {
    const { db } = await open();
    const arrivals = new KyselyArrivalRepository(db);
    const registration = aRegistration();
    assert.equal(await arrivals.insert(registration), true);
    assert.equal(await arrivals.insert({ ...registration, placeId: newId() }), false);
    assert.equal(
      await arrivals.insert(aRegistration({ journeyId: registration.journeyId })),
      false,
    );
    assert.deepEqual(await arrivals.findForJourney(registration.journeyId), registration);
    assert.equal(await arrivals.findForJourney(newId()), undefined);
  });

  it('counts registrations per place and UTC day', async () => {
    const { db } = await open();
    const arrivals = new KyselyArrivalRepository(db);
    const [centre, reception] = ['a-centre', 'b-reception'];
    for (const [placeId, hours] of [
      [centre, 1],
      [centre, 23],
      [centre, 25],
      [reception, 2],
      [reception, 49],
    ] as const) {
      await arrivals.insert(aRegistration({ placeId, registeredAt: hoursAfterD0(hours) }));
    }
    assert.deepEqual(
      await arrivals.countPerDay({ from: hoursAfterD0(0), before: hoursAfterD0(48) }),
      [
        { placeId: centre, day: '2023-09-24', registrations: 2 },
        { placeId: centre, day: '2023-09-25', registrations: 1 },
        { placeId: reception, day: '2023-09-24', registrations: 1 },
      ],
    );
  });
});
