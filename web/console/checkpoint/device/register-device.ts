// Registering this browser as a monitor's device (once, online, signed in): a new Ed25519 key,
// its public half sent with the session to POST /api/v1/devices, and the answer — the device id
// and its bearer token, shown this once — kept with the key in IndexedDB.
import { api } from '../../api.ts';
import type { StaffSession } from '../../session.ts';
import { toBase64 } from './base64.ts';
import { generateDeviceKey } from './device-key.ts';
import { saveDevice } from './device-store.ts';
import type { DeviceRecord } from './device-store.ts';

/**
 * Registers this browser as device `name` of the signed-in `session`'s owner and keeps it.
 * Throws the API's ApiError when the server refuses.
 *
 * @example const device = await registerThisDevice('Bridge phone 2', session);
 */
export async function registerThisDevice(
  name: string,
  session: StaffSession,
): Promise<DeviceRecord> {
  const key = await generateDeviceKey();
  const answer = await api<{ deviceId: string; token: string }>('POST', '/api/v1/devices', {
    name,
    publicKey: toBase64(key.publicKey),
  });
  const device: DeviceRecord = {
    deviceId: answer.deviceId,
    token: answer.token,
    name,
    key,
    owner: { id: session.id, name: session.name, role: session.role },
    registeredAt: new Date().toISOString(),
  };
  await saveDevice(device);
  return device;
}
