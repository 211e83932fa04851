// Source identities are never public (DOMAIN.md §6): a source's contact, although a vault
// person, is found by no people search and read by no people identity route, whatever the
// role; it answers exactly as an unknown person. Only the source routes read it, under their
// own rules, while household members are found and read as before.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { errorCode, send, snapshot } from '../../src/passage/registry/registry-http.fixture.ts';
import { ARMEN_HY, LUSINE_HY } from '../../src/passage/registry/registry.fixture.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const { analyst, coordinator, hotline } = test.staff;
const READERS = [hotline, coordinator];

const registered = await send(vigil, {
  method: 'POST',
  url: '/api/v1/households',
  headers: hotline.headers,
  payload: { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: LUSINE_HY }] },
});
assert.equal(registered.statusCode, 201, registered.body);
const [armen = '', lusine = ''] = registered
  .json<{ members: { personRef: string }[] }>()
  .members.map((member) => member.personRef);

/** Armen Petrosyan's namesake, a witness: same name, own passport. */
const WITNESS = {
  names: [{ given: 'Armen', family: 'Petrosyan', script: 'en' }],
  birthYear: 1979,
  sex: 'male',
  documents: [{ type: 'passport', number: 'SC0042117' }],
};
/** A source at risk: the hotline may not even read it through the source routes. */
const AT_RISK = {
  names: [{ given: 'Ani', family: 'Petrosyan', script: 'en' }],
  birthYear: 1991,
  sex: 'female',
  documents: [{ type: 'national_id', number: 'SRC-5531' }],
};

async function createSource(label: string, contact: unknown, atRisk: boolean): Promise<string> {
  const response = await send(vigil, {
    method: 'POST',
    url: '/api/v1/sources',
    headers: analyst.headers,
    payload: { kind: 'witness', label, reason: 'first call', atRisk, contact },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ source: { id: string } }>().source.id;
}

const witnessSource = await createSource('WREN', WITNESS, false);
const atRiskSource = await createSource('SHRIKE', AT_RISK, true);
// The API never shows a contact's vault ref; an attacker who learnt one would try it anyway.
const contactRefs = (
  await vigil.database.db
    .selectFrom('source')
    .select('contact_person_ref')
    .where('id', 'in', [witnessSource, atRiskSource])
    .execute()
).map((row) => row.contact_person_ref ?? '');

function search(payload: unknown, headers: Record<string, string>) {
  return send(vigil, { method: 'POST', url: '/api/v1/people/search', headers, payload });
}

async function candidateRefs(payload: unknown, headers: Record<string, string>) {
  const response = await search(payload, headers);
  assert.equal(response.statusCode, 200, response.body);
  return response
    .json<{ candidates: { personRef: string }[] }>()
    .candidates.map((candidate) => candidate.personRef)
    .sort();
}

function readIdentity(personRef: string, headers: Record<string, string>) {
  return send(vigil, {
    method: 'POST',
    url: `/api/v1/people/${personRef}/identity`,
    headers,
    payload: { purpose: 'tracing' },
  });
}

function readContact(sourceId: string, headers: Record<string, string>) {
  return send(vigil, {
    method: 'POST',
    url: `/api/v1/sources/${sourceId}/contact`,
    headers,
    payload: { purpose: 'protection' },
  });
}

describe('source contacts and the people routes', () => {
  it('finds no source contact by name, only the household members as before', async () => {
    assert.equal(contactRefs.length, 2);
    for (const reader of READERS) {
      assert.deepEqual(
        await candidateRefs({ family: 'Petrosyan' }, reader.headers),
        [armen, lusine].sort(),
      );
      const namesakes = await candidateRefs(
        { family: 'Petrosyan', given: 'Armen' },
        reader.headers,
      );
      assert.ok(namesakes.includes(armen));
      const ani = await candidateRefs({ family: 'Petrosyan', given: 'Ani' }, reader.headers);
      for (const ref of contactRefs) assert.ok(!namesakes.includes(ref) && !ani.includes(ref));
    }
  });

  it('finds no source contact by document, and audits no search of one', async () => {
    const before = await snapshot(vigil);
    for (const reader of READERS) {
      for (const [documentType, documentNumber] of [
        ['passport', 'SC0042117'],
        ['national_id', 'SRC-5531'],
      ]) {
        assert.deepEqual(await candidateRefs({ documentType, documentNumber }, reader.headers), []);
      }
      assert.deepEqual(
        await candidateRefs(
          { documentType: 'passport', documentNumber: 'AM7712093' },
          reader.headers,
        ),
        [armen],
      );
    }
    const audited = await vigil.database.db
      .selectFrom('audit_event')
      .select('subject_ref')
      .where('subject_ref', 'in', contactRefs)
      .execute();
    assert.deepEqual(audited, []);
    assert.equal((await snapshot(vigil)).audit_event, before.audit_event + READERS.length);
  });

  it('answers a contact ref on the identity route exactly as an unknown person', async () => {
    const before = await snapshot(vigil);
    for (const reader of READERS) {
      const unknown = await readIdentity(randomUUID(), reader.headers);
      assert.equal(unknown.statusCode, 404);
      for (const ref of contactRefs) {
        const response = await readIdentity(ref, reader.headers);
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(errorCode(response), 'not_found');
        assert.deepEqual(response.json(), unknown.json());
      }
    }
    assert.deepEqual(await snapshot(vigil), before);
    const member = await readIdentity(armen, hotline.headers);
    assert.equal(member.statusCode, 200, member.body);
  });

  it('still reads a contact through its source, under the source rules', async () => {
    for (const sourceId of [witnessSource, atRiskSource]) {
      const response = await readContact(sourceId, coordinator.headers);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(
        response.json<{ identity: { names: { family: string }[] } }>().identity.names[0]?.family,
        'Petrosyan',
      );
    }
    assert.equal((await readContact(witnessSource, hotline.headers)).statusCode, 200);
    assert.equal((await readContact(atRiskSource, hotline.headers)).statusCode, 404);
  });
});
