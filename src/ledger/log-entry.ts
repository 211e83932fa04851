// The shape of every entry Vigil writes to its log (DESIGN.md §3): the canonical JSON
// (RFC 8785) of {kind, id, version, at, body}. Canonical, so that anyone holding the record can
// recompute the exact entry bytes and so its leaf hash.
import { canonicalJson } from './canonical-json.ts';
import { fromUtf8, utf8 } from './bytes.ts';
import { LedgerError } from './ledger-error.ts';

/** One log entry before encoding. `body` must be plain JSON (no NaN, no lone surrogates). */
export interface LogEntry {
  kind: string;
  id: string;
  version: number;
  at: string;
  body: unknown;
}

/** The entry's canonical JSON bytes. */
export function encodeLogEntry(entry: LogEntry): Uint8Array {
  try {
    return utf8(
      canonicalJson({
        kind: entry.kind,
        id: entry.id,
        version: entry.version,
        at: entry.at,
        body: entry.body,
      }),
    );
  } catch (cause) {
    throw new LedgerError('INVALID_ARGUMENT', 'log entry is not canonicalisable JSON', { cause });
  }
}

function isEntry(value: unknown): value is LogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['kind'] === 'string' &&
    typeof record['id'] === 'string' &&
    Number.isSafeInteger(record['version']) &&
    typeof record['at'] === 'string' &&
    'body' in record &&
    Object.keys(record).length === 5
  );
}

/** Parses entry bytes, insisting they are exactly the canonical encoding of a LogEntry. */
export function decodeLogEntry(bytes: Uint8Array): LogEntry {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(bytes));
  } catch (cause) {
    throw new LedgerError('INVALID_ARGUMENT', 'log entry is not JSON', { cause });
  }
  if (!isEntry(value)) throw new LedgerError('INVALID_ARGUMENT', 'not a Vigil log entry');
  const canonical = encodeLogEntry(value);
  if (fromUtf8(canonical) !== fromUtf8(bytes)) {
    throw new LedgerError('INVALID_ARGUMENT', 'log entry is not in canonical form');
  }
  return value;
}
