import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyHouseholdRepository } from './household.kysely.ts';
import { aHousehold, aMember, newId, rejectsWith } from './passage.fixtures.ts';

describeOnBothDatabases('household repository', (open) => {
  it('stores households with members and checks, found by reference code', async () => {
    const { db } = await open();
    const households = new KyselyHouseholdRepository(db);
    const household = aHousehold({ referenceCode: 'K7QX-42MD' });
    const child = aMember(household.id, { sex: 'male', ageBand: '0-17', flags: [] });
    const mother = aMember(household.id, { flags: ['pregnant', 'disability'] });
    await households.insertMany({
      households: [household, aHousehold()],
      members: [mother, child],
      checks: [{ householdId: household.id, checkHmac: 'hmac-1987' }],
    });
    assert.deepEqual(await households.findByReferenceCode('K7QX-42MD'), household);
    assert.deepEqual(await households.get(household.id), household);
    assert.equal(await households.findByReferenceCode('K7QX-42ME'), undefined);
    const members = await households.listMembers(household.id);
    assert.deepEqual(
      members,
      [mother, child].sort((a, b) => (a.personRef < b.personRef ? -1 : 1)),
    );
  });

  it("answers a check only for the household's own HMAC", async () => {
    const { db } = await open();
    const households = new KyselyHouseholdRepository(db);
    const [one, two] = [aHousehold(), aHousehold()];
    await households.insertMany({
      households: [one, two],
      members: [],
      checks: [
        { householdId: one.id, checkHmac: 'hmac-one-1987' },
        { householdId: one.id, checkHmac: 'hmac-one-1987' },
        { householdId: two.id, checkHmac: 'hmac-two-1990' },
      ],
    });
    assert.equal(await households.hasCheck(one.id, 'hmac-one-1987'), true);
    assert.equal(await households.hasCheck(one.id, 'hmac-two-1990'), false);
    assert.equal(await households.hasCheck(one.id, 'hmac-one-1988'), false);
    const stored = await db.selectFrom('household_check').selectAll().execute();
    assert.equal(stored.length, 2, 'two members born the same year leave one check');
  });

  it('refuses a second household with the same reference code', async () => {
    const { db } = await open();
    const households = new KyselyHouseholdRepository(db);
    await households.insertMany({
      households: [aHousehold({ referenceCode: 'AAAA' })],
      members: [],
      checks: [],
    });
    await assert.rejects(
      households.insertMany({
        households: [aHousehold({ referenceCode: 'AAAA' })],
        members: [],
        checks: [],
      }),
    );
  });

  it('refuses a member of a household that does not exist', async () => {
    const { db } = await open();
    const households = new KyselyHouseholdRepository(db);
    await assert.rejects(
      households.insertMany({ households: [], members: [aMember(newId())], checks: [] }),
    );
  });

  it('bulk-inserts 1,200 households with 4,000 members across 500-row statements', async () => {
    const { db } = await open();
    const list = Array.from({ length: 1_200 }, () => aHousehold());
    const members = Array.from({ length: 4_000 }, (_, i) => aMember(list[i % list.length]!.id));
    const checks = members.map((member, i) => ({
      householdId: member.householdId,
      checkHmac: `h${i}`,
    }));
    await db
      .transaction()
      .execute((trx) =>
        new KyselyHouseholdRepository(trx).insertMany({ households: list, members, checks }),
      );
    const count = async (table: 'household' | 'member' | 'household_check') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.deepEqual(
      [await count('household'), await count('member'), await count('household_check')],
      [1_200, 4_000, 4_000],
    );
  });

  it('changes the intention at the version read, and refuses a stale one', async () => {
    const { db } = await open();
    const households = new KyselyHouseholdRepository(db);
    const household = aHousehold();
    await households.insertMany({ households: [household], members: [], checks: [] });
    await households.changeIntention({
      id: household.id,
      intention: 'stay_under_protection',
      expectedVersion: 1,
    });
    await rejectsWith(
      households.changeIntention({ id: household.id, intention: 'return', expectedVersion: 1 }),
      'conflict',
    );
    await rejectsWith(
      households.changeIntention({ id: newId(), intention: 'return', expectedVersion: 1 }),
      'not_found',
    );
    const stored = await households.get(household.id);
    assert.equal(stored?.intention, 'stay_under_protection');
    assert.equal(stored.version, 2);
  });

  it('fails as an internal storage fault on a malformed flags column', async () => {
    const { db } = await open();
    const households = new KyselyHouseholdRepository(db);
    const household = aHousehold();
    const member = aMember(household.id);
    await households.insertMany({ households: [household], members: [member], checks: [] });
    await db.updateTable('member').set({ flags: '["pregnant","nonsense"]' }).execute();
    await rejectsWith(households.listMembers(household.id), 'internal');
    await db.updateTable('member').set({ flags: '{not json' }).execute();
    await rejectsWith(households.listMembers(household.id), 'internal');
  });
});
