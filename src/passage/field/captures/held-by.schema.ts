import { z } from 'zod';

/**
 * Who holds a person: a party or authority as the mission names it ("a party is data"). Short
 * printable text with no control characters; it names an institution, never a person.
 */
export const HeldBySchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(100)
      .regex(/^[^\p{Cc}\p{Cf}]*$/u),
  );
