import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { Keyring } from '../../../people/keyring.ts';
import { findSeal } from '../../../seal/seal.kysely.ts';
import { newId, rejectsWith } from '../../database/passage.fixtures.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { formatReferenceCode } from '../../model/reference-code.ts';
import { oversightContext, seedContacts, seedHousehold } from '../oversight.fixtures.ts';
import { PORTAL_ACTOR, WelfareContactService } from './welfare-contact.service.ts';

const NOW = new Date('2023-10-02T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

/** A keyring that counts the HMACs it computes. */
class CountingKeyring extends Keyring {
  hmacs = 0;

  override pseudonym(kind: string, value: string): string {
    this.hmacs++;
    return super.pseudonym(kind, value);
  }
}

describeOnBothDatabases('welfare contact service', (open) => {
  async function setUp() {
    const { db } = await open();
    const ctx = oversightContext(db, NOW);
    const keyring = new CountingKeyring(Buffer.alloc(32, 9));
    const service = new WelfareContactService({ ...ctx, keyring });
    const household = await seedHousehold({ db, keyring }, [1948, 1979]);
    return { db, service, keyring, household };
  }

  it("marks the household's earliest open contact done on its own check-in", async () => {
    const { db, service, household } = await setUp();
    const [missed, today, later] = await seedContacts(db, household.id, [at(-50), at(3), at(72)]);
    const contacts = passageStoreOn(db).welfareContacts;
    await contacts.changeState({
      id: missed!.id,
      from: 'scheduled',
      to: 'missed',
      doneAt: null,
      doneBy: null,
    });
    const code = household.referenceCode.toLowerCase().replaceAll('-', ' ');
    const first = await service.checkIn({ referenceCode: code, birthYear: 1979 });
    assert.deepEqual(first, {
      contact: { dueAt: missed!.dueAt, mode: 'check_in' },
      nextDueAt: today!.dueAt,
    });
    const done = await contacts.get(missed!.id);
    assert.deepEqual(
      [done?.state, done?.doneBy, done?.doneAt],
      ['done', PORTAL_ACTOR, NOW.toISOString()],
    );
    assert.equal((await findSeal(db, missed!.id, 3))?.kind, 'welfare_contact.done');
    const second = await service.checkIn({ referenceCode: code, birthYear: 1948 });
    assert.deepEqual(second.contact?.dueAt, today!.dueAt);
    // The next one is three days off: too early to count.
    const third = await service.checkIn({ referenceCode: code, birthYear: 1948 });
    assert.deepEqual(third, { contact: null, nextDueAt: later!.dueAt });
    assert.equal((await contacts.get(later!.id))?.state, 'scheduled');
  });

  it('answers a wrong year, an unknown code and a malformed code alike, after the same work', async () => {
    const { db, service, keyring, household } = await setUp();
    const [contact] = await seedContacts(db, household.id, [at(1)]);
    const attempts = [
      { referenceCode: household.referenceCode, birthYear: 1980 },
      { referenceCode: formatReferenceCode(Buffer.alloc(8, 1)), birthYear: 1979 },
      { referenceCode: 'not a code', birthYear: 1979 },
    ];
    for (const attempt of attempts) {
      const before = keyring.hmacs;
      await rejectsWith(service.checkIn(attempt), 'not_found');
      assert.equal(keyring.hmacs - before, 1, attempt.referenceCode);
    }
    assert.equal((await passageStoreOn(db).welfareContacts.get(contact!.id))?.state, 'scheduled');
  });

  it('records a contact made by staff, once', async () => {
    const { db, service, household } = await setUp();
    const [contact] = await seedContacts(db, household.id, [at(-1)]);
    const staffId = newId();
    const done = await service.markDone(contact!.id, { mode: 'visit', by: staffId });
    assert.deepEqual([done.state, done.doneBy], ['done', staffId]);
    const seal = await findSeal(db, contact!.id, 2);
    assert.equal(seal?.kind, 'welfare_contact.done');
    await rejectsWith(
      service.markDone(contact!.id, { mode: 'visit', by: staffId }),
      'invalid_transition',
    );
    await rejectsWith(service.markDone(newId(), { mode: 'visit', by: staffId }), 'not_found');
  });

  it('lists contacts by state and due time', async () => {
    const { db, service, household } = await setUp();
    const [early, late] = await seedContacts(db, household.id, [at(-5), at(5)]);
    const page = await service.list({
      state: 'scheduled',
      dueBefore: NOW.toISOString(),
      offset: 0,
      limit: 10,
    });
    assert.deepEqual(
      page.map((contact) => contact.id),
      [early!.id],
    );
    const all = await service.list({ state: 'scheduled', offset: 0, limit: 10 });
    assert.deepEqual(
      all.map((contact) => contact.id),
      [early!.id, late!.id],
    );
    assert.deepEqual(await service.list({ state: 'done', offset: 0, limit: 10 }), []);
    const second = await service.list({ state: 'scheduled', offset: 1, limit: 1 });
    assert.deepEqual(
      second.map((contact) => contact.id),
      [late!.id],
    );
  });
});
