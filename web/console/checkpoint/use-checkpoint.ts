// The checkpoint mode's state and actions: the registered device, the lists kept for offline
// work, the outbox and its sync loop, and whether the browser thinks it is online. Everything is
// read from IndexedDB first, so the view works with no network; downloads and sends happen when
// there is one (the `online` event, a new capture, or the backoff of a failed send).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffSession } from '../session.ts';
import { arrivalCaptures } from './capture/arrival-payload.ts';
import type { ArrivalDraft, CaptureDraft } from './capture/arrival-payload.ts';
import { signCapture } from './capture/signed-capture.ts';
import { CHECKPOINT_PASSAGE, passagePayload } from './capture/passage-payload.ts';
import type { PassageDraft } from './capture/passage-payload.ts';
import type { Roster } from './capture/roster.ts';
import type { SyncItem } from './capture/signed-capture.ts';
import {
  indexedDbOutbox,
  loadDevice,
  loadPlaces,
  loadRoster,
  savePlaces,
  saveRoster,
} from './device/device-store.ts';
import type { DeviceRecord, Downloaded, Place } from './device/device-store.ts';
import { downloadRoster, downloadStations } from './device/lists.ts';
import { registerThisDevice } from './device/register-device.ts';
import { drainOutbox } from './outbox/outbox.ts';
import type { OutboxEntry } from './outbox/outbox.ts';
import { postSync } from './outbox/sync-client.ts';
import { SyncLoop } from './outbox/sync-loop.ts';
import type { SyncState } from './outbox/sync-loop.ts';

/** The device as the view knows it. */
export type DeviceState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'none' }
  | { readonly kind: 'registered'; readonly device: DeviceRecord };

/** Everything the checkpoint view shows and can do. */
export interface Checkpoint {
  readonly device: DeviceState;
  readonly places: Downloaded<readonly Place[]> | undefined;
  readonly roster: Downloaded<Roster> | undefined;
  readonly outbox: readonly OutboxEntry[];
  readonly sync: SyncState;
  readonly online: boolean;
  /** The last list download failed (the lists kept before still serve). */
  readonly listsFailed: boolean;
  readonly register: (name: string) => Promise<void>;
  readonly refreshLists: () => Promise<void>;
  readonly record: (draft: PassageDraft) => Promise<SyncItem>;
  /** Records an arrival: one capture per member who arrived, all signed at one instant. */
  readonly recordArrival: (draft: ArrivalDraft) => Promise<readonly SyncItem[]>;
  readonly dismiss: (id: string) => Promise<void>;
  readonly requeue: (id: string) => Promise<void>;
  readonly syncNow: () => void;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const follow = () => {
      setOnline(navigator.onLine);
    };
    addEventListener('online', follow);
    addEventListener('offline', follow);
    return () => {
      removeEventListener('online', follow);
      removeEventListener('offline', follow);
    };
  }, []);
  return online;
}

