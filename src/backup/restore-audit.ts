// What makes a restore acceptable: the restored log passes the verifier's full audit (the code
// path of `vigil verify log --full`) and extends the checkpoint the world last saw published;
// and every sealed_record row of the restored application database names the exact entry the
// restored log holds at its index. Anything less is a backup that would quietly rewrite or
// lose history, and is refused.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { equalBytes, utf8 } from '../ledger/bytes.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { encodeLogEntry } from '../ledger/log-entry.ts';
import type { VerifierKey } from '../ledger/note-keys.ts';
import { decodeEntryBundle, parseTilePath, TILE_WIDTH } from '../ledger/tiles.ts';
import { LogReader } from '../log/log-reader.ts';
import type { LogStore } from '../log/log-store.port.ts';
import type { Database } from '../store/schema.ts';
import { auditEntries } from '../verifier/audit-entries.ts';
import {
  checkConsistency,
  fetchCheckpoint,
  openTrustedCheckpoint,
} from '../verifier/audit-checkpoint.ts';
import type { LogSource } from '../verifier/log-source.ts';
import { VerificationError } from '../verifier/verification-error.ts';

/** Sealed rows read per query while checking them against the log. */
const ROWS_PER_PAGE = 2000;

/** A LogSource over a store, serving exactly what `/log/` would serve from it. */
export function storeLogSource(store: LogStore): LogSource {
  const reader = new LogReader(store);
  return {
    description: 'the restored log',
    async get(path) {
      if (path === 'checkpoint') {
        const latest = await store.latestCheckpoint();
        return latest === undefined ? undefined : utf8(latest.note);
      }
      try {
        const parsed = parseTilePath(path);
        return parsed.kind === 'entries'
          ? await reader.readBundle(parsed.index, parsed.width)
          : await reader.readTile(parsed.level, parsed.index, parsed.width);
      } catch (error) {
        if (isLedgerError(error)) return undefined;
        throw error;
      }
    },
  };
}

/** What the audit established. */
export interface RestoreAudit {
  size: number;
  publishedSize: number;
  sealedRecords: number;
}

interface SealedRow {
  kind: string;
  id: string;
  version: number;
  at: string;
  commitment: string | null;
  record: string;
  log_index: number;
}

// The entry a row claims: the sealer's own encoding (src/seal/sealer.ts) of its fields, with the
// commitment as body for a sealed record and the record itself for a public one.
function expectedEntry(row: SealedRow): Uint8Array {
  const body: unknown =
    row.commitment === null ? JSON.parse(row.record) : { commitment: row.commitment };
  return encodeLogEntry({ kind: row.kind, id: row.id, version: row.version, at: row.at, body });
}

/** Entries of the restored log by index, one bundle in memory at a time. */
function entryReader(store: LogStore, size: number) {
  const reader = new LogReader(store);
  let cached: { index: number; entries: Uint8Array[] } | undefined;
  return async (index: number): Promise<Uint8Array | undefined> => {
    const bundle = Math.floor(index / TILE_WIDTH);
    if (cached?.index !== bundle) {
      const width = Math.min(TILE_WIDTH, size - bundle * TILE_WIDTH);
      const data = await reader.readBundle(bundle, width);
      cached = { index: bundle, entries: data === undefined ? [] : decodeEntryBundle(data) };
    }
    return cached.entries[index % TILE_WIDTH];
  };
}

/** Checks every sealed_record row against the entry at its log index; returns the count. */
export async function checkSealedRecords(
  db: Kysely<Database>,
  store: LogStore,
  size: number,
  rowsPerPage = ROWS_PER_PAGE,
): Promise<number> {
  const entryAt = entryReader(store, size);
  let after: SealedRow | undefined;
  let checked = 0;
  for (;;) {
    let query = db
      .selectFrom('sealed_record')
      .select(['kind', 'id', 'version', 'at', 'commitment', 'record', 'log_index'])
      .orderBy('log_index')
      .orderBy('id')
      .orderBy('version')
      .limit(rowsPerPage);
    if (after !== undefined) {
      const last = after;
      query = query.where(
        sql<boolean>`(log_index, id, version) > (${last.log_index}, ${last.id}, ${last.version})`,
      );
    }
    const rows = await query.execute();
    for (const row of rows) {
      const what = `sealed record ${row.id} v${row.version}`;
      if (row.log_index >= size) {
        throw new VerificationError(
          what,
          `names log entry ${row.log_index}, but the log holds ${size}`,
        );
      }
      const entry = await entryAt(row.log_index);
      if (entry === undefined || !equalBytes(entry, expectedEntry(row))) {
        throw new VerificationError(what, `log entry ${row.log_index} is not its entry`);
      }
    }
    checked += rows.length;
    after = rows.at(-1);
    if (rows.length < rowsPerPage) return checked;
  }
}

/**
 * The full audit of a restored log against `publishedNote`, the last checkpoint published (from
 * the public site or a mirror), under the log's key; then the sealed records.
 */
export async function auditRestored(options: {
  store: LogStore;
  db: Kysely<Database>;
  publishedNote: string;
  logKey: VerifierKey;
}): Promise<RestoreAudit> {
  const keys = { logKey: options.logKey, witnesses: [], quorum: 0 };
  const source = storeLogSource(options.store);
  const published = openTrustedCheckpoint(options.publishedNote, keys);
  const restored = await fetchCheckpoint(source, keys);
  const publishedSize = published.checkpoint.size;
  const { size } = restored.checkpoint;
  if (publishedSize > size) {
    throw new VerificationError(
      'published checkpoint',
      `it covers ${publishedSize} entries but the backup only ${size}: ` +
        'the backup predates what was published and restoring it would erase logged history',
    );
  }
  await checkConsistency(source, published, restored);
  await auditEntries(source, restored.checkpoint);
  const sealedRecords = await checkSealedRecords(options.db, options.store, size);
  return { size, publishedSize, sealedRecords };
}
