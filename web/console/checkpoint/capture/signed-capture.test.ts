// A capture signed by the browser's code verifies as the server verifies it: the same bytes
// (domain tag + canonical JSON bound to the device id) under the device's Ed25519 key, checked by
// the server's own DeviceService with node:crypto — for a WebCrypto key and for the @noble/curves
// fallback. The payload the form builds parses with the server's schema.
import assert from 'node:assert/strict';
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { describe, it } from 'node:test';
import { z } from 'zod';
import type { DeviceRepository, StoredDevice } from '../../../../src/auth/device.repository.ts';
import { DeviceService } from '../../../../src/auth/device.service.ts';
import { CheckpointPassagePayload } from '../../../../src/passage/field/captures/checkpoint-passage.schema.ts';
import { captureSignatureMessage } from '../../../../src/sync/capture-signature.ts';
import { fromBase64, toBase64 } from '../device/base64.ts';
import { generateDeviceKey } from '../device/device-key.ts';
import type { DeviceKey } from '../device/device-key.ts';
import { newCaptureId } from './capture-id.ts';
import { CHECKPOINT_PASSAGE, passagePayload } from './passage-payload.ts';
import type { PassageDraft } from './passage-payload.ts';
import { signCapture } from './signed-capture.ts';

const DEVICE_ID = '0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6071';
const CHECKPOINT = '0192b3c4-0000-7000-8000-00000000c0de';
const JOURNEYS = ['0192b3c4-0000-7000-8000-000000000001', '0192b3c4-0000-7000-8000-000000000002'];

/** The server's device service over one stored device holding `key`'s public half. */
function serverWith(key: DeviceKey): DeviceService {
  const stored: StoredDevice = {
    id: DEVICE_ID,
    name: 'test phone',
    userId: 'monitor-1',
    publicKey: toBase64(key.publicKey),
    tokenSha256: 'unused',
    createdAt: '2023-09-26T08:00:00.000Z',
    revokedAt: null,
  };
  const repository: DeviceRepository = {
    insert: () => Promise.resolve(),
    findByDigest: () => Promise.resolve(undefined),
    findById: (id) => Promise.resolve(id === DEVICE_ID ? stored : undefined),
    revoke: () => Promise.resolve(undefined),
  };
  return new DeviceService({ repository });
}

const draft: PassageDraft = {
  checkpointId: CHECKPOINT,
  direction: 'out',
  members: [
    { journeyId: JOURNEYS[0]!, fate: 'with_passage' },
    { journeyId: JOURNEYS[1]!, fate: 'held_secondary' },
  ],
  others: 1,
  screeningTypes: ['face_capture', 'document_check'],
  outcome: 'passed',
};

for (const webCrypto of [true, false]) {
  describe(`a capture signed with a ${webCrypto ? 'WebCrypto' : '@noble/curves'} key`, () => {
    it('verifies with the server’s DeviceService, and only unchanged and for its device', async () => {
      const key = await generateDeviceKey({ webCrypto });
      assert.equal(key.kind, webCrypto ? 'webcrypto' : 'noble');
      const payload = passagePayload(draft);
      const item = await signCapture({
        deviceId: DEVICE_ID,
        key,
        type: CHECKPOINT_PASSAGE,
        payload,
      });
      const server = serverWith(key);
      const message = (capture: typeof item, deviceId = DEVICE_ID) =>
        captureSignatureMessage({ ...capture, deviceId });
      assert.deepEqual(
        await server.verifySignatures(DEVICE_ID, [
          { message: message(item), signature: item.signature },
        ]),
        [true],
      );
      const changed = { ...item, payload: { ...payload, occupants: 4 } };
      const otherDevice = message(item, '0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6072');
      assert.deepEqual(
        await server.verifySignatures(DEVICE_ID, [
          { message: message(changed), signature: item.signature },
          { message: otherDevice, signature: item.signature },
        ]),
        [false, false],
      );
    });

    it('has exactly the shape POST /api/v1/sync takes', async () => {
      const key = await generateDeviceKey({ webCrypto });
      const item = await signCapture({
        deviceId: DEVICE_ID,
        key,
        type: CHECKPOINT_PASSAGE,
        payload: passagePayload(draft),
        at: new Date('2023-09-26T08:15:00.000Z'),
      });
      // The route's item schema (src/sync/sync.routes.ts), strict: no field more or less.
      const SyncItemSchema = z.strictObject({
        id: z.uuid(),
        type: z.string().regex(/^[a-z][a-z_.]{0,63}$/),
        capturedAt: z.iso.datetime(),
        payload: z.record(z.string(), z.unknown()),
        signature: z.base64().length(88),
      });
      assert.ok(SyncItemSchema.safeParse(item).success);
      assert.equal(item.capturedAt, '2023-09-26T08:15:00.000Z');
      assert.equal(item.id.slice(0, 13), newCaptureId(Date.parse(item.capturedAt)).slice(0, 13));
    });
  });
}

it('signs byte for byte as node:crypto does with the same secret key (noble fallback)', async () => {
  const key = await generateDeviceKey({ webCrypto: false });
  assert.equal(key.kind, 'noble');
  const pkcs8 = Buffer.concat([
    Buffer.from('302e020100300506032b657004220420', 'hex'),
    key.secretKey,
  ]);
  const nodeKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const capture = {
    deviceId: DEVICE_ID,
    key,
    type: CHECKPOINT_PASSAGE,
    payload: passagePayload(draft),
    at: new Date('2023-09-26T08:15:00.000Z'),
    id: JOURNEYS[0]!,
  };
  const item = await signCapture(capture);
  const expected = nodeSign(
    null,
    captureSignatureMessage({ ...item, deviceId: DEVICE_ID }),
    nodeKey,
  );
  assert.deepEqual(fromBase64(item.signature), new Uint8Array(expected));
});

describe('the passage payload', () => {
  it('parses with the server’s checkpoint_passage schema', () => {
    const parsed = CheckpointPassagePayload.safeParse(passagePayload(draft));
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });

  it('counts the members aboard and the others, and gives each member their outcome', () => {
    const payload = passagePayload({
      ...draft,
      members: [
        { journeyId: JOURNEYS[0]!, fate: 'with_passage' },
        { journeyId: JOURNEYS[1]!, fate: 'absent' },
      ],
      outcome: 'secondary',
      screeningTypes: ['interrogation', 'document_check', 'document_check'],
    });
    assert.deepEqual(payload, {
      checkpointId: CHECKPOINT,
      direction: 'out',
      occupants: 2,
      screeningTypes: ['document_check', 'interrogation'],
      outcome: 'secondary',
      people: [{ journeyId: JOURNEYS[0], outcome: 'held_secondary' }],
    });
    assert.ok(CheckpointPassagePayload.safeParse(payload).success);
  });

  it('lists no people for people counted without a code', () => {
    const payload = passagePayload({ ...draft, members: [], others: 3, outcome: 'turned_back' });
    assert.equal(payload['people'], undefined);
    assert.equal(payload['occupants'], 3);
    assert.ok(CheckpointPassagePayload.safeParse(payload).success);
  });
});

describe('capture ids', () => {
  it('are UUIDv7: the time first, version 7, the RFC 9562 variant, random after', () => {
    const at = Date.parse('2023-09-26T08:15:00.000Z');
    const id = newCaptureId(at, new Uint8Array(10).fill(0xff));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16), at);
    assert.ok(z.uuid().safeParse(id).success);
    assert.notEqual(newCaptureId(at), newCaptureId(at), 'two captures in one millisecond differ');
    assert.ok(newCaptureId(at) < newCaptureId(at + 1), 'later captures sort after');
  });
});
