// The 'aggregate_count' capture: people and vehicles counted at a checkpoint over an interval
// when individuals could not be logged (a peak of 230–250 vehicles an hour, DOMAIN.md §7), with
// how the figure was obtained and its Admiralty grade (DOMAIN.md §2).
import { z } from 'zod';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { AggregateCount } from '../../database/aggregate-count.repository.ts';
import { COUNT_METHODS, DIRECTIONS } from '../../database/passage-vocabulary.ts';
import { AGE_BANDS, SEXES } from '../../model/age-band.ts';
import type {
  CaptureContext,
  CaptureHandler,
  PreparedCapture,
  SyncItem,
} from '../../../sync/capture-handler.ts';
import { addIssue, instantSchema, parsePayload } from '../capture-payload.ts';
import { actorOf } from '../field-context.ts';
import type { FieldContext } from '../field-context.ts';
import { CHECKPOINT_KINDS } from '../journeys/journey-event.plan.ts';
import type { PlaceDirectory } from '../places/place-directory.ts';

/** The capture type this handler applies. */
export const AGGREGATE_COUNT = 'aggregate_count';

/** Longest interval one count may cover: a day (counts are per hour as a rule). */
const MAX_INTERVAL_MS = 86_400_000;
/** Far above the 30,000 people a day of the busiest comparator (DOMAIN.md §7). */
const MAX_COUNT = 1_000_000;

const count = z.int().min(0).max(MAX_COUNT);

/** The 'aggregate_count' payload (strict). */
export const AggregateCountPayload = z
  .strictObject({
    checkpointId: z.uuid(),
    intervalStart: instantSchema,
    intervalEnd: instantSchema,
    direction: z.enum(DIRECTIONS),
    people: count,
    vehicles: count,
    /** People by sex, then age band, where it is safe to record (DOMAIN.md §4). */
    bySexAge: z.partialRecord(z.enum(SEXES), z.partialRecord(z.enum(AGE_BANDS), count)).optional(),
    method: z.enum(COUNT_METHODS),
    /** Source reliability A–F and information credibility 1–6, e.g. 'B2'. */
    sourceGrade: z.string().regex(/^[A-F][1-6]$/),
  })
  .superRefine((payload, context) => {
    const span = Date.parse(payload.intervalEnd) - Date.parse(payload.intervalStart);
    if (!(span > 0 && span <= MAX_INTERVAL_MS)) {
      addIssue(context, ['intervalEnd'], 'the interval must end after it starts, within a day');
    }
    if (sumOf(payload.bySexAge) > payload.people) {
      addIssue(context, ['bySexAge'], 'more people by sex and age than in total');
    }
  });

type BySexAge = z.output<typeof AggregateCountPayload>['bySexAge'];

function sumOf(bySexAge: BySexAge): number {
  let total = 0;
  for (const bands of Object.values(bySexAge ?? {})) {
    for (const people of Object.values(bands)) total += people;
  }
  return total;
}

/** The breakdown as plain records (no absent keys), or null. */
function breakdownOf(bySexAge: BySexAge): AggregateCount['bySexAge'] {
  if (bySexAge === undefined) return null;
  const breakdown: Record<string, Record<string, number>> = {};
  for (const [sex, bands] of Object.entries(bySexAge)) {
    breakdown[sex] = { ...bands };
  }
  return breakdown;
}

/** Applies 'aggregate_count' captures. */
export class AggregateCountHandler implements CaptureHandler {
  readonly #context: FieldContext;
  readonly #places: PlaceDirectory;

  constructor(context: FieldContext, places: PlaceDirectory) {
    this.#context = context;
    this.#places = places;
  }

  async prepare(item: SyncItem, capture: CaptureContext): Promise<PreparedCapture> {
    const payload = parsePayload(AggregateCountPayload, item.payload, item.type);
    await this.#places.requirePlace(payload.checkpointId, 'checkpointId', CHECKPOINT_KINDS);
    const row: AggregateCount = {
      id: item.id,
      checkpointId: payload.checkpointId,
      intervalStart: payload.intervalStart,
      intervalEnd: payload.intervalEnd,
      direction: payload.direction,
      people: payload.people,
      vehicles: payload.vehicles,
      bySexAge: breakdownOf(payload.bySexAge),
      method: payload.method,
      sourceGrade: payload.sourceGrade,
      recordedBy: actorOf(capture.principal),
      recordedAt: new Date(item.capturedAt).toISOString(),
    };
    const seal = await this.#context.sealer.seal({
      kind: 'passage.count',
      id: item.id,
      version: 1,
      record: { ...row, deviceId: capture.deviceId },
    });
    return {
      seals: [seal],
      write: async (db) => {
        await passageStoreOn(db).counts.insert(row);
      },
    };
  }
}
