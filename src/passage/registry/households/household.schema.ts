// What the household routes accept and answer. A registration carries identities (they go to
// the vault); everything answered afterwards is operational: pseudonyms, sex, age bands, flags
// and states, never a name, a birth year or a document.
import { z } from 'zod';
import { CONSENT_PURPOSES } from '../../../people/consent.ts';
import { identitySchema } from '../../../people/identity.ts';
import { CONTACT_MODES, MEMBER_FLAGS } from '../../database/passage-vocabulary.ts';
import { INTENTIONS, JOURNEY_STATES, WELFARE_CONTACT_STATES } from '../../model/states.ts';
import { idSchema } from '../registry-input.ts';

/** Most members one registration may carry. */
export const MAX_MEMBERS = 30;

const memberSchema = z.strictObject({
  identity: identitySchema,
  /** Vulnerabilities noted at registration; each at most once. */
  flags: z
    .array(z.enum(MEMBER_FLAGS))
    .max(MEMBER_FLAGS.length)
    .refine((flags) => new Set(flags).size === flags.length, { error: 'each flag at most once' })
    .exactOptional(),
  /** A label shared by members who must travel and arrive together ('A', 'parents'…). */
  familyGroup: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .exactOptional(),
});

const consentChoiceSchema = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
});

/** A household registration. Refusing a consent is recorded and never blocks it. */
export const registrationSchema = z.strictObject({
  intention: z.enum(INTENTIONS),
  originPlaceId: idSchema.exactOptional(),
  members: z.array(memberSchema).min(1).max(MAX_MEMBERS),
  consents: z
    .array(consentChoiceSchema)
    .max(CONSENT_PURPOSES.length)
    .refine((choices) => new Set(choices.map((c) => c.purpose)).size === choices.length, {
      error: 'each purpose at most once',
    })
    .exactOptional(),
});

/** Input of a registration (before parsing). */
export type RegistrationInput = z.input<typeof registrationSchema>;
/** A parsed registration. */
export type ParsedRegistration = z.output<typeof registrationSchema>;

/** A change of intention at the version the caller read. */
export const intentionChangeSchema = z.strictObject({
  intention: z.enum(INTENTIONS),
  version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
});

/** Input of a change of intention (before parsing). */
export type IntentionChangeInput = z.input<typeof intentionChangeSchema>;

/** A consent decision about the household or one of its members. */
export const householdConsentSchema = z.strictObject({
  /** A member's person ref; the household itself when absent. */
  subjectRef: idSchema.exactOptional(),
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
});

/** Input of a consent decision (before parsing). */
export type HouseholdConsentInput = z.input<typeof householdConsentSchema>;

/** What a registration answers: the reference code is shown this once. */
export const registrationResponse = z.object({
  householdId: z.string(),
  referenceCode: z.string(),
  qrSvg: z.string(),
  members: z.array(z.object({ personRef: z.string() })),
});

/** One recorded consent decision as answered. */
export const consentResponse = z.object({
  id: z.string(),
  subjectRef: z.string(),
  purpose: z.enum(CONSENT_PURPOSES),
  decision: z.enum(['granted', 'refused', 'withdrawn']),
  version: z.number(),
  at: z.string(),
  actor: z.string(),
});

const memberJourneyResponse = z.object({
  id: z.string(),
  state: z.enum(JOURNEY_STATES),
  version: z.number(),
  operationId: z.string().nullable(),
  lastPlaceId: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  expectedBy: z.string().nullable(),
  arrivedAt: z.string().nullable(),
});

/** The operational view of a household: pseudonyms and states, no identity. */
export const householdViewResponse = z.object({
  id: z.string(),
  intention: z.enum(INTENTIONS),
  originPlaceId: z.string().nullable(),
  registeredAt: z.string(),
  memberCount: z.number(),
  version: z.number(),
  members: z.array(
    z.object({
      personRef: z.string(),
      sex: z.string(),
      ageBand: z.string(),
      flags: z.array(z.enum(MEMBER_FLAGS)),
      familyGroupId: z.string().nullable(),
      journeys: z.array(memberJourneyResponse),
    }),
  ),
  welfareContacts: z.array(
    z.object({
      id: z.string(),
      dueAt: z.string(),
      mode: z.enum(CONTACT_MODES),
      state: z.enum(WELFARE_CONTACT_STATES),
      doneAt: z.string().nullable(),
    }),
  ),
  consents: z.array(consentResponse),
});
