// What a device signs. A capture is signed on the device when it is made (often offline), so
// the server can later show that the record it holds is what that device saw. The signed bytes
// are a domain tag followed by the canonical JSON (RFC 8785) of the capture, bound to the
// device id so a signature cannot be replayed as another device's.
import { canonicalJson } from '../ledger/canonical-json.ts';

/** Separates device capture signatures from every other use of the device key. */
export const CAPTURE_SIGNATURE_TAG = 'vigil-device-capture-v1\n';

/** The fields of a capture that its signature covers. */
export interface SignedCapture {
  deviceId: string;
  id: string;
  type: string;
  capturedAt: string;
  payload: unknown;
}

/** The exact bytes a device signs with Ed25519 for `capture`. */
export function captureSignatureMessage(capture: SignedCapture): Uint8Array {
  const canonical = canonicalJson({
    deviceId: capture.deviceId,
    id: capture.id,
    type: capture.type,
    capturedAt: capture.capturedAt,
    payload: capture.payload,
  });
  return new TextEncoder().encode(CAPTURE_SIGNATURE_TAG + canonical);
}
