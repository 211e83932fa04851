// Test helpers of the field slice: a corridor to seed (exit post → bridge checkpoint → reception
// point → humanitarian centre, with p95 transit times), listed journeys, and device captures
// signed as a monitor's tablet signs them. Synthetic only.
import { generateKeyPairSync, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AlertHub } from '../../alerts/alert-hub.ts';
import { AlertService } from '../../alerts/alert.service.ts';
import type { Principal } from '../../auth/roles.ts';
import { IdentityVault } from '../../people/identity-vault.service.ts';
import { Keyring } from '../../people/keyring.ts';
import { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { CaptureContext, SyncItem } from '../../sync/capture-handler.ts';
import { captureSignatureMessage } from '../../sync/capture-signature.ts';
import { SyncService } from '../../sync/sync.service.ts';
import type { Journey } from '../database/journey.repository.ts';
import { aJourney, aPlace, hoursAfterD0 } from '../database/passage.fixtures.ts';
import { passageStoreOn } from '../database/passage-store.kysely.ts';
import type { PassageContext } from '../passage-context.ts';
import { fieldCaptureHandlers } from './field.module.ts';

/** The places of the seeded corridor. */
export interface Corridor {
  exitPost: string;
  bridge: string;
  reception: string;
  centre: string;
  /** p95 minutes from the bridge to the centre (bridge → reception → centre). */
  bridgeToCentreMinutes: number;
}

/** Stores the four places of a corridor and the legs between them. */
export async function seedCorridor(db: Kysely<Database>): Promise<Corridor> {
  const store = passageStoreOn(db);
  const exitPost = aPlace({ kind: 'exit_post', names: { en: 'Exit post' } });
  const bridge = aPlace({ kind: 'checkpoint', names: { en: 'Bridge' } });
  const reception = aPlace({ kind: 'reception_point', names: { en: 'Reception' } });
  const centre = aPlace({ kind: 'humanitarian_centre', names: { en: 'Centre' } });
  await store.places.insertMany([exitPost, bridge, reception, centre]);
  await store.places.saveRouteLegs([
    { fromPlaceId: exitPost.id, toPlaceId: bridge.id, p50Minutes: 30, p95Minutes: 60 },
    { fromPlaceId: bridge.id, toPlaceId: reception.id, p50Minutes: 60, p95Minutes: 120 },
    { fromPlaceId: reception.id, toPlaceId: centre.id, p50Minutes: 45, p95Minutes: 90 },
  ]);
  return {
    exitPost: exitPost.id,
    bridge: bridge.id,
    reception: reception.id,
    centre: centre.id,
    bridgeToCentreMinutes: 210,
  };
}

/** A manifest entry not yet departed. */
export function aListedJourney(overrides: Partial<Journey> = {}): Journey {
  return aJourney({
    state: 'listed',
    vehicleId: null,
    departedAt: null,
    firstCheckpointId: null,
    lastPlaceId: null,
    lastSeenAt: null,
    expectedBy: null,
    ...overrides,
  });
}

/** Stores `count` listed journeys; returns them. */
export async function seedListedJourneys(db: Kysely<Database>, count: number): Promise<Journey[]> {
  const journeys = Array.from({ length: count }, () => aListedJourney());
  await passageStoreOn(db).journeys.insertMany(journeys);
  return journeys;
}

/** What signing a capture needs: the device's id and private key. */
export interface SigningDevice {
  id: string;
  privateKey: KeyObject;
}

/** A capture of `type` signed by `device` (captured at D0 + 12 h unless told). */
export function signedCapture(
  device: SigningDevice,
  type: string,
  payload: Record<string, unknown>,
  options: { id?: string; capturedAt?: string } = {},
): SyncItem {
  const capture = {
    id: options.id ?? randomUUID(),
    type,
    capturedAt: options.capturedAt ?? hoursAfterD0(12),
    payload,
  };
  const message = captureSignatureMessage({ ...capture, deviceId: device.id });
  return { ...capture, signature: sign(null, message, device.privateKey).toString('base64') };
}

/** A passage of a car at `checkpointId` with `people`, outbound, passed. */
export function aPassagePayload(
  checkpointId: string,
  people: Record<string, unknown>[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    checkpointId,
    direction: 'out',
    occupants: Math.max(people.length, 1),
    queueInAt: hoursAfterD0(10),
    screeningStartAt: hoursAfterD0(11.5),
    screeningEndAt: hoursAfterD0(11.75),
    screeningTypes: ['document_check'],
    outcome: 'passed',
    people,
    ...overrides,
  };
}

/** A passage context on `db` (fake log, real alert service and keyring) and what tests read. */
export interface FieldTestContext extends PassageContext {
  readonly hub: AlertHub;
  /** Errors the services logged. */
  readonly logged: { error: unknown; what: string }[];
}

/** A passage context over a test database, its clock at D0 + 24 h. */
export function fieldTestContext(db: Kysely<Database>): FieldTestContext {
  let index = 0;
  const sealer = new Sealer({ append: () => Promise.resolve({ index: index++ }) });
  const keyring = new Keyring(randomBytes(32));
  const hub = new AlertHub();
  const now = () => new Date(hoursAfterD0(24));
  const logged: { error: unknown; what: string }[] = [];
  return {
    db,
    sealer,
    keyring,
    vault: new IdentityVault({ db, sealer, keyring, now }),
    alerts: new AlertService({ db, sealer, hub, now }),
    now,
    logError: (error, what) => logged.push({ error, what }),
    hub,
    logged,
  };
}

/** A sync service with the field handlers, a device that signs, and how it submits. */
export interface FieldSync {
  sync: SyncService;
  device: SigningDevice;
  capture: CaptureContext;
}

/** The field capture handlers behind a sync service whose one device is generated here. */
export function fieldSync(context: PassageContext): FieldSync {
  const keys = generateKeyPairSync('ed25519');
  const device = { id: randomUUID(), privateKey: keys.privateKey };
  const sync = new SyncService({
    db: context.db,
    handlers: fieldCaptureHandlers(context),
    devices: {
      verifySignatures: (_deviceId, signed) =>
        Promise.resolve(
          signed.map(({ message, signature }) =>
            verify(null, message, keys.publicKey, Buffer.from(signature, 'base64')),
          ),
        ),
    },
    onError: (error) => {
      context.logError(error, 'sync item');
    },
  });
  const principal: Principal = {
    tokenId: randomUUID(),
    name: 'monitor tablet',
    role: 'monitor',
    kind: 'device',
    userId: randomUUID(),
    deviceId: device.id,
  };
  return { sync, device, capture: { principal, deviceId: device.id } };
}
