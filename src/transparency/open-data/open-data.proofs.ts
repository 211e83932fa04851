// The C2SP tlog-proofs of open data: each published release's and each correction's public log
// entry, proved included under the latest checkpoint. The proof's `extra` line carries the
// entry bytes (rebuilt from the stored seal, exactly as logged), so `vigil verify proof` checks
// it offline alone, and the entry's SHA-256 per format is the one of the files served.
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { encodeLogEntry } from '../../ledger/log-entry.ts';
import { formatTlogProof } from '../../ledger/tlog-proof.ts';
import type { LogProofSource } from '../../passage/passage-context.ts';
import { findSeal } from '../../seal/seal.kysely.ts';
import type { Database } from '../../store/schema.ts';
import { OpenDataRepository } from './open-data.kysely.ts';

/** What the proofs need. */
export interface OpenDataProofDeps {
  db: Kysely<Database>;
  /** The log's proofs; without them a proof is 'unavailable'. */
  proofs?: LogProofSource | undefined;
}

/** The public path of release `version`'s proof. */
export const releaseProofPath = (dataset: string, version: number) =>
  `/open-data/${dataset}/${String(version)}/proof`;

/** The public path of the proof of the correction logged at `logIndex`. */
export const correctionProofPath = (dataset: string, logIndex: number) =>
  `/open-data/${dataset}/corrections/${String(logIndex)}/proof`;

/** Builds the proofs of releases and corrections. */
export class OpenDataProofService {
  readonly #deps: OpenDataProofDeps;

  constructor(deps: OpenDataProofDeps) {
    this.#deps = deps;
  }

  /** The proof of published release `version` of `dataset`; 'not_found' for any other. */
  async release(dataset: string, version: number): Promise<string> {
    const release = await new OpenDataRepository(this.#deps.db).findPublished(dataset, version);
    if (release?.log_index == null) {
      throw new DomainError('not_found', `no release ${String(version)} of ${dataset}`);
    }
    return this.#proof(release.id, release.log_index);
  }

  /** The proof of the correction of `dataset` logged at `logIndex`; 'not_found' otherwise. */
  async correction(dataset: string, logIndex: number): Promise<string> {
    const correction = await this.#deps.db
      .selectFrom('open_data_correction')
      .select(['id', 'log_index'])
      .where('dataset', '=', dataset)
      .where('log_index', '=', logIndex)
      .executeTakeFirst();
    if (correction === undefined) {
      throw new DomainError('not_found', `no correction of ${dataset} at ${String(logIndex)}`);
    }
    return this.#proof(correction.id, correction.log_index);
  }

  // Releases and corrections are logged once, as version 1 of their id.
  async #proof(id: string, index: number): Promise<string> {
    const seal = await findSeal(this.#deps.db, id, 1);
    if (seal?.visibility !== 'public' || seal.logIndex !== index) {
      throw new DomainError('not_found', 'no public log entry of this item');
    }
    const proofs = this.#deps.proofs;
    const checkpoint = proofs?.checkpoint();
    if (proofs === undefined || checkpoint === undefined || checkpoint.size <= index) {
      throw new DomainError('unavailable', 'no checkpoint covers this entry yet');
    }
    const entry = encodeLogEntry({
      kind: seal.kind,
      id,
      version: 1,
      at: seal.at,
      body: JSON.parse(seal.record) as unknown,
    });
    const proof = await proofs.proveInclusion(index, checkpoint.size);
    return formatTlogProof({ extra: entry, index, proof, checkpoint: checkpoint.note });
  }
}
