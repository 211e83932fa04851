// Audited identity access through the API: a household registered in Armenian script is found
// by a search typed in Latin or Cyrillic; reading an identity states a purpose and leaves a
// sealed audit event; a crypto-shredded identity is gone (410); only signed-in hotline staff and
// coordinators may do any of it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { errorCode, send, snapshot } from '../../src/passage/registry/registry-http.fixture.ts';
import { ARMEN_HY, DAVIT_HY, LUSINE_HY } from '../../src/passage/registry/registry.fixture.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const hotline = test.staff.hotline.headers;

interface Candidate {
  personRef: string;
  householdId: string | null;
  score: number;
}

const registered = await send(vigil, {
  method: 'POST',
  url: '/api/v1/households',
  headers: hotline,
  payload: {
    intention: 'leave',
    members: [{ identity: ARMEN_HY }, { identity: LUSINE_HY }, { identity: DAVIT_HY }],
  },
});
assert.equal(registered.statusCode, 201, registered.body);
const household = registered.json<{ householdId: string; members: { personRef: string }[] }>();
const [armen, , davit] = household.members.map((member) => member.personRef);

function search(payload: unknown, headers = hotline) {
  return send(vigil, { method: 'POST', url: '/api/v1/people/search', headers, payload });
}

function readIdentity(personRef: string, payload: unknown, headers = hotline) {
  return send(vigil, {
    method: 'POST',
    url: `/api/v1/people/${personRef}/identity`,
    headers,
    payload,
  });
}

describe('identity access routes', () => {
  it('finds a member registered in Armenian script by a name typed in Latin or Cyrillic', async () => {
    for (const payload of [
      { family: 'Petrosyan', given: 'Armen' },
      { family: 'Петросян', given: 'Армен' },
      { family: 'PETROSIAN', given: 'armen', birthYear: 1979 },
    ]) {
      const response = await search(payload);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['cache-control'], 'no-store');
      const [best] = response.json<{ candidates: Candidate[] }>().candidates;
      assert.deepEqual(
        [best?.personRef, best?.householdId],
        [armen, household.householdId],
        JSON.stringify(payload),
      );
    }
    const family = await search({ family: 'Петросян' });
    assert.equal(family.json<{ candidates: Candidate[] }>().candidates.length, 3);
  });

  it('finds a person by document and audits every search result', async () => {
    const before = await snapshot(vigil);
    const response = await search({
      documentType: 'birth_certificate',
      documentNumber: 'bc 2012 4471',
      purpose: 'verification',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json<{ candidates: Candidate[] }>().candidates, [
      { personRef: davit, householdId: household.householdId, score: 1 },
    ]);
    const after = await snapshot(vigil);
    assert.equal(after.audit_event, before.audit_event + 1);
    assert.ok(after.log > before.log, 'the audit event is sealed in the log');
  });

  it('reads an identity for a stated purpose and writes one audit row for it', async () => {
    const before = await snapshot(vigil);
    const response = await readIdentity(armen!, { purpose: 'protection' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.deepEqual(response.json(), { personRef: armen, identity: ARMEN_HY });
    const after = await snapshot(vigil);
    assert.equal(after.audit_event, before.audit_event + 1);
    const audit = await vigil.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('subject_ref', '=', armen!)
      .where('action', '=', 'identity.read')
      .executeTakeFirstOrThrow();
    assert.equal(audit.purpose, 'protection');
    assert.equal(audit.actor, test.staff.hotline.id);
  });

  it('refuses bad searches and reads with a catalogued code, auditing nothing', async () => {
    const before = await snapshot(vigil);
    const refusals: [Promise<Awaited<ReturnType<typeof search>>>, number, string][] = [
      [search({ given: 'Armen' }), 422, 'invalid_request'],
      [search({ family: 'Petrosyan', documentType: 'passport' }), 422, 'invalid_request'],
      [search({ documentType: 'library_card', documentNumber: '1' }), 422, 'invalid_request'],
      [search({ family: 'Petrosyan', purpose: 'curiosity' }), 422, 'invalid_request'],
      [search({ family: '---' }), 422, 'invalid_request'],
      [readIdentity(armen!, {}), 422, 'invalid_request'],
      [readIdentity(armen!, { purpose: 'curiosity' }), 422, 'invalid_request'],
      [readIdentity(randomUUID(), { purpose: 'tracing' }), 404, 'not_found'],
      [readIdentity('not-a-ref', { purpose: 'tracing' }), 422, 'invalid_request'],
    ];
    for (const [pending, status, code] of refusals) {
      const response = await pending;
      assert.equal(response.statusCode, status, response.body);
      assert.equal(errorCode(response), code);
    }
    assert.deepEqual(await snapshot(vigil), before);
  });

  it('answers 410 gone for a crypto-shredded identity', async () => {
    await vigil.features.context.vault.shred(davit!, 'subject_request', { id: 'system:test' });
    const response = await readIdentity(
      davit!,
      { purpose: 'tracing' },
      test.staff.coordinator.headers,
    );
    assert.equal(response.statusCode, 410);
    assert.equal(errorCode(response), 'gone');
  });

  it('refuses API tokens, even of an allowed role: identity needs a signed-in session', async () => {
    const token = await vigil.tokens.createToken({ name: 'hotline script', role: 'hotline' });
    const headers = { authorization: `Bearer ${token.token}` };
    assert.equal((await search({ family: 'Petrosyan' }, headers)).statusCode, 403);
    assert.equal((await readIdentity(armen!, { purpose: 'tracing' }, headers)).statusCode, 403);
  });
});
