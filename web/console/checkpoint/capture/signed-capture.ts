// A capture as POST /api/v1/sync takes it: a client-made id (UUIDv7), its type, when it was
// captured, its payload, and the device's Ed25519 signature over the exact bytes the server
// verifies — the domain tag and the RFC 8785 canonical JSON of the capture bound to the device id.
// Those bytes come from the server's own pure function (src/sync/capture-signature.ts, on
// src/ledger/canonical-json.ts), so the browser and the server cannot disagree about them.
import { captureSignatureMessage } from '../../../../src/sync/capture-signature.ts';
import { toBase64 } from '../device/base64.ts';
import { signWith } from '../device/device-key.ts';
import type { DeviceKey } from '../device/device-key.ts';
import { newCaptureId } from './capture-id.ts';

/** One signed capture, exactly the shape of an item of POST /api/v1/sync. */
export interface SyncItem {
  readonly id: string;
  readonly type: string;
  readonly capturedAt: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** base64 of the 64-byte Ed25519 signature. */
  readonly signature: string;
}

/** What signCapture needs. */
export interface CaptureToSign {
  readonly deviceId: string;
  readonly key: DeviceKey;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** When it was captured (default now). */
  readonly at?: Date;
  /** Its id (default a new UUIDv7 of `at`). */
  readonly id?: string;
}

/**
 * The capture signed by the device: what the outbox keeps and the sync sends.
 *
 * @example await signCapture({ deviceId, key, type: 'checkpoint_passage', payload })
 */
export async function signCapture(capture: CaptureToSign): Promise<SyncItem> {
  const at = capture.at ?? new Date();
  const item = {
    id: capture.id ?? newCaptureId(at.getTime()),
    type: capture.type,
    capturedAt: at.toISOString(),
    payload: capture.payload,
  };
  const message = captureSignatureMessage({ ...item, deviceId: capture.deviceId });
  const signature = await signWith(capture.key, message);
  return { ...item, signature: toBase64(signature) };
}
