// What the gazetteer accepts and answers. Places are data, never code: a new checkpoint or a
// change of control is a request, published as a public log entry (DESIGN.md §3).
import { z } from 'zod';
import { PLACE_KINDS } from '../../database/passage-vocabulary.ts';
import { idSchema, instantSchema, lineOfText } from '../registry-input.ts';

const placeName = lineOfText(200);

/** A place's names: English always, Armenian, Azerbaijani and Russian when known. */
export const placeNamesSchema = z.strictObject({
  en: placeName,
  hy: placeName.exactOptional(),
  az: placeName.exactOptional(),
  ru: placeName.exactOptional(),
});

/** A change of control: who controls the place from when. */
export const controlChangeSchema = z.strictObject({
  /** A party is data (any name the mission uses), never a person. */
  controlledBy: lineOfText(100),
  since: instantSchema,
});

/** A new place; `id` may be given (an import with stable ids), else one is drawn. */
export const newPlaceSchema = z.strictObject({
  id: idSchema.exactOptional(),
  kind: z.enum(PLACE_KINDS),
  names: placeNamesSchema,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  adminCode: lineOfText(32).nullable().exactOptional(),
  control: controlChangeSchema.exactOptional(),
});

/** A week, in minutes: no leg of a passage corridor is expected to take longer. */
const MAX_LEG_MINUTES = 7 * 24 * 60;
const minutes = z.int().min(1).max(MAX_LEG_MINUTES);

/** Expected transit time from one place to another. */
export const routeLegSchema = z
  .strictObject({
    fromPlaceId: idSchema,
    toPlaceId: idSchema,
    p50Minutes: minutes,
    p95Minutes: minutes,
  })
  .refine((leg) => leg.fromPlaceId !== leg.toPlaceId, {
    error: 'a leg joins two different places',
    path: ['toPlaceId'],
  })
  .refine((leg) => leg.p50Minutes <= leg.p95Minutes, {
    error: 'the 95th percentile is not below the median',
    path: ['p95Minutes'],
  });

/** Route legs to insert or replace, keyed by from and to (each pair at most once). */
export const routeLegsSchema = z.strictObject({
  legs: z
    .array(routeLegSchema)
    .min(1)
    .max(500)
    .refine(
      (legs) =>
        new Set(legs.map((leg) => `${leg.fromPlaceId} ${leg.toPlaceId}`)).size === legs.length,
      { error: 'each leg at most once' },
    ),
});

/** Input of a new place (before parsing). */
export type NewPlaceInput = z.input<typeof newPlaceSchema>;
/** Input of a change of control (before parsing). */
export type ControlChangeInput = z.input<typeof controlChangeSchema>;
/** Input of route legs (before parsing). */
export type RouteLegsInput = z.input<typeof routeLegsSchema>;

/** A place as answered. */
export const placeResponse = z.object({
  id: z.string(),
  kind: z.enum(PLACE_KINDS),
  names: z.object({
    en: z.string(),
    hy: z.string().optional(),
    az: z.string().optional(),
    ru: z.string().optional(),
  }),
  lat: z.number(),
  lon: z.number(),
  adminCode: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

/** One period of control as answered. */
export const controlResponse = z.object({
  placeId: z.string(),
  controlledBy: z.string(),
  since: z.string(),
  until: z.string().nullable(),
});

/** A route leg as answered. */
export const routeLegResponse = z.object({
  fromPlaceId: z.string(),
  toPlaceId: z.string(),
  p50Minutes: z.number(),
  p95Minutes: z.number(),
});

/** A place with its control history, oldest first. */
export const placeWithControlResponse = placeResponse.extend({
  control: z.array(controlResponse),
});
