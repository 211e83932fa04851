// Field devices through the API: a signed-in staff member registers a device's Ed25519 key, the
// device then calls with its own token and its owner's role, and a revoked device is refused.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, it } from 'node:test';
import { openTestVigil, rawPublicKey } from '../support/test-vigil.ts';

const test = await openTestVigil();
const { app } = test.vigil;

async function register(headers: Record<string, string>, name = 'tablet') {
  const keys = generateKeyPairSync('ed25519');
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/devices',
    headers,
    payload: { name, publicKey: rawPublicKey(keys.publicKey) },
  });
  return { response, keys };
}

function notarise(token: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/notary',
    headers: { authorization: `Bearer ${token}` },
    payload: { sha256: 'ef'.repeat(32) },
  });
}

describe('/api/v1/devices', () => {
  it('registers a device whose token acts with its owner role and whose signatures verify', async () => {
    const { response, keys } = await register(test.staff.admin.headers, 'admin laptop');
    assert.equal(response.statusCode, 201);
    assert.equal(response.headers['cache-control'], 'no-store');
    const device = response.json<{ deviceId: string; token: string }>();
    assert.match(device.token, /^vgd_[A-Za-z0-9_-]{43}$/);
    // An admin's device may notarise (admin role); the device token is a bearer credential.
    assert.equal((await notarise(device.token)).statusCode, 200);
    const message = new TextEncoder().encode('passage 42');
    const signature = sign(null, message, keys.privateKey).toString('base64');
    assert.equal(
      await test.vigil.devices.verifySignature(device.deviceId, message, signature),
      true,
    );
    const forged = sign(null, message, test.device.privateKey).toString('base64');
    assert.equal(await test.vigil.devices.verifySignature(device.deviceId, message, forged), false);
  });

  it("gives a monitor's device the monitor role, not more", async () => {
    const { response } = await register(test.staff.monitor.headers);
    const device = response.json<{ token: string }>();
    const refused = await notarise(device.token);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'forbidden');
  });

  it('refuses a key that is not a raw Ed25519 key with 422', async () => {
    for (const publicKey of ['', 'AAAA', Buffer.alloc(31).toString('base64')]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/devices',
        headers: test.staff.monitor.headers,
        payload: { name: 'bad', publicKey },
      });
      assert.equal(response.statusCode, 422, publicKey);
    }
  });

  it('revokes a device: its token is refused at once', async () => {
    const { response } = await register(test.staff.admin.headers);
    const device = response.json<{ deviceId: string; token: string }>();
    assert.equal((await notarise(device.token)).statusCode, 200);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/devices/${device.deviceId}`,
      headers: test.staff.coordinator.headers,
    });
    assert.equal(revoke.statusCode, 204);
    const refused = await notarise(device.token);
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'unauthenticated');
  });

  it('answers 404 for an unknown device and 422 for an id that is not a UUID', async () => {
    const unknown = await app.inject({
      method: 'DELETE',
      url: `/api/v1/devices/${randomUUID()}`,
      headers: test.staff.admin.headers,
    });
    assert.equal(unknown.statusCode, 404);
    const malformed = await app.inject({
      method: 'DELETE',
      url: '/api/v1/devices/42',
      headers: test.staff.admin.headers,
    });
    assert.equal(malformed.statusCode, 422);
  });
});
