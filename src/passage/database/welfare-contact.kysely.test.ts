import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { AppDatabase } from '../../store/open-database.ts';
import { KyselyHouseholdRepository } from './household.kysely.ts';
import { aHousehold, hoursAfterD0, newId } from './passage.fixtures.ts';
import { KyselyWelfareContactRepository } from './welfare-contact.kysely.ts';
import type { WelfareContact } from './welfare-contact.repository.ts';

async function householdIn({ db }: AppDatabase): Promise<string> {
  const household = aHousehold({ intention: 'stay_under_protection' });
  await new KyselyHouseholdRepository(db).insertMany({
    households: [household],
    members: [],
    checks: [],
  });
  return household.id;
}

function aContact(householdId: string, overrides: Partial<WelfareContact> = {}): WelfareContact {
  return {
    id: newId(),
    householdId,
    dueAt: hoursAfterD0(72),
    mode: 'visit',
    state: 'scheduled',
    doneAt: null,
    doneBy: null,
    ...overrides,
  };
}

describeOnBothDatabases('welfare contact repository', (open) => {
  it('schedules contacts and lists those due within a range', async () => {
    const database = await open();
    const contacts = new KyselyWelfareContactRepository(database.db);
    const householdId = await householdIn(database);
    const due = aContact(householdId, { dueAt: hoursAfterD0(70) });
    const checkIn = aContact(householdId, { mode: 'check_in', dueAt: hoursAfterD0(71) });
    const done = aContact(householdId, {
      state: 'done',
      doneAt: hoursAfterD0(70),
      doneBy: 'monitor-3',
    });
    const later = aContact(householdId, { dueAt: hoursAfterD0(100) });
    await contacts.insertMany([later, done, checkIn, due]);
    assert.deepEqual(await contacts.listDue({ from: hoursAfterD0(48), before: hoursAfterD0(96) }), [
      due,
      checkIn,
    ]);
    assert.deepEqual(await contacts.get(done.id), done);
    assert.equal((await contacts.listForHousehold(householdId)).length, 4);
  });

  it('lists contacts still scheduled past the cutoff as missed', async () => {
    const database = await open();
    const contacts = new KyselyWelfareContactRepository(database.db);
    const householdId = await householdIn(database);
    const missed = aContact(householdId, { dueAt: hoursAfterD0(10) });
    const alsoMissed = aContact(householdId, { dueAt: hoursAfterD0(20) });
    const done = aContact(householdId, { dueAt: hoursAfterD0(5), state: 'done' });
    const notYet = aContact(householdId, { dueAt: hoursAfterD0(40) });
    await contacts.insertMany([notYet, done, alsoMissed, missed]);
    assert.deepEqual(await contacts.listMissed(hoursAfterD0(30), 10), [missed, alsoMissed]);
    assert.deepEqual(await contacts.listMissed(hoursAfterD0(30), 1), [missed]);
  });

  it('changes state only from the state the caller expects', async () => {
    const database = await open();
    const contacts = new KyselyWelfareContactRepository(database.db);
    const contact = aContact(await householdIn(database));
    await contacts.insertMany([contact]);
    const done = {
      id: contact.id,
      from: 'scheduled',
      to: 'done',
      doneAt: hoursAfterD0(73),
      doneBy: 'household',
    } as const;
    assert.equal(await contacts.changeState(done), true);
    assert.equal(
      await contacts.changeState({ ...done, to: 'missed', doneAt: null, doneBy: null }),
      false,
    );
    assert.deepEqual(await contacts.get(contact.id), {
      ...contact,
      state: 'done',
      doneAt: hoursAfterD0(73),
      doneBy: 'household',
    });
  });

  it('refuses a contact for a household that does not exist', async () => {
    const { db } = await open();
    await assert.rejects(new KyselyWelfareContactRepository(db).insertMany([aContact(newId())]));
  });
});
