// Staff accounts through the API: an admin creates them (secrets shown once) and lists them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestVigil, totpNow } from '../support/test-vigil.ts';

const test = await openTestVigil();
const { app } = test.vigil;
const admin = test.staff.admin.headers;

function createUser(payload: unknown, headers = admin) {
  return app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: payload as object });
}

describe('/api/v1/users', () => {
  it('creates an account whose credentials work at once and are shown only then', async () => {
    const response = await createUser({ name: 'Field.Lead', role: 'coordinator' });
    assert.equal(response.statusCode, 201);
    assert.equal(response.headers['cache-control'], 'no-store');
    const user = response.json<{
      id: string;
      name: string;
      role: string;
      password: string;
      totpSecret: string;
      totpUri: string;
    }>();
    assert.equal(user.name, 'field.lead');
    assert.equal(user.role, 'coordinator');
    assert.match(user.totpUri, /^otpauth:\/\/totp\//);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { name: user.name, password: user.password, totp: totpNow(user.totpSecret) },
    });
    assert.equal(signIn.statusCode, 200);
    const list = await app.inject({ url: '/api/v1/users', headers: admin });
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(user.password) && !list.body.includes(user.totpSecret));
    const listed = list.json<{ users: Record<string, unknown>[] }>().users;
    assert.deepEqual(
      listed.find((entry) => entry['id'] === user.id),
      {
        id: user.id,
        name: 'field.lead',
        role: 'coordinator',
        createdAt: listed.find((entry) => entry['id'] === user.id)?.['createdAt'],
        disabledAt: null,
      },
    );
    assert.ok(
      listed.some((entry) => entry['name'] === 'admin'),
      'the first-run admin is listed',
    );
  });

  it('keeps a chosen password', async () => {
    const response = await createUser({
      name: 'chosen',
      role: 'analyst',
      password: 'p'.repeat(16),
    });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json<{ password: string }>().password, 'p'.repeat(16));
  });

  it('refuses a taken name with 409 conflict', async () => {
    assert.equal((await createUser({ name: 'twice', role: 'monitor' })).statusCode, 201);
    const again = await createUser({ name: 'TWICE', role: 'hotline' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'conflict');
  });

  it('refuses roles outside the staff, bad names and short passwords with 422', async () => {
    for (const payload of [
      { name: 'ngo', role: 'partner' },
      { name: 'res', role: 'resident' },
      { name: 'has space', role: 'monitor' },
      { name: 'short', role: 'monitor', password: 'short' },
      { name: 'extra', role: 'monitor', admin: true },
    ]) {
      const response = await createUser(payload);
      assert.equal(response.statusCode, 422, JSON.stringify(payload));
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'invalid_request');
    }
  });
});
