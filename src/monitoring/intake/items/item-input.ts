// What every channel may say about an information item, checked at the edge. The account is
// kept verbatim (line breaks and all; only control characters other than tab and line breaks
// are refused), so it is never trimmed or normalised: what the person said is what is sealed.
import { z } from 'zod';
import { lineOfText } from '../../../passage/registry/registry-input.ts';
import { PROXIMITIES } from '../../model/vocabulary.ts';

/** Longest account accepted, in characters. */
export const MAX_ACCOUNT_CHARS = 10_000;

/** The verbatim account: 1–MAX_ACCOUNT_CHARS characters, not only white space. */
export const accountSchema = z
  .string()
  .min(1)
  .max(MAX_ACCOUNT_CHARS)
  .regex(/^(?:[\t\n\r]|[^\p{Cc}])*$/u)
  .regex(/\S/u);

/** A BCP 47 language tag (language, then up to three subtags). */
export const languageSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/);

/** A local taxonomy sub-type code, e.g. checkpoint_detention. */
export const eventTypeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

/** An instant, normalised to UTC `toISOString()` so text order is time order. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

/** A record id, lower-cased. */
export const idSchema = z.uuid().transform((value) => value.toLowerCase());

/** The access conditions; each unknown (null) unless said. */
export const accessSchema = z.strictObject({
  privateInterview: z.boolean().nullable().default(null),
  escorted: z.boolean().nullable().default(null),
  placeDenied: z.boolean().nullable().default(null),
});

const NO_ACCESS = { privateInterview: null, escorted: null, placeDenied: null } as const;

/** A short reason staff give (a grading, setting aside). */
export const reasonSchema = lineOfText(500);

/** The fields every channel may send (partners and residents: these only). */
export const itemFields = {
  account: accountSchema,
  language: languageSchema,
  occurredAt: instantSchema.optional(),
  placeId: idSchema.optional(),
  eventType: eventTypeSchema.optional(),
  proximity: z.enum(PROXIMITIES).optional(),
  access: accessSchema.default(NO_ACCESS),
};

/** What partners and residents send. */
export const publicItemSchema = z.strictObject(itemFields);

/** What staff and monitors' devices send: may name a known source. */
export const staffItemSchema = z.strictObject({ ...itemFields, sourceId: idSchema.optional() });

/** A parsed item input, whatever the channel. */
export type ItemInput = z.output<typeof staffItemSchema>;
