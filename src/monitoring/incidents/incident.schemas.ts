// The shapes of an incident's content, checked with zod at the HTTP edge and again when JSON
// columns are read back (a row may have been written by an older version or damaged). What
// relates one field to another (low ≤ best ≤ high, …) is checked by the model afterwards.
import { z } from 'zod';
import { ACTOR_ROLES } from '../model/incident-content.ts';
import { SUB_EVENT_TYPE_CODES } from '../model/event-taxonomy.ts';
import {
  ACTOR_TYPES,
  GEO_PRECISIONS,
  TIME_PRECISIONS,
  VICTIM_AGE_BANDS,
  VICTIM_SEXES,
} from '../model/vocabulary.ts';

/** The most people one figure may count (larger is a typo, not an event). */
const MAX_COUNT = 10_000_000;

const count = z.int().min(0).max(MAX_COUNT);

/** Short text with no control or format characters (actor names, reasons). */
export const shortText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}]*$/u);

/** A figure as low / best / high. */
export const TollRangeSchema = z.strictObject({ low: count, best: count, high: count });

/** The four figures. */
export const TollsSchema = z.strictObject({
  killed: TollRangeSchema,
  injured: TollRangeSchema,
  detained: TollRangeSchema,
  missing: TollRangeSchema,
});

/** Victims of one sex and age band. */
export const VictimSchema = z.strictObject({
  sex: z.enum(VICTIM_SEXES),
  ageBand: z.enum(VICTIM_AGE_BANDS),
  count,
  personRefs: z.array(z.uuid()).max(1000).optional(),
});

/** An actor as data. */
export const ActorSchema = z.strictObject({
  name: shortText(200),
  actorType: z.literal(ACTOR_TYPES),
  role: z.enum(ACTOR_ROLES),
});

const isoTime = z.iso.datetime({ offset: true });

/** The fields of a version that are not free text. */
const FactsShape = {
  subEventType: z.enum(SUB_EVENT_TYPE_CODES),
  occurredStart: isoTime,
  occurredEnd: isoTime.nullable(),
  timePrecision: z.literal(TIME_PRECISIONS),
  placeId: z.uuid().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  geoPrecision: z.literal(GEO_PRECISIONS),
  actors: z.array(ActorSchema).max(20),
  victims: z.array(VictimSchema).max(VICTIM_SEXES.length * VICTIM_AGE_BANDS.length),
  tolls: TollsSchema,
  civilianTargeting: z.boolean(),
};

/** The reviewed public summary: text meant for the public, no control characters. */
const PublicSummary = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u)
  .nullable();

/** Content as staff write it: the narrative in clear (it is sealed before it is stored). */
export const ContentInputSchema = z.strictObject({
  ...FactsShape,
  narrative: z.string().min(1).max(20_000),
  publicSummary: PublicSummary,
});

/** Content as stored in incident_version.content. */
export const StoredContentSchema = z.strictObject({
  ...FactsShape,
  narrativeSealed: z.string(),
  publicSummary: z.string().nullable(),
});

/** Content as the API shows it (the narrative only through its audited read). */
export const ContentViewSchema = z.object({
  ...FactsShape,
  occurredStart: z.string(),
  occurredEnd: z.string().nullable(),
  publicSummary: z.string().nullable(),
});