/** The checkpoint mode of `session`'s owner on this device. */
export function useCheckpoint(session: StaffSession): Checkpoint {
  const [device, setDevice] = useState<DeviceState>({ kind: 'loading' });
  const [places, setPlaces] = useState<Downloaded<readonly Place[]>>();
  const [roster, setRoster] = useState<Downloaded<Roster>>();
  const [outbox, setOutbox] = useState<readonly OutboxEntry[]>([]);
  const [sync, setSync] = useState<SyncState>({ kind: 'idle' });
  const [listsFailed, setListsFailed] = useState(false);
  const online = useOnline();
  const loop = useRef<SyncLoop | undefined>(undefined);

  const reloadOutbox = useCallback(async () => {
    setOutbox(await indexedDbOutbox.list());
  }, []);

  const refreshLists = useCallback(async (token?: string) => {
    try {
      const stations = await downloadStations();
      setPlaces(await savePlaces(stations));
      if (token !== undefined) setRoster(await saveRoster(await downloadRoster(token)));
      setListsFailed(false);
    } catch {
      setListsFailed(true);
    }
  }, []);

  // What the device holds, first; then the lists, fresh when the network allows.
  useEffect(() => {
    // An object, not a `let`: the flag is read across awaits after the cleanup may have run.
    const view = { live: true };
    void (async () => {
      const [found, keptPlaces, keptRoster] = await Promise.all([
        loadDevice(),
        loadPlaces(),
        loadRoster(),
      ]).catch(() => [undefined, undefined, undefined] as const);
      if (!view.live) return;
      setDevice(found === undefined ? { kind: 'none' } : { kind: 'registered', device: found });
      setPlaces(keptPlaces);
      setRoster(keptRoster);
      await reloadOutbox();
      if (navigator.onLine) await refreshLists(found?.token);
    })();
    return () => {
      view.live = false;
    };
  }, [refreshLists, reloadOutbox]);

  const token = device.kind === 'registered' ? device.device.token : undefined;
  useEffect(() => {
    if (token === undefined) return;
    const syncLoop = new SyncLoop({
      drain: async () => {
        // No network at all: wait for the `online` event (or the next retry) instead of failing.
        if (!navigator.onLine) {
          const waiting = await indexedDbOutbox.list();
          const pending = waiting.some((entry) => entry.rejection === undefined);
          return pending ? { kind: 'retry', sent: 0 } : { kind: 'done', sent: 0 };
        }
        const result = await drainOutbox(indexedDbOutbox, (items) => postSync(items, token));
        await reloadOutbox();
        return result;
      },
      onState: setSync,
    });
    loop.current = syncLoop;
    // Signal again: send what waits, and fetch the lists (households registered meanwhile).
    const kick = () => {
      syncLoop.kick(true);
      void refreshLists(token);
    };
    addEventListener('online', kick);
    syncLoop.kick();
    return () => {
      removeEventListener('online', kick);
      syncLoop.stop();
      loop.current = undefined;
    };
  }, [token, reloadOutbox, refreshLists]);

  const register = useCallback(
    async (name: string) => {
      const registered = await registerThisDevice(name, session);
      setDevice({ kind: 'registered', device: registered });
      await refreshLists(registered.token);
    },
    [session, refreshLists],
  );

  /** Signs `captures`, keeps them in the outbox (nothing is kept unless all are signed), sends. */
  const keep = useCallback(
    async (captures: readonly CaptureDraft[]) => {
      if (device.kind !== 'registered') throw new Error('no registered device');
      const { deviceId, key } = device.device;
      const at = new Date();
      const items = await Promise.all(
        captures.map((capture) => signCapture({ deviceId, key, at, ...capture })),
      );
      for (const item of items) await indexedDbOutbox.add(item);
      await reloadOutbox();
      loop.current?.kick();
      return items;
    },
    [device, reloadOutbox],
  );

  const record = useCallback(
    async (draft: PassageDraft) => {
      const [item] = await keep([{ type: CHECKPOINT_PASSAGE, payload: passagePayload(draft) }]);
      if (item === undefined) throw new Error('the passage was not signed');
      return item;
    },
    [keep],
  );

  const recordArrival = useCallback((draft: ArrivalDraft) => keep(arrivalCaptures(draft)), [keep]);

  const dismiss = useCallback(
    async (id: string) => {
      await indexedDbOutbox.remove([id]);
      await reloadOutbox();
    },
    [reloadOutbox],
  );

  const requeue = useCallback(
    async (id: string) => {
      await indexedDbOutbox.requeue(id);
      await reloadOutbox();
      loop.current?.kick();
    },
    [reloadOutbox],
  );

  return {
    device,
    places,
    roster,
    outbox,
    sync,
    online,
    listsFailed,
    register,
    refreshLists: () => refreshLists(token),
    record,
    recordArrival,
    dismiss,
    requeue,
    syncNow: () => loop.current?.kick(),
  };
}
