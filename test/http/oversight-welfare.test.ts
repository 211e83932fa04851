import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { formatReferenceCode } from '../../src/passage/model/reference-code.ts';
import { seedContacts, seedHousehold } from '../../src/passage/oversight/oversight.fixtures.ts';
import { DEFAULT_CHECK_IN_RATE_LIMIT } from '../../src/passage/oversight/welfare/portal-check-in.routes.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app } = test.vigil;
const ctx = test.vigil.features.context;
const contacts = passageStoreOn(ctx.db).welfareContacts;
const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR);

function checkIn(payload: object) {
  return app.inject({ method: 'POST', url: '/api/v1/portal/check-in', payload });
}

describe('welfare contacts for staff', () => {
  it('lists scheduled contacts due before a time, for the hotline', async () => {
    const household = await seedHousehold(ctx, [1960]);
    const [due, later] = await seedContacts(ctx.db, household.id, [at(-3), at(48)]);
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/welfare-contacts?state=scheduled&dueBefore=${encodeURIComponent(at(0).toISOString())}`,
      headers: test.staff.hotline.headers,
    });
    assert.equal(response.statusCode, 200, response.body);
    const ids = response.json<{ contacts: { id: string }[] }>().contacts.map((c) => c.id);
    assert.ok(ids.includes(due!.id));
    assert.ok(!ids.includes(later!.id));
  });

  it('records a visit once, and answers 404, 409 and 422 where due', async () => {
    const household = await seedHousehold(ctx, [1960]);
    const [contact] = await seedContacts(ctx.db, household.id, [at(-1)]);
    const done = (id: string, payload: object) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/welfare-contacts/${id}/done`,
        headers: test.staff.monitor.headers,
        payload,
      });
    const first = await done(contact!.id, { mode: 'visit' });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(
      [first.json<{ state: string }>().state, (await contacts.get(contact!.id))?.state],
      ['done', 'done'],
    );
    assert.equal((await done(contact!.id, { mode: 'visit' })).statusCode, 409);
    assert.equal((await done(randomUUID(), { mode: 'visit' })).statusCode, 404);
    for (const payload of [{ mode: 'phone' }, {}, { mode: 'visit', note: 'x' }]) {
      assert.equal((await done(randomUUID(), payload)).statusCode, 422, JSON.stringify(payload));
    }
    assert.equal((await done('not-a-uuid', { mode: 'visit' })).statusCode, 422);
  });

  it('refuses a bad state or time in the list query with 422', async () => {
    for (const query of ['?state=lost', '?dueBefore=tomorrow', '?limit=5000']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/welfare-contacts${query}`,
        headers: test.staff.coordinator.headers,
      });
      assert.equal(response.statusCode, 422, query);
    }
  });
});

describe('POST /api/v1/portal/check-in', () => {
  it("marks the household's due check-in done", async () => {
    const household = await seedHousehold(ctx, [1955, 1990]);
    const [due, next] = await seedContacts(ctx.db, household.id, [at(2), at(24 * 7)]);
    const response = await checkIn({ referenceCode: household.referenceCode, birthYear: 1990 });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      contact: { dueAt: due!.dueAt, mode: 'check_in' },
      nextDueAt: next!.dueAt,
    });
    const stored = await contacts.get(due!.id);
    assert.deepEqual([stored?.state, stored?.doneBy], ['done', 'portal']);
  });

  it('answers a wrong year and an unknown code with the same 404, changing nothing', async () => {
    const household = await seedHousehold(ctx, [1955]);
    const [due] = await seedContacts(ctx.db, household.id, [at(1)]);
    const wrongYear = await checkIn({ referenceCode: household.referenceCode, birthYear: 1956 });
    const unknownCode = await checkIn({
      referenceCode: formatReferenceCode(Buffer.alloc(8, 0xa5)),
      birthYear: 1955,
    });
    const notACode = await checkIn({ referenceCode: 'HELLO', birthYear: 1955 });
    assert.equal(wrongYear.statusCode, 404);
    assert.equal(unknownCode.body, wrongYear.body);
    assert.equal(notACode.body, wrongYear.body);
    assert.deepEqual([unknownCode.statusCode, notACode.statusCode], [404, 404]);
    assert.equal((await contacts.get(due!.id))?.state, 'scheduled');
  });

  it('refuses a malformed body with 422', async () => {
    for (const payload of [
      {},
      { referenceCode: 'ABCD', birthYear: '1955' },
      { referenceCode: '', birthYear: 1955 },
      { referenceCode: 'ABCD', birthYear: 1955.5 },
      { referenceCode: 'ABCD', birthYear: 1955, householdId: randomUUID() },
    ]) {
      assert.equal((await checkIn(payload)).statusCode, 422, JSON.stringify(payload));
    }
  });

  it('limits check-ins per address', async () => {
    const payload = { referenceCode: formatReferenceCode(Buffer.alloc(8, 3)), birthYear: 1950 };
    const statuses: number[] = [];
    for (let n = 0; n <= DEFAULT_CHECK_IN_RATE_LIMIT.max; n++) {
      statuses.push((await checkIn(payload)).statusCode);
    }
    assert.equal(statuses.at(-1), 429);
    assert.ok(
      statuses.every((status) => status === 404 || status === 429),
      String(statuses),
    );
  });
});
