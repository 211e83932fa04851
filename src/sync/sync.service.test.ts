import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import type { Principal } from '../auth/roles.ts';
import { DomainError } from '../errors/domain-error.ts';
import { Sealer } from '../seal/sealer.ts';
import type { CaptureHandler, SyncItem } from './capture-handler.ts';
import { captureSignatureMessage } from './capture-signature.ts';
import { SyncService } from './sync.service.ts';

const keys = generateKeyPairSync('ed25519');
const DEVICE = 'device-1';
const principal: Principal = {
  tokenId: 't',
  name: 'monitor',
  role: 'monitor',
  kind: 'device',
  deviceId: DEVICE,
};
let logSize = 0;
const sealer = new Sealer({ append: () => Promise.resolve({ index: logSize++ }) });

const noteHandler: CaptureHandler = {
  async prepare(item) {
    const payload = item.payload as { text?: unknown };
    if (typeof payload.text !== 'string') throw new DomainError('invalid_request', 'text needed');
    const seal = await sealer.seal({ kind: 'test.note', id: item.id, version: 1, record: payload });
    return { seals: [seal], write: () => Promise.resolve() };
  },
};

function signed(payload: unknown, deviceId = DEVICE, id = randomUUID(), type = 'note'): SyncItem {
  const capture = { id, type, capturedAt: '2026-01-01T00:00:00.000Z', payload };
  const signature = sign(null, captureSignatureMessage({ ...capture, deviceId }), keys.privateKey);
  return { ...capture, signature: signature.toString('base64') };
}

/**
 * A register per key: prepare reads it (refusing an item whose `after` is not what it holds),
 * write appends the item's text, writeMany records each group write's size. A `gated` item's
 * prepare says it has been reached, then waits for the gate to open.
 */
function registerHandler(
  registers: Map<string, string>,
  groupWrites: number[],
  gate?: Gate,
): CaptureHandler {
  return {
    touches: (item) => [(item.payload as RegisterPayload).key],
    async prepare(item) {
      const { key, text, after, gated } = item.payload as RegisterPayload;
      if (gated === true && gate !== undefined) {
        gate.reached();
        await gate.opened;
      }
      if (after !== undefined && (registers.get(key) ?? '') !== after) {
        throw new DomainError('invalid_transition', 'the register holds something else');
      }
      const seal = await sealer.seal({ kind: 'test.note', id: item.id, version: 1, record: {} });
      const write = () => {
        registers.set(key, (registers.get(key) ?? '') + text);
        return Promise.resolve();
      };
      return { seals: [seal], write };
    },
    async writeMany(trx, prepared) {
      groupWrites.push(prepared.length);
      for (const entry of prepared) await entry.write(trx);
    },
  };
}

interface Gate {
  reached: () => void;
  opened: Promise<true>;
}

interface RegisterPayload {
  key: string;
  text: string;
  after?: string;
  gated?: boolean;
}

const registerItem = (payload: RegisterPayload) =>
  signed(payload, DEVICE, randomUUID(), 'register');

