// The outbox keeps a capture until the server has answered for it, and a batch sent twice (a
// lost answer, a resend) is applied once: a fake server that dedupes by id as the real one does
// (src/sync/sync.service.ts) counts what it applied.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SyncItem } from '../capture/signed-capture.ts';
import { drainOutbox } from './outbox.ts';
import type { BatchResult, OutboxEntry, OutboxStore, SendBatch, SyncAnswer } from './outbox.ts';

function memoryStore(): OutboxStore & { entries: Map<string, OutboxEntry> } {
  const entries = new Map<string, OutboxEntry>();
  return {
    entries,
    list: () =>
      Promise.resolve([...entries.values()].sort((a, b) => a.item.id.localeCompare(b.item.id))),
    add: (item) => {
      entries.set(item.id, { item });
      return Promise.resolve();
    },
    remove: (ids) => {
      for (const id of ids) entries.delete(id);
      return Promise.resolve();
    },
    reject: (id, rejection) => {
      const entry = entries.get(id);
      if (entry !== undefined) entries.set(id, { item: entry.item, rejection });
      return Promise.resolve();
    },
    requeue: (id) => {
      const entry = entries.get(id);
      if (entry !== undefined) entries.set(id, { item: entry.item });
      return Promise.resolve();
    },
  };
}

function capture(n: number, payload: Record<string, unknown> = {}): SyncItem {
  const id = `0192b3c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    type: 'checkpoint_passage',
    capturedAt: '2023-09-26T08:00:00.000Z',
    payload,
    signature: 'sig',
  };
}

/** A server that applies each id once, refuses payloads marked bad, and may lose its answer. */
function fakeServer() {
  const applied = new Map<string, number>();
  const server = {
    applied,
    requests: 0,
    loseNextAnswer: false,
    send: ((items: readonly SyncItem[]): Promise<BatchResult> => {
      server.requests += 1;
      const results: SyncAnswer[] = items.map((item) => {
        if (item.payload['bad'] === true) {
          return { id: item.id, status: 'rejected', code: 'invalid_request', message: 'bad' };
        }
        const known = applied.get(item.id);
        if (known !== undefined) return { id: item.id, status: 'duplicate', logIndex: known };
        applied.set(item.id, applied.size);
        return { id: item.id, status: 'applied', logIndex: applied.size - 1 };
      });
      if (server.loseNextAnswer) {
        server.loseNextAnswer = false;
        return Promise.resolve({ kind: 'retry' });
      }
      return Promise.resolve({ kind: 'answered', results });
    }) satisfies SendBatch,
  };
  return server;
}

describe('draining the outbox', () => {
  it('removes what the server applied and keeps what it refused, marked', async () => {
    const store = memoryStore();
    await store.add(capture(1));
    await store.add(capture(2, { bad: true }));
    const server = fakeServer();
    assert.deepEqual(await drainOutbox(store, server.send), { kind: 'done', sent: 1 });
    assert.deepEqual([...store.entries.keys()], [capture(2).id]);
    assert.equal(store.entries.get(capture(2).id)?.rejection?.code, 'invalid_request');
    // A refused capture is not sent again.
    assert.deepEqual(await drainOutbox(store, server.send), { kind: 'done', sent: 0 });
    assert.equal(server.requests, 1);
  });

  it('applies a batch once when its answer was lost and it is sent again', async () => {
    const store = memoryStore();
    for (const n of [1, 2]) await store.add(capture(n));
    const server = fakeServer();
    server.loseNextAnswer = true;
    assert.deepEqual(await drainOutbox(store, server.send), { kind: 'retry', sent: 0 });
    assert.equal(store.entries.size, 2, 'nothing leaves without an answer');
    assert.equal(server.applied.size, 2, 'yet the server applied both');
    assert.deepEqual(await drainOutbox(store, server.send), { kind: 'done', sent: 2 });
    assert.equal(store.entries.size, 0);
    assert.equal(server.applied.size, 2, 'the resend applied nothing more');
  });

  it('sends in batches of at most the limit', async () => {
    const store = memoryStore();
    for (let n = 1; n <= 5; n++) await store.add(capture(n));
    const sizes: number[] = [];
    const server = fakeServer();
    const result = await drainOutbox(
      store,
      (items) => {
        sizes.push(items.length);
        return server.send(items);
      },
      2,
    );
    assert.deepEqual(result, { kind: 'done', sent: 5 });
    assert.deepEqual(sizes, [2, 2, 1]);
  });

  it('sends a passage and the arrivals of its people together, in capture order', async () => {
    const store = memoryStore();
    const people = (...ids: string[]) => ({ people: ids.map((journeyId) => ({ journeyId })) });
    const arrival = (journeyId: string) => ({ journeyId, placeId: 'reception' });
    await store.add(capture(1, people('a', 'b')));
    await store.add(capture(2, arrival('a')));
    await store.add(capture(3, people('b')));
    await store.add(capture(4, arrival('b')));
    const batches: number[][] = [];
    const server = fakeServer();
    const result = await drainOutbox(store, (items) => {
      batches.push(items.map((item) => Number(item.id.slice(-4))));
      return server.send(items);
    });
    assert.deepEqual(result, { kind: 'done', sent: 4 });
    assert.deepEqual(batches, [[1, 2, 3, 4]]);
  });

  it('sends a refused capture again once the monitor asks', async () => {
    const store = memoryStore();
    await store.add(capture(1));
    await store.reject(capture(1).id, { code: 'conflict', message: 'x' });
    const server = fakeServer();
    assert.deepEqual(await drainOutbox(store, server.send), { kind: 'done', sent: 0 });
    await store.requeue(capture(1).id);
    assert.deepEqual(await drainOutbox(store, server.send), { kind: 'done', sent: 1 });
    assert.equal(store.entries.size, 0);
  });

  it('sends a batch refused whole one item at a time, to mark only the bad one', async () => {
    const store = memoryStore();
    for (const n of [1, 2, 3]) await store.add(capture(n, n === 2 ? { bad: true } : {}));
    const server = fakeServer();
    const send: SendBatch = (items) =>
      items.length > 1 && items.some((item) => item.payload['bad'] === true)
        ? Promise.resolve({ kind: 'invalid', rejection: { code: 'invalid_request', message: 'x' } })
        : items[0]?.payload['bad'] === true
          ? Promise.resolve({
              kind: 'invalid',
              rejection: { code: 'invalid_request', message: 'y' },
            })
          : server.send(items);
    assert.deepEqual(await drainOutbox(store, send), { kind: 'done', sent: 2 });
    assert.deepEqual([...store.entries.keys()], [capture(2).id]);
    assert.deepEqual(store.entries.get(capture(2).id)?.rejection, {
      code: 'invalid_request',
      message: 'y',
    });
  });

  it('stops, keeping everything, when the device is refused or nothing answers', async () => {
    const store = memoryStore();
    await store.add(capture(1));
    assert.deepEqual(
      await drainOutbox(store, () => Promise.resolve({ kind: 'refused', code: 'unauthenticated' })),
      { kind: 'refused', code: 'unauthenticated', sent: 0 },
    );
    assert.deepEqual(await drainOutbox(store, () => Promise.resolve({ kind: 'retry' })), {
      kind: 'retry',
      sent: 0,
    });
    assert.deepEqual(
      await drainOutbox(store, () => Promise.resolve({ kind: 'answered', results: [] })),
      { kind: 'retry', sent: 0 },
      'an answer that settles nothing is not looped on',
    );
    assert.equal(store.entries.size, 1);
  });
});
