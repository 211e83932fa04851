// JSON text columns are parsed on read and their shape checked: a row may have been written by
// an older version or damaged, and a bad value must fail as a typed storage fault, never as an
// uncaught SyntaxError or a wrongly typed value deep inside a service.
import { DomainError } from '../../errors/domain-error.ts';

/**
 * Parses the JSON text of `column` and checks it with `isValid`.
 *
 * @example parseJsonColumn(row.journey_ids, isStringArray, 'checkpoint_passage.journey_ids')
 */
export function parseJsonColumn<T>(
  text: string,
  isValid: (value: unknown) => value is T,
  column: string,
): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DomainError('internal', `stored ${column} is not JSON`, { cause });
  }
  if (!isValid(value))
    throw new DomainError('internal', `stored ${column} has an unexpected shape`);
  return value;
}

/** True for an array of strings. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A guard for arrays whose every element is one of `allowed`. */
export function isArrayOf<T extends string>(
  allowed: readonly T[],
): (value: unknown) => value is T[] {
  const words: ReadonlySet<string> = new Set(allowed);
  return (value): value is T[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string' && words.has(item));
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an object whose every value is a non-negative integer count. */
export function isCountRecord(value: unknown): value is Record<string, number> {
  return (
    isJsonObject(value) &&
    Object.values(value).every((count) => Number.isSafeInteger(count) && Number(count) >= 0)
  );
}

/** True for counts two levels deep, e.g. {"female": {"18-45": 12}}. */
export function isNestedCountRecord(
  value: unknown,
): value is Record<string, Record<string, number>> {
  return isJsonObject(value) && Object.values(value).every(isCountRecord);
}
