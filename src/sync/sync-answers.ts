// The answers the sync service gives per item, apart from "applied": for an id already in
// sync_item (a retry, or a batch sent twice at once), and for an item whose write failed.
import { DomainError } from '../errors/domain-error.ts';
import { isErrorCode } from '../errors/error-catalogue.ts';
import type { ErrorCode } from '../errors/error-catalogue.ts';

/** The answer for one item. */
export type SyncItemResult =
  | { id: string; status: 'applied' | 'duplicate'; logIndex: number }
  | { id: string; status: 'rejected'; code: ErrorCode; message: string };

/** What sync_item holds for an item already applied: by which device, and its answer. */
export interface StoredAnswer {
  device: string;
  result: string;
}

/**
 * The answer for item `id` found in sync_item: a duplicate of the device's own item, or a
 * conflict when another device used the id.
 */
export function answerForKnown(id: string, stored: StoredAnswer, deviceId: string): SyncItemResult {
  if (stored.device !== deviceId) {
    return {
      id,
      status: 'rejected',
      code: 'conflict',
      message: 'this id was used by another device',
    };
  }
  const logIndex = (JSON.parse(stored.result) as { logIndex: number }).logIndex;
  return { id, status: 'duplicate', logIndex };
}

/**
 * The answer for an item whose preparation or write failed: the stored answer if it is stored
 * after all (`known`), else the domain error's code; anything else is a bug, for `onError`.
 */
export function answerForFailure(
  id: string,
  error: unknown,
  known: StoredAnswer | undefined,
  options: { deviceId: string; onError: ((error: unknown) => void) | undefined },
): SyncItemResult {
  if (known !== undefined) return answerForKnown(id, known, options.deviceId);
  if (!(error instanceof DomainError)) options.onError?.(error);
  else {
    const code: unknown = error.code;
    if (isErrorCode(code)) return { id, status: 'rejected', code, message: error.message };
  }
  return { id, status: 'rejected', code: 'internal', message: 'the item could not be applied' };
}
