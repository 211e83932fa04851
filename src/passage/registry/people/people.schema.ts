// What the identity-access routes accept and answer. Names, birth years and document numbers
// travel in POST bodies only, never in URLs (access logs keep URLs).
import { z } from 'zod';
import { ACCESS_PURPOSES } from '../../../people/access.ts';
import {
  DOCUMENT_TYPES,
  MAX_BIRTH_YEAR,
  MIN_BIRTH_YEAR,
  NAME_SCRIPTS,
  SEXES,
} from '../../../people/identity.ts';

const purpose = z.enum(ACCESS_PURPOSES);
const nameText = z.string().trim().min(1).max(100);

/** A search by name in any script; the purpose defaults to tracing. */
export const nameSearchSchema = z.strictObject({
  family: nameText,
  given: nameText.exactOptional(),
  birthYear: z.int().min(MIN_BIRTH_YEAR).max(MAX_BIRTH_YEAR).exactOptional(),
  purpose: purpose.exactOptional(),
});

/** A search by document; the purpose defaults to tracing. */
export const documentSearchSchema = z.strictObject({
  documentType: z.enum(DOCUMENT_TYPES),
  documentNumber: z.string().trim().min(1).max(64),
  purpose: purpose.exactOptional(),
});

/** Either search. */
export const peopleSearchSchema = z.union([nameSearchSchema, documentSearchSchema]);

/** Input of a search (before parsing). */
export type PeopleSearchInput = z.input<typeof peopleSearchSchema>;

/** Why an identity is read: sealed with the audit event. */
export const identityReadSchema = z.strictObject({ purpose });

/** One ranked candidate. */
export const candidateResponse = z.object({
  personRef: z.string(),
  householdId: z.string().nullable(),
  score: z.number(),
});

/** A decrypted identity as answered. */
export const identityResponse = z.object({
  personRef: z.string(),
  identity: z.object({
    names: z.array(
      z.object({
        given: z.string(),
        family: z.string(),
        patronymic: z.string().optional(),
        script: z.enum(NAME_SCRIPTS),
      }),
    ),
    birthDate: z.string().optional(),
    birthYear: z.number(),
    sex: z.enum(SEXES),
    documents: z.array(z.object({ type: z.enum(DOCUMENT_TYPES), number: z.string() })),
    phone: z.string().optional(),
  }),
});
