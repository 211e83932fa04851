// What the vault knows about a person, and the parser every identity passes through on the way
// in (from a route, the demo or an import) and on the way out (decrypted fields are parsed
// again: a row may have been written by an older version). Error details name the offending
// path only, never the value: a value is identity and error messages get logged.
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';

/** Scripts a name is registered in. */
export const NAME_SCRIPTS = ['hy', 'ru', 'az', 'en', 'other'] as const;
/** One of NAME_SCRIPTS. */
export type NameScript = (typeof NAME_SCRIPTS)[number];

/** Sex as recorded (DOMAIN.md §7 counts by sex; unknown is a valid answer). */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** One of SEXES. */
export type Sex = (typeof SEXES)[number];

/** Kinds of identity document. */
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'residence_permit',
  'driving_licence',
  'military_id',
  'other',
] as const;
/** One of DOCUMENT_TYPES. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** A person's name in one script; a person may have several (one per script). */
export interface PersonName {
  given: string;
  family: string;
  patronymic?: string;
  script: NameScript;
}

/** An identity document. */
export interface IdentityDocument {
  type: DocumentType;
  number: string;
}

/** A person's identity: every field is encrypted separately in the vault. */
export interface Identity {
  names: PersonName[];
  /** ISO date YYYY-MM-DD; often unknown, so optional. */
  birthDate?: string;
  birthYear: number;
  sex: Sex;
  documents: IdentityDocument[];
  phone?: string;
}

/** Earliest birth year accepted (no one alive was born before). */
export const MIN_BIRTH_YEAR = 1890;
/** Latest birth year accepted (a bound on typos, not on time). */
export const MAX_BIRTH_YEAR = 2100;

const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1)
        .max(max)
        .regex(/^[^\p{Cc}\p{Cf}]*$/u),
    );

const nameSchema = z.strictObject({
  given: text(100),
  family: text(100),
  patronymic: text(100).exactOptional(),
  script: z.enum(NAME_SCRIPTS),
});

/** The schema of an identity's names: one to eight, one per script as a rule. */
export const namesSchema = z.array(nameSchema).min(1).max(8);

const documentSchema = z.strictObject({ type: z.enum(DOCUMENT_TYPES), number: text(64) });

/** The schema of an Identity (input: unknown; output: a normalised Identity). */
export const identitySchema = z
  .strictObject({
    names: namesSchema,
    birthDate: z.iso.date().exactOptional(),
    birthYear: z.int().min(MIN_BIRTH_YEAR).max(MAX_BIRTH_YEAR),
    sex: z.enum(SEXES),
    documents: z.array(documentSchema).max(8),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()./-]{2,30}$/)
      .exactOptional(),
  })
  .refine((identity) => identity.birthDate?.startsWith(`${identity.birthYear}-`) ?? true, {
    error: 'birthDate must fall in birthYear',
    path: ['birthDate'],
  }) satisfies z.ZodType<Identity>;

/** Where and how an input failed, without its value. */
export interface InputIssue {
  path: string;
  code: string;
}

/** The issues of a failed parse, paths only (never values: they are identity). */
export function issuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
}

/**
 * `value` as a normalised Identity; DomainError 'invalid_request' (details: paths) otherwise.
 *
 * @example parseIdentity({ names: [{ given: 'Anna', family: 'Petrosyan', script: 'en' }],
 *   birthYear: 1980, sex: 'female', documents: [] })
 */
export function parseIdentity(value: unknown): Identity {
  const result = identitySchema.safeParse(value);
  if (!result.success) {
    throw new DomainError('invalid_request', 'identity does not match the schema', {
      details: issuesOf(result.error),
    });
  }
  return result.data;
}
