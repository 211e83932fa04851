// Input schemas for the free text of this slice: a commitment's text, an analyst's reasoning, a
// restriction's description. Like registry-input.ts's lineOfText, but paragraphs may span lines.
import { z } from 'zod';

/**
 * Text of 1–`max` characters: NFC, trimmed, line breaks and tabs allowed, no other control or
 * format characters (they can hide content or break a log line).
 *
 * @example textBlock(4000).parse(' Art. 3.\nNo one shall be detained … ')
 */
export function textBlock(max: number) {
  return z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1)
        .max(max)
        .regex(/^(?:[^\p{Cc}\p{Cf}]|[\n\t])*$/u),
    );
}

/** A BCP 47 language tag as staff type it (`hy`, `az-Latn`, `ru`), lower-cased language. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/)
  .max(35);
