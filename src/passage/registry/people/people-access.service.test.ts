import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { rejectsWith } from '../../database/passage.fixtures.ts';
import {
  ARMEN_HY,
  DAVIT_HY,
  LUSINE_HY,
  REGISTRY_ACTOR,
  openTestRegistry,
} from '../registry.fixture.ts';

describeOnBothDatabases('people access', (open) => {
  it('finds a member registered in Armenian script by a name typed in Latin or Cyrillic', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId, members } = await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: LUSINE_HY }] },
      REGISTRY_ACTOR,
    );
    const armen = members[0]!.personRef;
    for (const query of [
      { family: 'Petrosyan', given: 'Armen' },
      { family: 'Петросян', given: 'Армен' },
      { family: 'Petrosian', given: 'Armen', birthYear: 1979 },
    ]) {
      const [best] = await registry.people.search(query, REGISTRY_ACTOR);
      assert.equal(best?.personRef, armen, JSON.stringify(query));
      assert.equal(best.householdId, householdId);
      assert.ok(best.score > 0.85 && best.score <= 1);
    }
    const audits = await db.selectFrom('audit_event').select(['action', 'purpose']).execute();
    assert.ok(audits.length >= 3);
    assert.ok(audits.every((audit) => audit.action === 'identity.search_name'));
    assert.ok(audits.every((audit) => audit.purpose === 'tracing'));
  });

  it('finds a person by document, and someone outside any household with a null household', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { members } = await registry.registration.register(
      { intention: 'leave', members: [{ identity: DAVIT_HY }] },
      REGISTRY_ACTOR,
    );
    const candidates = await registry.people.search(
      {
        documentType: 'birth_certificate',
        documentNumber: 'bc 2012 4471',
        purpose: 'verification',
      },
      REGISTRY_ACTOR,
    );
    assert.deepEqual(
      candidates.map((c) => [c.personRef, c.score]),
      [[members[0]!.personRef, 1]],
    );
    const outsider = await registry.context.vault.storePerson(
      {
        identity: ARMEN_HY,
        householdRef: 'tracing-requester',
        retention: { category: 'tracing_case' },
      },
      REGISTRY_ACTOR,
    );
    const found = await registry.people.search(
      { family: 'Petrosyan', given: 'Armen' },
      REGISTRY_ACTOR,
    );
    assert.deepEqual(
      found.map((c) => [c.personRef, c.householdId]),
      [[outsider, null]],
    );
  });

  it('reads an identity for a purpose, audited; a shredded one is gone', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { members } = await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }] },
      REGISTRY_ACTOR,
    );
    const personRef = members[0]!.personRef;
    const identity = await registry.people.readIdentity(
      personRef,
      { purpose: 'protection' },
      REGISTRY_ACTOR,
    );
    assert.deepEqual(identity, ARMEN_HY);
    const audits = await db.selectFrom('audit_event').selectAll().execute();
    assert.deepEqual(
      audits.map((a) => [a.action, a.subject_ref, a.purpose, a.actor]),
      [['identity.read', personRef, 'protection', REGISTRY_ACTOR.id]],
    );
    await rejectsWith(
      registry.people.readIdentity(personRef, { purpose: 'curiosity' }, REGISTRY_ACTOR),
      'invalid_request',
    );
    await rejectsWith(
      registry.people.readIdentity(randomUUID(), { purpose: 'protection' }, REGISTRY_ACTOR),
      'not_found',
    );
    await registry.context.vault.shred(personRef, 'subject_request', REGISTRY_ACTOR);
    await rejectsWith(
      registry.people.readIdentity(personRef, { purpose: 'protection' }, REGISTRY_ACTOR),
      'gone',
    );
    assert.equal((await db.selectFrom('audit_event').selectAll().execute()).length, 1);
  });
});
