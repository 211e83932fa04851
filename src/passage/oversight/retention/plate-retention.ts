// Plates go once their vehicle is reconciled (DOMAIN.md §6: "raw headcount sheets and plates are
// destroyed after reconciliation"), on the passage_raw schedule. A plate is kept only as a keyed
// HMAC, but with the key anyone who knows a plate can find every crossing of that car; after
// retention nothing may link them. So the vehicle's HMAC is erased, and so is its copy inside the
// sealed record of the crossing that first saw the car: that record then reads
// `plateHmac: null` and loses its salt, because it no longer matches its commitment and must not
// be offered as proof of it. The log entry itself stays, as for a crypto-shredded identity, and
// the destruction is sealed in turn. A vehicle counts as reconciled when every journey on it is
// accounted for; anyone still en route, held back or of unknown whereabouts keeps the plate.
import type { Kysely } from 'kysely';
import { RETENTION_SCHEDULE } from '../../../people/retention.ts';
import { newRecordId } from '../../../random/record-id.ts';
import { canonicalRecord } from '../../../seal/seal.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Database } from '../../../store/schema.ts';
import { EN_ROUTE_STATES } from '../../database/journey.repository.ts';
import type { JourneyState } from '../../model/states.ts';
import type { PassageContext } from '../../passage-context.ts';

/** The log kind of a plate destruction. */
export const PLATES_DESTROYED = 'passage.plates_destroyed';

/** Journeys not yet accounted for: their vehicle's plate may still be needed to find them. */
const OPEN_STATES: readonly JourneyState[] = [
  ...EN_ROUTE_STATES,
  'held_secondary',
  'detained',
  'unknown',
];

const DAY_MS = 86_400_000;
const SLICE = 500;

/** Latest sighting of each vehicle, and whether any of its journeys is still open. */
async function vehicleActivity(
  db: Kysely<Database>,
): Promise<{ lastSeen: Map<string, string>; open: Set<string> }> {
  // A vehicle is seen at its passages and through its journeys' last sightings.
  const sightings = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('journey')
        .select(['vehicle_id', 'last_seen_at as at'])
        .unionAll(eb.selectFrom('checkpoint_passage').select(['vehicle_id', 'recorded_at as at']))
        .as('sighting'),
    )
    .select(['vehicle_id', (eb) => eb.fn.max('at').as('at')])
    .where('vehicle_id', 'is not', null)
    .groupBy('vehicle_id')
    .execute();
  const lastSeen = new Map<string, string>();
  for (const row of sightings) {
    if (row.vehicle_id !== null && row.at !== null) lastSeen.set(row.vehicle_id, row.at);
  }
  const open = await db
    .selectFrom('journey')
    .select('vehicle_id')
    .distinct()
    .where('vehicle_id', 'is not', null)
    .where('state', 'in', OPEN_STATES)
    .execute();
  return {
    lastSeen,
    open: new Set(open.flatMap((row) => (row.vehicle_id === null ? [] : [row.vehicle_id]))),
  };
}

/** The plate-bearing vehicles reconciled and last seen before `cutoff` (ISO-8601). */
async function expiredVehicles(db: Kysely<Database>, cutoff: string): Promise<string[]> {
  const withPlates = await db
    .selectFrom('vehicle')
    .select('id')
    .where('plate_hmac', 'is not', null)
    .orderBy('id')
    .execute();
  if (withPlates.length === 0) return [];
  const { lastSeen, open } = await vehicleActivity(db);
  return withPlates
    .map((row) => row.id)
    .filter((id) => {
      const seen = lastSeen.get(id);
      // Never seen: nothing to reconcile yet, and nothing to count the period from.
      return seen !== undefined && seen < cutoff && !open.has(id);
    });
}

/** The sealed crossing records of `vehicleIds` that still hold a plate HMAC, redacted. */
async function redactedCrossings(
  db: Kysely<Database>,
  vehicleIds: readonly string[],
): Promise<{ id: string; version: number; record: string }[]> {
  const rows = await db
    .selectFrom('sealed_record')
    .select(['id', 'version', 'record'])
    .where('kind', '=', 'passage.crossing')
    .where('id', 'in', (eb) =>
      eb.selectFrom('checkpoint_passage').select('id').where('vehicle_id', 'in', vehicleIds),
    )
    .execute();
  return rows.flatMap((row) => {
    const record = JSON.parse(row.record) as { vehicle?: { plateHmac?: unknown } | null };
    if (record.vehicle?.plateHmac == null) return [];
    record.vehicle.plateHmac = null;
    return [{ id: row.id, version: row.version, record: canonicalRecord(record) }];
  });
}

/**
 * Destroys the plates of vehicles reconciled more than the passage_raw period before `now`;
 * resolves with how many plates it destroyed. Idempotent: a destroyed plate is not counted again.
 *
 * @example const destroyed = await destroyExpiredPlates(ctx, ctx.now())
 */
export async function destroyExpiredPlates(
  ctx: Pick<PassageContext, 'db' | 'sealer'>,
  now: Date,
): Promise<number> {
  const retentionDays = RETENTION_SCHEDULE.passage_raw.days;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const expired = await expiredVehicles(ctx.db, cutoff);
  for (let start = 0; start < expired.length; start += SLICE) {
    const vehicleIds = expired.slice(start, start + SLICE);
    // The destruction is logged before it happens, as every write is (seal, then commit).
    const seal = await ctx.sealer.seal({
      kind: PLATES_DESTROYED,
      id: newRecordId(now.getTime()),
      version: 1,
      record: { vehicleIds, retentionDays, reconciledBefore: cutoff, at: now.toISOString() },
    });
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('vehicle')
        .set({ plate_hmac: null })
        .where('id', 'in', vehicleIds)
        .execute();
      for (const crossing of await redactedCrossings(trx, vehicleIds)) {
        await trx
          .updateTable('sealed_record')
          .set({ record: crossing.record, salt: null })
          .where('id', '=', crossing.id)
          .where('version', '=', crossing.version)
          .execute();
      }
      await insertSeals(trx, [seal]);
    });
  }
  return expired.length;
}
