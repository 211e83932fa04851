// The payload of a 'checkpoint_passage' capture: one vehicle (or a person on foot) crossing a
// checkpoint, timed as DOMAIN.md §4 asks (queue in, screening start and end, screening types,
// outcome), with the people aboard the monitor could tell apart.
import { z } from 'zod';
import {
  DIRECTIONS,
  PASSAGE_OUTCOMES,
  SCREENING_TYPES,
  VEHICLE_KINDS,
} from '../../database/passage-vocabulary.ts';
import { AGE_BANDS, SEXES } from '../../model/age-band.ts';
import { addIssue, instantSchema } from '../capture-payload.ts';

/** Most people one passage may carry: a bus of 40–50 seats, overloaded (DOMAIN.md §7). */
export const MAX_OCCUPANTS = 200;

/** What a person pulled out of a passage may end as at the checkpoint. */
export const PERSON_OUTCOMES = ['passed', 'held_secondary', 'turned_back'] as const;

const PersonSchema = z.strictObject({
  /** The person's journey (a manifest entry); absent for self-organised traffic. */
  journeyId: z.uuid().optional(),
  /** Recorded for a person without a journey only; ignored otherwise (the journey has them). */
  sex: z.enum(SEXES).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  outcome: z.enum(PERSON_OUTCOMES),
});

// A plate as written on the vehicle: letters of any script, digits, spaces, dashes and dots.
const PlateSchema = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .-]*$/u);

const VehicleSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(VEHICLE_KINDS),
  /** Kept only as the keyring's plate HMAC; the plain plate is never stored or sealed. */
  plate: PlateSchema.optional(),
  seats: z.int().min(1).max(MAX_OCCUPANTS).optional(),
});

const occupants = z.int().min(0).max(MAX_OCCUPANTS);

/** The 'checkpoint_passage' payload (strict: an unknown field is refused). */
export const CheckpointPassagePayload = z
  .strictObject({
    checkpointId: z.uuid(),
    direction: z.enum(DIRECTIONS),
    /** A vehicle already known (first seen by this or another device). */
    vehicleId: z.uuid().optional(),
    /** A vehicle first seen here. */
    vehicle: VehicleSchema.optional(),
    occupants,
    /** Occupants per the manifest or the driver; a difference raises headcount_mismatch. */
    declaredOccupants: occupants.optional(),
    queueInAt: instantSchema.optional(),
    screeningStartAt: instantSchema.optional(),
    screeningEndAt: instantSchema.optional(),
    screeningTypes: z.array(z.enum(SCREENING_TYPES)).max(SCREENING_TYPES.length),
    outcome: z.enum(PASSAGE_OUTCOMES),
    people: z.array(PersonSchema).max(MAX_OCCUPANTS).optional(),
  })
  .superRefine((passage, context) => {
    const { vehicle, vehicleId, people = [] } = passage;
    if (vehicle !== undefined && vehicleId !== undefined && vehicle.id !== vehicleId) {
      addIssue(context, ['vehicleId'], 'vehicleId and vehicle.id differ');
    }
    if (passage.declaredOccupants !== undefined && (vehicle ?? vehicleId) === undefined) {
      addIssue(context, ['declaredOccupants'], 'a declared headcount belongs to a vehicle');
    }
    if (people.length > passage.occupants) {
      addIssue(context, ['people'], 'more people listed than occupants counted');
    }
    const journeys = people.flatMap((person) => person.journeyId ?? []);
    if (new Set(journeys).size !== journeys.length) {
      addIssue(context, ['people'], 'a journey is listed twice');
    }
    if (new Set(passage.screeningTypes).size !== passage.screeningTypes.length) {
      addIssue(context, ['screeningTypes'], 'a screening type is listed twice');
    }
    const times = [passage.queueInAt, passage.screeningStartAt, passage.screeningEndAt];
    const given = times.filter((time) => time !== undefined);
    if (given.some((time, index) => index > 0 && time < (given[index - 1] ?? time))) {
      addIssue(context, ['screeningEndAt'], 'queue in, screening start and end are out of order');
    }
  });

/** A parsed 'checkpoint_passage' payload. */
export type CheckpointPassageCapture = z.output<typeof CheckpointPassagePayload>;

/** One person of a parsed passage. */
export type PassagePerson = NonNullable<CheckpointPassageCapture['people']>[number];
