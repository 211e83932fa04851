// How the demo loader writes: seal a slice of records first (the sequencer group-commits them,
// up to 4,096 per commit), then store the rows and their seals in the same transaction — the
// pattern of every service (see src/seal/sealer.ts), done in bulk, with many slices sharing one
// transaction (SEALS_PER_TRANSACTION). What every part of the loader shares is defined here.
import type { Kysely } from 'kysely';
import type { PassageContext } from '../../passage/passage-context.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type { SealRequest } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { LoadProgress } from './load-progress.ts';
import type { DeviceSigner } from './passage-capture.ts';
import type { ScenarioClock } from './scenario-clock.ts';

/** Who the loader records as having made each change (ids, never names). */
export interface DemoActors {
  /** The coordinator's staff id: registrations, operations, cases, tracing. */
  staff: string;
  /** The monitor's registered device id: what was seen in the field. */
  device: string;
}

/** What every part of the loader uses. */
export interface LoadContext {
  passage: PassageContext;
  clock: ScenarioClock;
  progress: LoadProgress;
  actors: DemoActors;
  /** Signs checkpoint passages as the demo monitor's device. */
  signer: DeviceSigner;
}

/** Records sealed at one clock time: about one group commit of the sequencer (≤ 4,096). */
export const SEALS_PER_COMMIT = 4_000;

/**
 * Records written per transaction: many log commits' worth. The indexes are keyed by random
 * UUIDs and HMACs, so a transaction dirties pages all over them and every commit writes those
 * pages again (to the WAL, then to the database); measured at full scale, the journey history
 * costs about 19 µs a row in transactions of 16,000 rows and 8 µs in one transaction. Bounded
 * so that the dirty pages stay within the page cache (bulk-load.sqlite.ts).
 */
export const SEALS_PER_TRANSACTION = 64_000;

/**
 * Seals `requests` and stores the seals with the rows `write` makes, in the transaction `trx`:
 * a service's pattern (seal, then rows and seals together), for one slice of a bulk load.
 *
 * @example await sealInto(context.passage, trx, { requests, write: (t) => insertRows(t) });
 */
export async function sealInto(
  passage: Pick<PassageContext, 'sealer'>,
  trx: Kysely<Database>,
  slice: { requests: readonly SealRequest[]; write: (trx: Kysely<Database>) => Promise<void> },
): Promise<void> {
  const seals = await passage.sealer.sealMany(slice.requests);
  await slice.write(trx);
  await insertSeals(trx, seals);
}

/**
 * Seals `requests`, then runs `write` and stores the seals in one transaction.
 *
 * @example await sealAndWrite(context.passage, requests, (trx) => places.insertMany(rows));
 */
export async function sealAndWrite(
  passage: Pick<PassageContext, 'db' | 'sealer'>,
  requests: readonly SealRequest[],
  write: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  await passage.db.transaction().execute((trx) => sealInto(passage, trx, { requests, write }));
}
