// A monitor and a registered signing device, as the benchmarks' sync captures need them.
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Principal } from '../src/auth/roles.ts';
import type { Vigil } from '../src/server/open-vigil.ts';

/** A registered device: its id, bearer token and the Ed25519 key that signs its captures. */
export interface BenchDevice {
  id: string;
  token: string;
  privateKey: KeyObject;
}

/** Adds a monitor and registers a fresh Ed25519 device key under them. */
export async function registerBenchDevice(vigil: Vigil): Promise<BenchDevice> {
  const monitor = await vigil.staff.addUser({ name: 'bench-monitor', role: 'monitor' });
  const owner: Principal = {
    tokenId: 'bench',
    name: monitor.name,
    role: 'monitor',
    kind: 'session',
    userId: monitor.id,
  };
  const keys = generateKeyPairSync('ed25519');
  // The raw 32-byte key: the DER SubjectPublicKeyInfo of Ed25519 is a 12-byte prefix + the key.
  const raw = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const device = await vigil.devices.register(owner, {
    name: 'bench tablet',
    publicKey: raw.toString('base64'),
  });
  return { id: device.deviceId, token: device.token, privateKey: keys.privateKey };
}
