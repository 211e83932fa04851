// Parsing the payload of a device's capture. The payload is attacker-controlled (a stolen device
// signs whatever it is given), so every field goes through a strict zod schema; a failure names
// the paths and issue codes only, never the values (a value may be a plate or a pseudonym).
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';

/** An ISO-8601 UTC instant, normalised to `toISOString()` form so text order is time order. */
export const instantSchema = z.iso.datetime().transform((text) => new Date(text).toISOString());

/** Where and how a payload failed, without its value. */
export interface PayloadIssue {
  path: string;
  code: string;
}

/**
 * `payload` parsed by `schema`; DomainError 'invalid_request' (details: the failing paths) when
 * it does not match.
 *
 * @example const passage = parsePayload(CheckpointPassagePayload, item.payload, item.type);
 */
export function parsePayload<Schema extends z.ZodType>(
  schema: Schema,
  payload: unknown,
  type: string,
): z.output<Schema> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const details: PayloadIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
  }));
  throw new DomainError('invalid_request', `the ${type} payload does not match its schema`, {
    details,
  });
}

/** Adds a custom issue at `path` (for cross-field rules in superRefine). */
export function addIssue(
  context: z.RefinementCtx,
  path: readonly (string | number)[],
  message: string,
): void {
  context.addIssue({ code: 'custom', path: [...path], message });
}
