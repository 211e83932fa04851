// A batch of scenario events on its way to the database: the sealed entries, the rows to insert
// in bulk, the few writes that go row by row (operation, case and tracing transitions, welfare
// contacts, counts: tens to hundreds in the whole scenario) and the alerts to raise once the
// batch is stored. One batch = one group commit of the log; many batches share a transaction.
import type { Kysely } from 'kysely';
import type { PassageStore } from '../../passage/database/passage-store.repository.ts';
import { passageStoreOn } from '../../passage/database/passage-store.kysely.ts';
import type { ArrivalRegistration } from '../../passage/database/arrival.repository.ts';
import type { CheckpointPassage } from '../../passage/database/checkpoint-passage.repository.ts';
import type { Vehicle } from '../../passage/database/vehicle.repository.ts';
import type { AlertCandidate } from '../../passage/model/alert.ts';
import type { JourneyEventTable } from '../../passage/passage.tables.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type { Seal, SealRequest } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { PassageSignatures } from './passage-signatures.ts';
import { insertArrivalRegistrations, insertJourneyHistory } from './bulk-rows.kysely.ts';
import type { LoadContext } from './sealed-write.ts';

/** A passage waiting for its signature: the row and the record both carry it. */
export interface UnsignedPassage {
  passage: CheckpointPassage;
  record: { signature: string };
}

/** What a batch of events writes. */
export class EventBatch {
  readonly entries: SealRequest[] = [];
  readonly vehicles: Vehicle[] = [];
  readonly passages: CheckpointPassage[] = [];
  readonly history: JourneyEventTable[] = [];
  readonly arrivals: ArrivalRegistration[] = [];
  /** Row-by-row writes, run in order after the bulk inserts. */
  readonly writes: ((store: PassageStore) => Promise<unknown>)[] = [];
  /** Alerts to raise once the batch has committed, each with the time of its event. */
  readonly alerts: PendingAlert[] = [];
  /** Passages (row and sealed record) whose device signature is filled in at flush time. */
  readonly unsigned: UnsignedPassage[] = [];
  /** Events in the batch, and the time of the last one. */
  events = 0;
  lastAt = '';

  /** True when nothing is waiting to be written. */
  get isEmpty(): boolean {
    return this.events === 0;
  }
}

/** An alert to raise once its transaction has committed, with when its event happened. */
export interface PendingAlert {
  candidate: AlertCandidate;
  at: string;
}

/** A batch whose entries are being sealed. */
export interface SealingBatch {
  batch: EventBatch;
  seals: Promise<Seal[]>;
}

/**
 * Fills in the passages' signatures and starts sealing the batch's entries at the time of its
 * last event, without waiting: on PostgreSQL the log commits while the previous batch's rows
 * are written.
 *
 * @example const sealing = await startSealing(context, { batch, signatures });
 */
export async function startSealing(
  context: LoadContext,
  input: { batch: EventBatch; signatures: PassageSignatures },
): Promise<SealingBatch> {
  const { batch, signatures } = input;
  for (const { passage, record } of batch.unsigned) {
    const signature = await signatures.signatureOf(passage.id);
    passage.signature = signature;
    record.signature = signature;
  }
  context.clock.set(batch.lastAt);
  const seals = context.passage.sealer.sealMany(batch.entries);
  // Awaited in writeBatch; a failure before then (the transaction failed first) is not lost
  // there, and must not surface as an unhandled rejection meanwhile.
  seals.catch(() => undefined);
  return { batch, seals };
}

/**
 * Stores a sealed batch (at most one log commit's worth of entries) in the open transaction
 * `trx`: its rows, then its seals. Returns the alerts to raise after the commit.
 *
 * @example const alerts = await writeBatch(context, trx, await startSealing(context, input));
 */
export async function writeBatch(
  context: LoadContext,
  trx: Kysely<Database>,
  sealing: SealingBatch,
): Promise<PendingAlert[]> {
  const { batch } = sealing;
  const seals = await sealing.seals;
  const store = passageStoreOn(trx);
  if (batch.vehicles.length > 0) await store.vehicles.insertMany(batch.vehicles);
  if (batch.passages.length > 0) await store.passages.insertMany(batch.passages);
  await insertJourneyHistory(trx, batch.history);
  await insertArrivalRegistrations(trx, batch.arrivals);
  for (const write of batch.writes) await write(store);
  await insertSeals(trx, seals);
  context.progress.advance(batch.events);
  return batch.alerts;
}
