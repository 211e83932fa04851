// What the checkpoint mode keeps on the device, in IndexedDB (the `idb` wrapper): the registered
// device (its id, bearer token, Ed25519 key and who registered it), the outbox of signed captures
// waiting to sync, and the lists downloaded for offline work (the gazetteer's places and the
// checkpoint roster). The service worker caches the page only, never an API answer: these lists
// live here, where the page decides when they are stale. Nothing here is a name, a document or a
// reference code.
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { StaffRole, StaffSession } from '../../session.ts';
import type { Roster } from '../capture/roster.ts';
import type { SyncItem } from '../capture/signed-capture.ts';
import type { OutboxEntry, OutboxStore, Rejection } from '../outbox/outbox.ts';
import type { DeviceKey } from './device-key.ts';

/** A place of the gazetteer as GET /api/v1/places answers it (the fields the console reads). */
export interface Place {
  readonly id: string;
  readonly kind: string;
  readonly names: Readonly<Record<string, string | undefined>> & { readonly en: string };
}

/** This device, once registered. */
export interface DeviceRecord {
  readonly deviceId: string;
  /** The `vgd_…` bearer token POST /api/v1/devices answered (shown once). */
  readonly token: string;
  readonly name: string;
  readonly key: DeviceKey;
  /** The staff member who registered it: the device acts for them offline. */
  readonly owner: { readonly id: string; readonly name: string; readonly role: StaffRole };
  readonly registeredAt: string;
}

/** A downloaded list and when it was fetched. */
export interface Downloaded<T> {
  readonly value: T;
  readonly fetchedAt: string;
}

interface CheckpointDb extends DBSchema {
  device: { key: 'this'; value: DeviceRecord };
  outbox: { key: string; value: OutboxEntry };
  places: { key: 'all'; value: Downloaded<readonly Place[]> };
  roster: { key: 'current'; value: Downloaded<Roster> };
}

const DB_NAME = 'vigil-console-checkpoint';

let opened: Promise<IDBPDatabase<CheckpointDb>> | undefined;

function database(): Promise<IDBPDatabase<CheckpointDb>> {
  opened ??= openDB<CheckpointDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('device');
      // Keyed by the capture's id, a UUIDv7: key order is capture order.
      db.createObjectStore('outbox', { keyPath: 'item.id' });
      db.createObjectStore('places');
      db.createObjectStore('roster');
    },
  });
  return opened;
}

/** The registered device, if any. */
export async function loadDevice(): Promise<DeviceRecord | undefined> {
  return (await database()).get('device', 'this');
}

/** Keeps `device` as this browser's device. */
export async function saveDevice(device: DeviceRecord): Promise<void> {
  await (await database()).put('device', device, 'this');
}

/**
 * The session the console works under when the server cannot be reached: the registered
 * device's owner. Undefined without a registered device (then nothing works offline).
 */
export async function offlineSession(): Promise<StaffSession | undefined> {
  const device = await loadDevice().catch(() => undefined);
  if (device === undefined) return undefined;
  const { id, name, role } = device.owner;
  // Expired from the start: no server vouches for this session; it only opens the device's view.
  return { id, name, role, expiresAt: new Date(0).toISOString() };
}

/** The places downloaded last, if any. */
export async function loadPlaces(): Promise<Downloaded<readonly Place[]> | undefined> {
  return (await database()).get('places', 'all');
}

/** Keeps `places` as downloaded now. */
export async function savePlaces(places: readonly Place[]): Promise<Downloaded<readonly Place[]>> {
  const downloaded = { value: places, fetchedAt: new Date().toISOString() };
  await (await database()).put('places', downloaded, 'all');
  return downloaded;
}

/** The roster downloaded last, if any. */
export async function loadRoster(): Promise<Downloaded<Roster> | undefined> {
  return (await database()).get('roster', 'current');
}

/** Keeps `roster` as downloaded now. */
export async function saveRoster(roster: Roster): Promise<Downloaded<Roster>> {
  const downloaded = { value: roster, fetchedAt: new Date().toISOString() };
  await (await database()).put('roster', downloaded, 'current');
  return downloaded;
}

/** The outbox in IndexedDB. */
export const indexedDbOutbox: OutboxStore = {
  async list() {
    return (await database()).getAll('outbox');
  },
  async add(item: SyncItem) {
    await (await database()).add('outbox', { item });
  },
  async remove(ids: readonly string[]) {
    const transaction = (await database()).transaction('outbox', 'readwrite');
    await Promise.all([...ids.map((id) => transaction.store.delete(id)), transaction.done]);
  },
  async reject(id: string, rejection: Rejection) {
    const transaction = (await database()).transaction('outbox', 'readwrite');
    const entry = await transaction.store.get(id);
    if (entry !== undefined) await transaction.store.put({ item: entry.item, rejection });
    await transaction.done;
  },
  async requeue(id: string) {
    const transaction = (await database()).transaction('outbox', 'readwrite');
    const entry = await transaction.store.get(id);
    if (entry !== undefined) await transaction.store.put({ item: entry.item });
    await transaction.done;
  },
};
