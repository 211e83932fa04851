import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Identity, NameScript } from './identity.ts';
import { ANNA, ELNUR, TEST_ACTOR, openTestVault, personInput } from './identity-vault.fixture.ts';

function person(given: string, family: string, script: NameScript, birthYear = 1980): Identity {
  return { names: [{ given, family, script }], birthYear, sex: 'unknown', documents: [] };
}

describeOnBothDatabases('identity vault search', (open) => {
  it('finds a document however its number is typed, and only of its type', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const elnur = await vault.storePerson(personInput(ELNUR), TEST_ACTOR);
    for (const typed of ['AN0498127', 'an 0498-127', ' АN0498127 ']) {
      assert.deepEqual(
        await vault.searchByDocument('passport', typed, TEST_ACTOR, 'tracing'),
        [anna],
        typed,
      );
    }
    assert.deepEqual(
      await vault.searchByDocument('national_id', 'aze7731554', TEST_ACTOR, 'tracing'),
      [elnur],
    );
    assert.deepEqual(
      await vault.searchByDocument('national_id', 'AN0498127', TEST_ACTOR, 'tracing'),
      [],
    );
    await assert.rejects(
      vault.searchByDocument('library_card', 'X1', TEST_ACTOR, 'tracing'),
      (error: unknown) => error instanceof DomainError && error.code === 'invalid_request',
    );
  });

  it('finds a name typed in another script than the one registered', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const [petrosyan, mammadov, hasanov] = await vault.storePeople(
      [
        personInput(person('Աննա', 'Պետրոսյան', 'hy', 1984)),
        personInput(person('Elnur', 'Məmmədov', 'az', 1990)),
        personInput(person('Həsən', 'Həsənov', 'az', 1975)),
      ],
      TEST_ACTOR,
    );
    const cases: readonly (readonly [string | undefined, string, string | undefined])[] = [
      ['Anna', 'Petrosyan', petrosyan],
      ['Анна', 'Петросян', petrosyan],
      [undefined, 'Petrosian', petrosyan],
      [undefined, 'PETROSYAN', petrosyan],
      ['Elnur', 'Mammadov', mammadov],
      ['Эльнур', 'Мамедов', mammadov],
      [undefined, 'Mamedov', mammadov],
      ['Hasan', 'Hasanov', hasanov],
      ['Гасан', 'Гасанов', hasanov],
      [undefined, 'Poghosyan', undefined],
      [undefined, 'Muradov', undefined],
      [undefined, 'Huseynov', undefined], // shares Hasanov's key, but is another name
    ];
    for (const [given, family, expected] of cases) {
      const query = given === undefined ? { family } : { given, family };
      const matches = await vault.searchByName(query, TEST_ACTOR, 'tracing');
      assert.deepEqual(
        matches.map((match) => match.personRef),
        expected === undefined ? [] : [expected],
        `${given ?? ''} ${family}`,
      );
    }
  });

  it('ranks the closer name first and filters by birth year, allowing one year', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const [anna, armen, anna1950] = await vault.storePeople(
      [
        personInput(person('Anna', 'Petrosyan', 'en', 1984)),
        personInput(person('Armen', 'Petrosyan', 'en', 1984)),
        personInput(person('Anna', 'Petrosyan', 'en', 1950)),
      ],
      TEST_ACTOR,
    );
    const all = await vault.searchByName(
      { given: 'Anna', family: 'Петросян' },
      TEST_ACTOR,
      'tracing',
    );
    assert.deepEqual(all.map((match) => match.personRef).sort(), [anna, anna1950].sort());
    assert.ok(all.every((match) => match.score === 1));
    const byYear = await vault.searchByName(
      { given: 'Anna', family: 'Petrosyan', birthYear: 1985 },
      TEST_ACTOR,
      'tracing',
    );
    assert.deepEqual(
      byYear.map((match) => match.personRef),
      [anna],
    );
    assert.ok(byYear[0]!.score < 1);
    // Equal scores come in ref order, so a limit cuts deterministically.
    const family = await vault.searchByName(
      { family: 'Petrosyan', limit: 2 },
      TEST_ACTOR,
      'tracing',
    );
    assert.deepEqual(
      family.map((match) => match.personRef),
      [anna!, armen!, anna1950!].sort().slice(0, 2),
    );
    const mamedov = await vault.storePerson(
      personInput(person('Elnur', 'Mamedov', 'en')),
      TEST_ACTOR,
    );
    const mammadov = await vault.storePerson(
      personInput(person('Elnur', 'Məmmədov', 'az')),
      TEST_ACTOR,
    );
    const ranked = await vault.searchByName({ family: 'Mammadov' }, TEST_ACTOR, 'tracing');
    assert.deepEqual(
      ranked.map((match) => match.personRef),
      [mammadov, mamedov],
    );
    assert.ok(ranked[0]!.score > ranked[1]!.score);
  });

  it('audits each result of a search and nothing when there is none', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    await vault.searchByName({ family: 'Hakobyan' }, TEST_ACTOR, 'tracing');
    await vault.searchByDocument('passport', 'XX0000000', TEST_ACTOR, 'tracing');
    assert.equal((await db.selectFrom('audit_event').selectAll().execute()).length, 0);
    await vault.searchByName({ family: 'Петросян' }, { id: 'staff:hotline-2' }, 'tracing');
    await vault.searchByDocument('passport', 'AN0498127', TEST_ACTOR, 'protection');
    const events = await db.selectFrom('audit_event').selectAll().orderBy('action').execute();
    assert.deepEqual(
      events.map((event) => [event.action, event.subject_ref, event.actor, event.purpose]),
      [
        ['identity.search_document', anna, TEST_ACTOR.id, 'protection'],
        ['identity.search_name', anna, 'staff:hotline-2', 'tracing'],
      ],
    );
    const seals = await db
      .selectFrom('sealed_record')
      .select('kind')
      .where('kind', '=', 'audit.identity_search')
      .execute();
    assert.equal(seals.length, 2);
  });

  it('never writes plaintext identity into the log or a sealed record', async () => {
    const { db } = await open();
    const { vault, entries } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    await vault.storePerson(personInput(ELNUR), TEST_ACTOR);
    await vault.readPerson(anna, TEST_ACTOR, 'tracing');
    await vault.searchByName({ given: 'Anna', family: 'Petrosyan' }, TEST_ACTOR, 'tracing');
    await vault.searchByDocument('passport', 'AN0498127', TEST_ACTOR, 'tracing');
    await vault.setRetention(anna, { category: 'tracing_case', from: new Date() }, TEST_ACTOR);
    await vault.shred(anna, 'subject_request', TEST_ACTOR);
    const records = await db.selectFrom('sealed_record').select(['kind', 'record']).execute();
    assert.deepEqual([...new Set(records.map((record) => record.kind))].sort(), [
      'audit.identity_read',
      'audit.identity_search',
      'person.destroyed',
      'person.identity',
      'person.retention',
    ]);
    const secrets = [
      'Anna',
      'Աննա',
      'Petrosyan',
      'Պետրոսյան',
      'Armenovna',
      'AN0498127',
      '1984-03-17',
      '234567',
      'Elnur',
      'Məmmədov',
      'Mammadov',
      // The whole document number, in the forms it may take: a four-digit fragment also turns
      // up by chance in random ids and digests (about once in a hundred runs).
      '7731554',
      '7731-554',
      'female',
    ];
    const sealedText = [...entries, ...records.map((record) => record.record)].join('\n');
    for (const secret of secrets) assert.ok(!sealedText.includes(secret), secret);
  });

  it('rejects a query whose family name has nothing to match on', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    for (const family of ['', '—', '   ']) {
      await assert.rejects(
        vault.searchByName({ family }, TEST_ACTOR, 'tracing'),
        (error: unknown) => error instanceof DomainError && error.code === 'invalid_request',
      );
    }
  });
});
