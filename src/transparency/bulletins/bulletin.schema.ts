// The bulletins' HTTP inputs. Narratives are free text written by analysts: NFC, at most
// 20,000 characters, line breaks allowed, no other control or format characters.
import { z } from 'zod';
import { idSchema, instantSchema } from '../../passage/registry/registry-input.ts';
import { CORRECTION_KINDS } from './bulletin-model.ts';

const narrative = z
  .string()
  .transform((value) => value.normalize('NFC'))
  .pipe(
    z
      .string()
      .max(20_000)
      .regex(/^(?:[^\p{Cc}\p{Cf}]|[\n\t])*$/u),
  );

const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
// Bounded so that period arithmetic and Intl formatting stay within ordinary dates.
const localDate = z.iso.date().refine((date) => date >= '2000-01-01' && date <= '2099-12-31');
const version = z.number().int().min(1);

/** Language → text; only the mission's working languages are accepted (checked by the service). */
export const textsSchema = z.record(language, narrative);

/** POST /api/v1/bulletins: a daily or weekly draft from the data, or a spot report. */
export const newBulletinSchema = z.discriminatedUnion('product', [
  z.strictObject({
    product: z.enum(['daily', 'weekly']),
    /** The local date whose cut-off ends the period; default the latest cut-off. */
    date: localDate.optional(),
  }),
  z.strictObject({
    product: z.literal('spot'),
    periodFrom: instantSchema,
    periodTo: instantSchema,
    texts: textsSchema,
  }),
]);
/** A new bulletin request. */
export type NewBulletinInput = z.input<typeof newBulletinSchema>;

/** POST /api/v1/bulletins/:id/texts: one language's narrative at the version read. */
export const editSchema = z.strictObject({ version, language, text: narrative });
/** An edit request. */
export type EditInput = z.input<typeof editSchema>;

/** POST …/approval, …/publication, …/figures: the version the caller read. */
export const versionSchema = z.strictObject({ version });
/** A request naming the version read. */
export type VersionInput = z.input<typeof versionSchema>;

/** POST /api/v1/bulletins/:id/corrections: a new bulletin correcting or retracting this one. */
export const correctionSchema = z.strictObject({
  kind: z.enum(CORRECTION_KINDS),
  texts: textsSchema.optional(),
});
/** A correction request. */
export type CorrectionInput = z.input<typeof correctionSchema>;

/** Route parameters. */
export const idParams = z.strictObject({ id: idSchema });
