// Response shapes of the journey routes (what staff see: pseudonyms and ids, no identity).
import { z } from 'zod';
import { JOURNEY_STATES } from '../../model/states.ts';

const nullableText = z.string().nullable();

/** A journey as the API presents it. */
export const JourneySchema = z.object({
  id: z.string(),
  personRef: nullableText,
  householdId: nullableText,
  vehicleId: nullableText,
  operationId: nullableText,
  state: z.enum(JOURNEY_STATES),
  version: z.number(),
  sex: nullableText,
  ageBand: nullableText,
  departedAt: nullableText,
  firstCheckpointId: nullableText,
  lastPlaceId: nullableText,
  lastSeenAt: nullableText,
  expectedBy: nullableText,
  arrivedAt: nullableText,
  registeredAt: nullableText,
});

/** One transition of a journey's history. */
export const JourneyEventSchema = z.object({
  version: z.number(),
  from: z.enum(JOURNEY_STATES),
  to: z.enum(JOURNEY_STATES),
  at: z.string(),
  actor: z.string(),
  placeId: nullableText,
  sourceItemId: nullableText,
});

/** A journey with its history. */
export const JourneyViewSchema = z.object({
  journey: JourneySchema,
  history: z.array(JourneyEventSchema),
});
