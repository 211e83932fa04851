// What the commitment register accepts and answers. A commitment is a party's published words:
// public content, answered to anyone; the staff who recorded it are not part of the public view.
import { z } from 'zod';
import { idSchema, lineOfText } from '../../passage/registry/registry-input.ts';
import { LINK_BEARINGS, LINK_TARGETS } from '../model/commitment-vocabulary.ts';
import { languageTag, textBlock } from './free-text.ts';

/** Most translations one commitment carries. */
const MAX_TRANSLATIONS = 20;

const translations = z
  .record(languageTag, textBlock(20_000))
  .refine((value) => Object.keys(value).length <= MAX_TRANSLATIONS, {
    error: `at most ${String(MAX_TRANSLATIONS)} translations`,
  });

const contentFields = {
  /** The party as published; data, never code. */
  party: lineOfText(200),
  language: languageTag,
  text: textBlock(20_000),
  translations,
  madeOn: z.iso.date(),
  /** A URL or a document reference. */
  sourceRef: lineOfText(500),
  scope: textBlock(2000),
};

const reason = lineOfText(500);

function translationNotOriginal(value: {
  language?: string | undefined;
  translations?: object | undefined;
}): boolean {
  return value.language === undefined || value.translations === undefined
    ? true
    : !Object.hasOwn(value.translations, value.language);
}

const notOriginal = {
  error: 'a translation is in another language than the original',
  path: ['translations'],
};

/** A new commitment; `reason` says why it is registered. */
export const newCommitmentSchema = z
  .strictObject({
    ...contentFields,
    translations: translations.default({}),
    reason: reason.default('registered'),
  })
  .refine(translationNotOriginal, notOriginal);

/** A new version: what changes (the rest is kept), at the version read, and why. */
export const commitmentRevisionSchema = z
  .strictObject({
    ...z.strictObject(contentFields).partial().shape,
    version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    reason,
  })
  .refine(translationNotOriginal, notOriginal);

/** An incident or information item linked as evidence, with the analyst's reasoning. */
export const newLinkSchema = z.strictObject({
  targetKind: z.enum(LINK_TARGETS),
  targetId: idSchema,
  bearing: z.enum(LINK_BEARINGS),
  reasoning: textBlock(4000),
});

/** A link's withdrawal. */
export const withdrawalSchema = z.strictObject({ reason });

/** Input of a new commitment (before parsing). */
export type NewCommitmentInput = z.input<typeof newCommitmentSchema>;
/** Input of a revision (before parsing). */
export type CommitmentRevisionInput = z.input<typeof commitmentRevisionSchema>;
/** Input of a link (before parsing). */
export type NewLinkInput = z.input<typeof newLinkSchema>;
/** Input of a withdrawal (before parsing). */
export type WithdrawalInput = z.input<typeof withdrawalSchema>;

const contentResponse = {
  party: z.string(),
  language: z.string(),
  text: z.string(),
  translations: z.record(z.string(), z.string()),
  madeOn: z.string(),
  sourceRef: z.string(),
  scope: z.string(),
};

/** A commitment as published. */
export const commitmentResponse = z.object({
  id: z.string(),
  ...contentResponse,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

/** A version as published (without who recorded it). */
export const publicVersionResponse = z.object({
  version: z.number(),
  ...contentResponse,
  reason: z.string(),
  at: z.string(),
});

/** A commitment with its versions, as published. */
export const publicCommitmentResponse = z.object({
  commitment: commitmentResponse,
  versions: z.array(publicVersionResponse),
});

/** A link as staff see it. */
export const linkResponse = z.object({
  id: z.string(),
  commitmentId: z.string(),
  targetKind: z.enum(LINK_TARGETS),
  targetId: z.string(),
  bearing: z.enum(LINK_BEARINGS),
  reasoning: z.string(),
  linkedAt: z.string(),
  linkedBy: z.string(),
  withdrawal: z.object({ reason: z.string(), at: z.string(), actor: z.string() }).nullable(),
});

/** The per-commitment view over time, for staff. */
export const timelineResponse = z.object({
  commitment: commitmentResponse,
  versions: z.array(publicVersionResponse.extend({ actor: z.string() })),
  links: z.array(linkResponse.extend({ evidenceAt: z.string() })),
  months: z.array(z.object({ month: z.string(), breach: z.number(), compliance: z.number() })),
});
