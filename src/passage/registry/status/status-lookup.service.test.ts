import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { formatReferenceCode } from '../../model/reference-code.ts';
import { ARMEN_HY, DAVIT_HY, REGISTRY_ACTOR, openTestRegistry } from '../registry.fixture.ts';
import {
  LOOKUP_LOCK_MS,
  MAX_WRONG_BIRTH_YEARS,
  StatusLookupService,
} from './status-lookup.service.ts';
import type { TestRegistry } from '../registry.fixture.ts';

async function registeredFamily(registry: TestRegistry) {
  const place = await registry.gazetteer.addPlace({
    kind: 'checkpoint',
    names: { en: 'Bridge checkpoint', ru: 'КПП у моста' },
    lat: 39.5,
    lon: 46.3,
  });
  const registration = await registry.registration.register(
    { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: DAVIT_HY }] },
    REGISTRY_ACTOR,
  );
  const journeys = passageStoreOn(registry.context.db).journeys;
  const [first] = (await registry.households.view(registration.householdId)).members[0]!.journeys;
  await journeys.transition({
    id: first!.id,
    from: 'listed',
    to: 'boarded',
    expectedVersion: 1,
    at: '2023-09-26T08:00:00.000Z',
    actor: 'device-1',
    placeId: place.id,
    sourceItemId: null,
    progress: { lastPlaceId: place.id, lastSeenAt: '2023-09-26T08:00:00.000Z' },
  });
  return { ...registration, place };
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    error.code === 'not_found' &&
    error.message === 'no such household'
  );
}

describeOnBothDatabases('family status look-up', (open) => {
  it("answers the household's journeys to its code, however typed, and any member's birth year", async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { referenceCode } = await registeredFamily(registry);
    const typed = referenceCode.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    for (const birthYear of [1979, 2012]) {
      const journeys = await registry.statusLookup.lookup({ referenceCode: typed, birthYear });
      assert.deepEqual(
        [...journeys].sort((a, b) => a.state.localeCompare(b.state)),
        [
          {
            state: 'boarded',
            lastPlace: { names: { en: 'Bridge checkpoint', ru: 'КПП у моста' } },
            lastSeenAt: '2023-09-26T08:00:00.000Z',
            arrivedAt: null,
          },
          { state: 'listed', lastPlace: null, lastSeenAt: null, arrivedAt: null },
        ],
      );
    }
  });

  it('gives the same not_found to a wrong year, an unknown code and a code that does not parse', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { referenceCode } = await registeredFamily(registry);
    const unknown = formatReferenceCode(new Uint8Array(8));
    const cases = [
      { referenceCode, birthYear: 1980 },
      { referenceCode: unknown, birthYear: 1979 },
      // A wrong check symbol (never the right one, or the look-up would rightly succeed).
      {
        referenceCode: referenceCode.slice(0, -1) + (referenceCode.endsWith('Z') ? 'Y' : 'Z'),
        birthYear: 1979,
      },
      { referenceCode: 'not a code', birthYear: 1979 },
    ];
    for (const query of cases) {
      await assert.rejects(registry.statusLookup.lookup(query), isNotFound, JSON.stringify(query));
    }
  });

  it('keeps two households apart even when members share a birth year', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const first = await registeredFamily(registry);
    const other = await registry.registration.register(
      {
        intention: 'stay_under_protection',
        members: [{ identity: { ...ARMEN_HY, birthYear: 1990 } }],
      },
      REGISTRY_ACTOR,
    );
    assert.deepEqual(
      await registry.statusLookup.lookup({ referenceCode: other.referenceCode, birthYear: 1990 }),
      [],
    );
    await assert.rejects(
      registry.statusLookup.lookup({ referenceCode: other.referenceCode, birthYear: 1979 }),
      isNotFound,
    );
    assert.equal(
      (await registry.statusLookup.lookup({ referenceCode: first.referenceCode, birthYear: 1979 }))
        .length,
      2,
    );
  });

  it('locks a code after five wrong birth years for a day, even to the right year', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { referenceCode } = await registeredFamily(registry);
    let now = Date.parse('2023-09-26T12:00:00.000Z');
    const lookup = new StatusLookupService({
      db,
      keyring: registry.context.keyring,
      now: () => new Date(now),
    });
    // A typo, then the right year: the family gets in, and the count starts again.
    await assert.rejects(lookup.lookup({ referenceCode, birthYear: 1978 }), isNotFound);
    assert.equal((await lookup.lookup({ referenceCode, birthYear: 1979 })).length, 2);
    for (let year = 1950; year < 1950 + MAX_WRONG_BIRTH_YEARS; year++) {
      await assert.rejects(lookup.lookup({ referenceCode, birthYear: year }), isNotFound);
    }
    await assert.rejects(lookup.lookup({ referenceCode, birthYear: 1979 }), isNotFound);
    await assert.rejects(lookup.lookup({ referenceCode, birthYear: 2012 }), isNotFound);
    // Another household is not affected.
    const other = await registry.registration.register(
      { intention: 'leave', members: [{ identity: { ...ARMEN_HY, birthYear: 1990 } }] },
      REGISTRY_ACTOR,
    );
    assert.equal(
      (await lookup.lookup({ referenceCode: other.referenceCode, birthYear: 1990 })).length,
      1,
    );
    now += LOOKUP_LOCK_MS;
    assert.equal((await lookup.lookup({ referenceCode, birthYear: 1979 })).length, 2);
  });
});
