import { LedgerError } from './ledger-error.ts';

/**
 * `items[index]`, for indexes the caller has already bounded. With noUncheckedIndexedAccess an
 * index read is `T | undefined`; this turns an impossible miss into a loud INVALID_ARGUMENT
 * instead of a non-null assertion that would hide a bug.
 */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new LedgerError('INVALID_ARGUMENT', `no item at index ${index}`);
  return item;
}
