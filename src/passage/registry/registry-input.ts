// The small schemas every registry input shares, and the parser that turns a failed parse into
// a catalogued `invalid_request`. Services parse their input themselves (the routes have parsed
// it already; the demo loader and other callers have not), so a bad value never reaches SQL.
// Error details name paths and issue codes only, never the offending value.
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';

/**
 * A line of text: NFC, trimmed, 1–`max` characters, no control or format characters (those
 * can hide content or break a log line).
 *
 * @example lineOfText(200).parse('  Convoy 3 ') // 'Convoy 3'
 */
export function lineOfText(max: number) {
  return z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1)
        .max(max)
        .regex(/^[^\p{Cc}\p{Cf}]*$/u),
    );
}

/**
 * An instant: ISO-8601 with `Z` or an offset, stored as UTC `Date.toISOString()` so that text
 * order is time order in the tables.
 */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

/** A record id: a UUID, lower-cased so one record never has two spellings. */
export const idSchema = z.uuid().transform((value) => value.toLowerCase());

/** Where and how an input failed, without its value. */
export interface InputIssue {
  path: string;
  code: string;
}

/**
 * `value` parsed by `schema`; DomainError 'invalid_request' naming the failing paths otherwise.
 *
 * @example const input = parseInput(newPlaceSchema, body, 'place')
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: InputIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    code: issue.code,
  }));
  throw new DomainError('invalid_request', `${what} does not match the schema`, { details });
}

/** DomainError 'invalid_request' for one field that names no known record. */
export function unknownReference(path: string, what: string): DomainError {
  return new DomainError('invalid_request', `${path} names no known ${what}`, {
    details: [{ path, code: 'unknown_reference' }],
  });
}