describeOnBothDatabases('SyncService', (open, dialect) => {
  async function service(concurrentGroups = 1) {
    const { db } = await open();
    const sync = new SyncService({
      db,
      concurrentGroups,
      handlers: { note: noteHandler },
      devices: {
        verifySignatures: (_device, signed) =>
          Promise.resolve(
            signed.map(({ message, signature }) =>
              verify(null, message, keys.publicKey, Buffer.from(signature, 'base64')),
            ),
          ),
      },
    });
    return { db, sync };
  }
  const context = (deviceId = DEVICE) => ({ principal, deviceId });

  it('applies a signed capture once and answers a retry with the same log index', async () => {
    const { db, sync } = await service();
    const item = signed({ text: 'queue of 40 cars' });
    const [first] = await sync.applyBatch([item], context());
    assert.ok(first?.status === 'applied');
    const [again] = await sync.applyBatch([item], context());
    assert.deepEqual(again, { id: item.id, status: 'duplicate', logIndex: first.logIndex });
    const rows = await db.selectFrom('sealed_record').select('id').execute();
    assert.deepEqual(
      rows.map((row) => row.id),
      [item.id],
    );
  });

  it('rejects a forged or altered capture and writes nothing for it', async () => {
    const { db, sync } = await service();
    const good = signed({ text: 'a' });
    const altered = { ...signed({ text: 'b' }), payload: { text: 'c' } };
    const results = await sync.applyBatch([altered, good], context());
    const [forged, applied] = results;
    assert.ok(forged?.status === 'rejected');
    assert.equal(forged.code, 'invalid_signature');
    assert.equal(applied?.status, 'applied');
    const items = await db.selectFrom('sync_item').select('id').execute();
    assert.deepEqual(
      items.map((row) => row.id),
      [good.id],
    );
  });

  it('rejects a capture signed for another device', async () => {
    const { sync } = await service();
    const [result] = await sync.applyBatch([signed({ text: 'x' }, 'device-2')], context());
    assert.equal(result?.status === 'rejected' && result.code, 'invalid_signature');
  });

  it('answers per item: unknown types and invalid payloads are rejected, the rest applied', async () => {
    const { sync } = await service();
    const unknownType = signed({ text: 'x' }, DEVICE, randomUUID(), 'nonsense');
    const results = await sync.applyBatch(
      [unknownType, signed({ text: 7 }), signed({ text: 'ok' })],
      context(),
    );
    assert.deepEqual(
      results.map((r) => (r.status === 'rejected' ? r.code : r.status)),
      ['invalid_request', 'invalid_request', 'applied'],
    );
  });

  it('refuses an id already used by another device', async () => {
    const { sync } = await service();
    const item = signed({ text: 'x' });
    await sync.applyBatch([item], context());
    const [result] = await sync.applyBatch([item], context('device-2'));
    assert.equal(result?.status === 'rejected' && result.code, 'conflict');
  });

  it('applies an item once when the same batch arrives twice at the same time', async () => {
    const { db, sync } = await service();
    const batch = [signed({ text: 'a' }), signed({ text: 'b' }), signed({ text: 'c' })];
    const [one, two] = await Promise.all([
      sync.applyBatch(batch, context()),
      sync.applyBatch(batch, context()),
    ]);
    const statuses = [...one, ...two].map((r) => r.status).sort();
    assert.deepEqual(statuses, [
      'applied',
      'applied',
      'applied',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    const rows = await db.selectFrom('sync_item').select('id').execute();
    assert.equal(rows.length, 3);
  });

  it('answers a repeated id inside one batch once per occurrence', async () => {
    const { sync } = await service();
    const item = signed({ text: 'x' });
    const results = await sync.applyBatch([item, item], context());
    assert.equal(results.length, 2);
    assert.equal(results[0]?.status, 'applied');
  });

  it('applies items sharing a record in batch order, each planned from the effect of the last', async () => {
    const { db } = await open();
    const registers = new Map<string, string>();
    const groupWrites: number[] = [];
    const sync = new SyncService({
      db,
      handlers: { register: registerHandler(registers, groupWrites) },
      devices: { verifySignatures: (_device, items) => Promise.resolve(items.map(() => true)) },
    });
    const batch = [
      registerItem({ key: 'k', text: 'a' }),
      registerItem({ key: 'j', text: 'x' }),
      registerItem({ key: 'k', text: 'b', after: 'a' }),
      registerItem({ key: 'k', text: 'c', after: 'a' }),
      registerItem({ key: 'k', text: 'd', after: 'ab' }),
      registerItem({ key: 'i', text: 'y' }),
    ];
    const results = await sync.applyBatch(batch, context());
    assert.deepEqual(
      results.map((r) => (r.status === 'rejected' ? r.code : r.status)),
      ['applied', 'applied', 'applied', 'invalid_transition', 'applied', 'applied'],
    );
    assert.deepEqual(Object.fromEntries(registers), { k: 'abd', j: 'x', i: 'y' });
    // The independent items and the first of k share one group write; the rest follow alone.
    assert.deepEqual(groupWrites, [3]);
    const again = await sync.applyBatch(batch, context());
    assert.deepEqual(
      again.map((r) => r.status),
      ['duplicate', 'duplicate', 'duplicate', 'rejected', 'duplicate', 'duplicate'],
    );
    assert.deepEqual(Object.fromEntries(registers), { k: 'abd', j: 'x', i: 'y' });
  });

  it('answers duplicate for a later item that another request applied while it waited', async () => {
    const { db } = await open();
    const registers = new Map<string, string>();
    const reached = Promise.withResolvers<true>();
    const opened = Promise.withResolvers<true>();
    const gate = {
      reached: () => {
        reached.resolve(true);
      },
      opened: opened.promise,
    };
    const sync = new SyncService({
      db,
      handlers: { register: registerHandler(registers, [], gate) },
      devices: { verifySignatures: (_device, items) => Promise.resolve(items.map(() => true)) },
    });
    // `late` may only apply to an empty register: it was captured first, on its own.
    const late = registerItem({ key: 'k', text: 'b', after: '' });
    const waiting = sync.applyBatch(
      [registerItem({ key: 'k', text: 'x', gated: true }), late],
      context(),
    );
    // The batch above has looked its ids up and waits in its first round; `late` lands alone.
    await reached.promise;
    const [alone] = await sync.applyBatch([late], context());
    assert.equal(alone?.status, 'applied');
    opened.resolve(true);
    const results = await waiting;
    assert.deepEqual(
      results.map((r) => r.status),
      ['applied', 'duplicate'],
    );
    assert.deepEqual(Object.fromEntries(registers), { k: 'bx' });
  });

  it('runs up to concurrentGroups group commits at once, each batch applied exactly once', async () => {
    const { db } = await open();
    let inFlight = 0;
    let most = 0;
    // A write that takes a while, so that batches arriving meanwhile form the next groups.
    const slowNotes: CaptureHandler = {
      async prepare(item, capture) {
        const prepared = await noteHandler.prepare(item, capture);
        return {
          ...prepared,
          write: async () => {
            most = Math.max(most, ++inFlight);
            await new Promise((resolve) => setTimeout(resolve, 30));
            inFlight--;
          },
        };
      },
    };
    const sync = new SyncService({
      db,
      concurrentGroups: 2,
      handlers: { note: slowNotes },
      devices: {
        verifySignatures: (_device, items) => Promise.resolve(items.map(() => true)),
      },
    });
    const batches = Array.from({ length: 6 }, (_, batch) =>
      Array.from({ length: 5 }, (_, index) => signed({ text: `batch ${batch} item ${index}` })),
    );
    const answers = await Promise.all(
      batches.map(async (items, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 10));
        return sync.applyBatch(items, context());
      }),
    );
    // The first batch comes again (a retry after a lost answer): duplicates, stored once.
    answers.push(await sync.applyBatch(batches[0] ?? [], context()));
    const statuses = answers.flat().map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 'applied').length, 30);
    assert.equal(statuses.filter((status) => status === 'duplicate').length, 5);
    const stored = await db.selectFrom('sync_item').select('id').execute();
    assert.equal(new Set(stored.map((row) => row.id)).size, 30);
    assert.equal(stored.length, 30);
    // PostgreSQL runs two transactions at once; SQLite's one connection runs them in turn.
    assert.equal(most, dialect === 'postgres' ? 2 : 1);
  });
});
