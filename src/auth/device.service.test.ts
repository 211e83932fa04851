import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { rawPublicKey } from '../../test/support/test-vigil.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { AppDatabase } from '../store/open-database.ts';
import { KyselyDeviceRepository } from './device.kysely.ts';
import { DeviceService } from './device.service.ts';
import type { Principal } from './roles.ts';
import { Keyring } from '../people/keyring.ts';
import { KyselyStaffRepository } from './staff.kysely.ts';
import { StaffService } from './staff.service.ts';

const MESSAGE = new TextEncoder().encode('capture 1');

async function setup(database: AppDatabase) {
  const staff = new StaffService({
    repository: new KyselyStaffRepository(database.db),
    secretBox: new Keyring(randomBytes(32)).createSecretBox(),
  });
  const devices = new DeviceService({ repository: new KyselyDeviceRepository(database.db) });
  const user = await staff.addUser({ name: 'field', role: 'monitor' });
  const owner: Principal = {
    tokenId: 'session-id',
    name: user.name,
    role: 'monitor',
    kind: 'session',
    userId: user.id,
  };
  const keys = generateKeyPairSync('ed25519');
  const registered = await devices.register(owner, {
    name: ' tablet 7 ',
    publicKey: rawPublicKey(keys.publicKey),
  });
  return { devices, owner, keys, registered, db: database.db, user };
}

function refusedAs(code: string) {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

describeOnBothDatabases('DeviceService', (open) => {
  it('registers a device whose token acts with its owner role', async () => {
    const { devices, registered, user, db } = await setup(await open());
    assert.match(registered.token, /^vgd_[A-Za-z0-9_-]{43}$/);
    const principal = await devices.authenticateDevice(registered.token);
    assert.deepEqual(principal, {
      tokenId: registered.deviceId,
      name: 'tablet 7',
      role: 'monitor',
      kind: 'device',
      userId: user.id,
      deviceId: registered.deviceId,
    });
    const row = await db.selectFrom('device').selectAll().executeTakeFirstOrThrow();
    assert.notEqual(row.token_sha256, registered.token);
    assert.match(row.token_sha256, /^[0-9a-f]{64}$/);
  });

  it('refuses keys that are not a raw Ed25519 key, and owners without an account', async () => {
    const { devices, owner, keys } = await setup(await open());
    const key = rawPublicKey(keys.publicKey);
    for (const publicKey of [
      '',
      'AAAA',
      Buffer.alloc(33).toString('base64'),
      key.replace(/=$/, ''),
      Buffer.from(key, 'base64').toString('base64url'),
    ]) {
      await assert.rejects(
        devices.register(owner, { name: 'x', publicKey }),
        refusedAs('invalid_request'),
      );
    }
    await assert.rejects(
      devices.register(owner, { name: ' ', publicKey: key }),
      refusedAs('invalid_request'),
    );
    const token: Principal = { tokenId: 't', name: 'ngo', role: 'monitor', kind: 'token' };
    await assert.rejects(
      devices.register(token, { name: 'x', publicKey: key }),
      refusedAs('forbidden'),
    );
  });

  it('refuses unknown and malformed device tokens', async () => {
    const { devices } = await setup(await open());
    for (const token of ['', 'vgd_x', `vgd_${'A'.repeat(43)}`, `vgl_${'A'.repeat(43)}`]) {
      await assert.rejects(devices.authenticateDevice(token), refusedAs('unauthenticated'));
    }
  });

  it('refuses a revoked device and a device of a disabled user', async () => {
    const { devices, owner, keys, registered, db } = await setup(await open());
    await devices.revoke(registered.deviceId);
    await devices.revoke(registered.deviceId);
    await assert.rejects(
      devices.authenticateDevice(registered.token),
      refusedAs('unauthenticated'),
    );
    const other = await devices.register(owner, {
      name: 'phone',
      publicKey: rawPublicKey(keys.publicKey),
    });
    await devices.authenticateDevice(other.token);
    await db.updateTable('staff_user').set({ disabled_at: new Date().toISOString() }).execute();
    await assert.rejects(devices.authenticateDevice(other.token), refusedAs('unauthenticated'));
  });

  it('answers not_found when revoking an unknown device', async () => {
    const { devices } = await setup(await open());
    await assert.rejects(
      devices.revoke('00000000-0000-4000-8000-000000000000'),
      refusedAs('not_found'),
    );
  });

  it('verifies the device signature of a message and nothing else', async () => {
    const { devices, owner, keys, registered } = await setup(await open());
    const signature = sign(null, MESSAGE, keys.privateKey).toString('base64');
    assert.equal(await devices.verifySignature(registered.deviceId, MESSAGE, signature), true);
    // The key is cached now; a second check answers the same.
    assert.equal(await devices.verifySignature(registered.deviceId, MESSAGE, signature), true);
    const other = await devices.register(owner, {
      name: 'other',
      publicKey: rawPublicKey(generateKeyPairSync('ed25519').publicKey),
    });
    const tampered = Buffer.from(signature, 'base64');
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    const refusals: [string, Uint8Array, string][] = [
      [other.deviceId, MESSAGE, signature],
      [registered.deviceId, new TextEncoder().encode('capture 2'), signature],
      [registered.deviceId, MESSAGE, tampered.toString('base64')],
      [registered.deviceId, MESSAGE, signature.slice(0, -4)],
      [registered.deviceId, MESSAGE, 'not base64!'],
      ['00000000-0000-4000-8000-000000000000', MESSAGE, signature],
    ];
    for (const [deviceId, message, sig] of refusals) {
      assert.equal(await devices.verifySignature(deviceId, message, sig), false);
    }
  });
});
