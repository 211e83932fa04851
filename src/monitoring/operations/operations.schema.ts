// What the mission's operations accept and answer: access restrictions (public), patrols and
// hotline contacts (staff-only). No field takes a person's name: monitors are staff ids, callers
// pseudonyms, and a restriction's imposer is a party or unit, as data.
import { z } from 'zod';
import { idSchema, instantSchema, lineOfText } from '../../passage/registry/registry-input.ts';
import { textBlock } from '../commitments/free-text.ts';
import {
  HOTLINE_CHANNELS,
  HOTLINE_OUTCOMES,
  HOTLINE_TOPICS,
  PATROL_STATES,
  RESTRICTION_KINDS,
  RESTRICTION_SUB_KINDS,
} from '../model/operations-vocabulary.ts';

/** A week, in minutes: a longer hold-up is a denial, recorded as one. */
const MAX_DELAY_MINUTES = 7 * 24 * 60;

const version = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A restriction on the mission's access, as a monitor or coordinator records it. */
export const newRestrictionSchema = z.strictObject({
  kind: z.enum(RESTRICTION_KINDS),
  subKind: z.enum(RESTRICTION_SUB_KINDS).nullable().default(null),
  occurredAt: instantSchema,
  placeId: idSchema,
  durationMinutes: z.int().min(1).max(MAX_DELAY_MINUTES).nullable().default(null),
  imposedBy: lineOfText(200),
  patrolId: idSchema.nullable().default(null),
  /** Published in full: what happened to the mission, without anyone's identity. */
  description: textBlock(4000),
});

/** A correction of a restriction: what changes (the rest is kept), at the version read, and why. */
export const restrictionCorrectionSchema = z.strictObject({
  kind: z.enum(RESTRICTION_KINDS).optional(),
  subKind: z.enum(RESTRICTION_SUB_KINDS).nullable().optional(),
  occurredAt: instantSchema.optional(),
  placeId: idSchema.optional(),
  durationMinutes: z.int().min(1).max(MAX_DELAY_MINUTES).nullable().optional(),
  imposedBy: lineOfText(200).optional(),
  patrolId: idSchema.nullable().optional(),
  description: textBlock(4000).optional(),
  version,
  reason: lineOfText(500),
});

/** Which restrictions to list (public). */
export const restrictionQuerySchema = z.strictObject({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  kind: z.enum(RESTRICTION_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** A restriction as published. */
export const restrictionResponse = z.object({
  id: z.string(),
  kind: z.enum(RESTRICTION_KINDS),
  subKind: z.enum(RESTRICTION_SUB_KINDS).nullable(),
  occurredAt: z.string(),
  placeId: z.string(),
  durationMinutes: z.number().nullable(),
  imposedBy: z.string(),
  patrolId: z.string().nullable(),
  description: z.string(),
  createdAt: z.string(),
  version: z.number(),
});

/** A restriction with every version, as published. */
export const restrictionHistoryResponse = z.object({
  restriction: restrictionResponse,
  versions: z.array(
    restrictionResponse
      .omit({ id: true, createdAt: true })
      .extend({ reason: z.string(), at: z.string() }),
  ),
});

/** A new patrol. */
export const newPatrolSchema = z.strictObject({
  label: lineOfText(50),
  placeId: idSchema.nullable().default(null),
  plannedStart: instantSchema,
});

/** A patrol's transition, at the version read, with why. */
export const patrolTransitionSchema = z.strictObject({
  to: z.enum(PATROL_STATES),
  version,
  reason: lineOfText(500),
});

/** A patrol with its history and the restrictions that hit it. */
export const patrolViewResponse = z.object({
  patrol: z.object({
    id: z.string(),
    label: z.string(),
    placeId: z.string().nullable(),
    plannedStart: z.string(),
    state: z.enum(PATROL_STATES),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  }),
  history: z.array(
    z.object({
      version: z.number(),
      from: z.enum(PATROL_STATES),
      to: z.enum(PATROL_STATES),
      reason: z.string(),
      at: z.string(),
      actor: z.string(),
    }),
  ),
  restrictions: z.array(restrictionResponse.extend({ recordedBy: z.string() })),
});

/** A person reference (UUID) or a keyring pseudonym (43 base64url characters). */
const callerRef = z.union([z.uuid(), z.string().regex(/^[A-Za-z0-9_-]{43}$/)]);

/** A contact as the hotline takes it: a phone number or a handle; only its pseudonym is kept. */
const callerContact = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u);

const response = {
  respondedAt: instantSchema,
  outcome: z.enum(HOTLINE_OUTCOMES),
  infoItemId: idSchema.nullable().default(null),
  tracingRequestId: idSchema.nullable().default(null),
};

/** A contact with the hotline; exactly one of callerRef and callerContact. */
export const newHotlineContactSchema = z
  .strictObject({
    receivedAt: instantSchema,
    channel: z.enum(HOTLINE_CHANNELS),
    callerRef: callerRef.optional(),
    callerContact: callerContact.optional(),
    topic: z.enum(HOTLINE_TOPICS),
    response: z
      .strictObject({ respondedAt: response.respondedAt, outcome: response.outcome })
      .optional(),
    infoItemId: response.infoItemId,
    tracingRequestId: response.tracingRequestId,
  })
  .refine((body) => (body.callerRef === undefined) !== (body.callerContact === undefined), {
    error: 'give exactly one of callerRef and callerContact',
    path: ['callerRef'],
  });

/** The response to a contact taken earlier, at the version read. */
export const hotlineResponseSchema = z.strictObject({ version, ...response });

/** A period of whole UTC days, both ends included. */
export const dayPeriodSchema = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((period) => period.from <= period.to, { error: 'from is not after to', path: ['to'] })
  .refine((period) => Date.parse(period.to) - Date.parse(period.from) <= 366 * 86_400_000, {
    error: 'at most 367 days',
    path: ['to'],
  });

/** A hotline contact as staff see it. */
export const hotlineContactResponse = z.object({
  id: z.string(),
  receivedAt: z.string(),
  channel: z.enum(HOTLINE_CHANNELS),
  callerRef: z.string(),
  topic: z.enum(HOTLINE_TOPICS),
  respondedAt: z.string().nullable(),
  responseSeconds: z.number().nullable(),
  outcome: z.enum(HOTLINE_OUTCOMES).nullable(),
  infoItemId: z.string().nullable(),
  tracingRequestId: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const responseTimes = {
  responded: z.number(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
};

/** The hotline's figures over a period. */
export const hotlineStatisticsResponse = z.object({
  from: z.string(),
  to: z.string(),
  contacts: z.number(),
  ...responseTimes,
  days: z.array(z.object({ date: z.string(), contacts: z.number(), ...responseTimes })),
});

/** Input types (before parsing). */
export type NewRestrictionInput = z.input<typeof newRestrictionSchema>;
/** Input of a restriction's correction. */
export type RestrictionCorrectionInput = z.input<typeof restrictionCorrectionSchema>;
/** Input of a new patrol. */
export type NewPatrolInput = z.input<typeof newPatrolSchema>;
/** Input of a patrol transition. */
export type PatrolTransitionInput = z.input<typeof patrolTransitionSchema>;
/** Input of a new hotline contact. */
export type NewHotlineContactInput = z.input<typeof newHotlineContactSchema>;
/** Input of a response to a contact. */
export type HotlineResponseInput = z.input<typeof hotlineResponseSchema>;
/** Input of a period of days. */
export type DayPeriodInput = z.input<typeof dayPeriodSchema>;
