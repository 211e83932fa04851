// What the manifest routes accept and answer: one vehicle of a convoy and the listed journeys it
// carries (DOMAIN.md §4). A plate comes in once and is kept only as a keyed HMAC; it is never
// answered, and nothing here names a person.
import { z } from 'zod';
import { VEHICLE_KINDS } from '../../database/passage-vocabulary.ts';
import { JOURNEY_STATES } from '../../model/states.ts';
import { idSchema, lineOfText } from '../registry-input.ts';

/** Most journeys one manifest may list (a bus, with room for a registration error). */
export const MAX_MANIFEST_JOURNEYS = 200;

/** A new manifest: the vehicle and the journeys it carries. */
export const newManifestSchema = z.strictObject({
  vehicle: z.strictObject({
    id: idSchema,
    kind: z.enum(VEHICLE_KINDS),
    plate: lineOfText(20).exactOptional(),
    seats: z.int().min(1).max(500).exactOptional(),
  }),
  journeyIds: z.array(idSchema).min(1).max(MAX_MANIFEST_JOURNEYS),
});

/** Input of a new manifest (before parsing). */
export type NewManifestInput = z.input<typeof newManifestSchema>;

/** What a new manifest answers. */
export const manifestCreatedResponse = z.object({
  vehicleId: z.string(),
  operationId: z.string(),
  journeys: z.number(),
});

/** One vehicle of an operation with its journeys' states. */
export const manifestResponse = z.object({
  vehicleId: z.string(),
  kind: z.enum(VEHICLE_KINDS),
  seats: z.number().nullable(),
  journeys: z.array(z.object({ journeyId: z.string(), state: z.enum(JOURNEY_STATES) })),
});
