// Every write of Vigil's records goes through the sealer: it appends the record's log entry
// (public content, or a sealed commitment) and resolves once the checkpoint covering it is
// durable. Services call it *before* their database transaction and store the returned Seal in
// that transaction, so an acknowledged write always has both its row and its log entry; a crash
// in between leaves at worst a commitment that names no stored record, never a record the log
// does not cover.
import { encodeLogEntry } from '../ledger/log-entry.ts';
import { canonicalRecord, commitmentOfCanonical, newSalt } from './seal.ts';

/** public: the entry carries the record itself; sealed: only its salted commitment. */
export type SealVisibility = 'public' | 'sealed';

/** One record to seal. `record` must be plain JSON and must never hold plaintext identity. */
export interface SealRequest {
  /** Entry kind, e.g. 'passage.crossing'; public kinds are listed by their domain. */
  kind: string;
  /** Stable id of the record (a UUID). */
  id: string;
  /** 1 for the first version; each change is a new version, never an overwrite. */
  version: number;
  record: unknown;
  visibility?: SealVisibility;
}

/** What is kept beside a record: enough to reveal it later and to find its entry. */
export interface Seal {
  kind: string;
  id: string;
  version: number;
  at: string;
  visibility: SealVisibility;
  /** base64 salt of a sealed record; null for public ones. */
  salt: string | null;
  /** hex commitment of a sealed record; null for public ones. */
  commitment: string | null;
  /** The record's canonical JSON, as committed (or published). */
  record: string;
  logIndex: number;
}

/** What the sealer needs from the log: a durable append. */
export interface SealLog {
  append(entry: Uint8Array): Promise<{ index: number }>;
}

/** Appends records' entries to the log. */
export class Sealer {
  readonly #log: SealLog;
  readonly #now: () => Date;

  constructor(log: SealLog, now: () => Date = () => new Date()) {
    this.#log = log;
    this.#now = now;
  }

  /** Logs one record; resolves with its seal once the entry is durable. */
  async seal(request: SealRequest): Promise<Seal> {
    const at = this.#now().toISOString();
    const visibility = request.visibility ?? 'sealed';
    const record = canonicalRecord(request.record);
    const salt = visibility === 'sealed' ? newSalt() : undefined;
    const commitment = salt === undefined ? null : commitmentOfCanonical(salt, record);
    const body = commitment === null ? request.record : { commitment };
    const entry = encodeLogEntry({
      kind: request.kind,
      id: request.id,
      version: request.version,
      at,
      body,
    });
    const { index } = await this.#log.append(entry);
    return {
      kind: request.kind,
      id: request.id,
      version: request.version,
      at,
      visibility,
      salt: salt === undefined ? null : Buffer.from(salt).toString('base64'),
      commitment,
      record,
      logIndex: index,
    };
  }

  /** Logs many records; the sequencer group-commits them together. */
  sealMany(requests: readonly SealRequest[]): Promise<Seal[]> {
    return Promise.all(requests.map((request) => this.seal(request)));
  }
}
