// The corrections log of each dataset (DOMAIN.md §6): a release is never changed; when one was
// wrong, a correction names it, says what changed and, usually, the later release that carries
// the corrected data. Each correction is a public log entry.
import { DomainError } from '../../errors/domain-error.ts';
import { newRecordId } from '../../random/record-id.ts';
import type { DatasetName } from './open-data.datasets.ts';
import { OpenDataRepository } from './open-data.kysely.ts';
import { correctionProofPath } from './open-data.proofs.ts';
import type { CorrectionRecord } from './open-data.kysely.ts';
import type { OpenDataDeps } from './open-data.service.ts';
import { OPEN_DATA_ENTRY_KINDS } from './open-data.service.ts';

/** What a coordinator writes. */
export interface NewCorrection {
  correctsVersion: number;
  correctedInVersion?: number | undefined;
  description: string;
}

/** A correction as published. */
export interface CorrectionView {
  dataset: string;
  correctsVersion: number;
  correctedInVersion: number | null;
  description: string;
  at: string;
  logIndex: number;
  /** Its C2SP tlog-proof (/open-data/DATASET/corrections/LOG-INDEX/proof). */
  proof: string;
}

function viewOf(record: CorrectionRecord): CorrectionView {
  return {
    dataset: record.dataset,
    correctsVersion: record.corrects_version,
    correctedInVersion: record.corrected_in_version,
    description: record.description,
    at: record.at,
    logIndex: record.log_index,
    proof: correctionProofPath(record.dataset, record.log_index),
  };
}

/** Records and lists corrections. */
export class OpenDataCorrectionService {
  readonly #deps: OpenDataDeps;
  readonly #repository: OpenDataRepository;

  constructor(deps: OpenDataDeps) {
    this.#deps = deps;
    this.#repository = new OpenDataRepository(deps.db);
  }

  /**
   * Records a correction of release `input.correctsVersion` of `dataset`: `not_found` unless it
   * is published; `invalid_request` unless the correcting release is a later published one.
   */
  async record(dataset: DatasetName, input: NewCorrection, actor: string): Promise<CorrectionView> {
    const corrected = await this.#repository.findPublished(dataset, input.correctsVersion);
    if (corrected === undefined) {
      throw new DomainError('not_found', `no release ${String(input.correctsVersion)}`);
    }
    const inVersion = input.correctedInVersion ?? null;
    if (inVersion !== null) {
      const later = await this.#repository.findPublished(dataset, inVersion);
      if (later === undefined || inVersion <= input.correctsVersion) {
        throw new DomainError('invalid_request', 'correctedInVersion must be a later release', {
          details: { path: 'correctedInVersion' },
        });
      }
    }
    const id = newRecordId();
    const at = this.#deps.now().toISOString();
    const body = {
      dataset,
      correctsVersion: input.correctsVersion,
      correctedInVersion: inVersion,
      description: input.description,
      at,
    };
    const seal = await this.#deps.sealer.seal({
      kind: OPEN_DATA_ENTRY_KINDS.correction,
      id,
      version: 1,
      visibility: 'public',
      record: body,
    });
    const record: CorrectionRecord = {
      id,
      dataset,
      corrects_version: body.correctsVersion,
      corrected_in_version: inVersion,
      description: body.description,
      at,
      log_index: seal.logIndex,
      created_by: actor,
    };
    await this.#repository.insertCorrection(record, seal);
    return viewOf(record);
  }

  /** The corrections of `dataset`, oldest first. */
  async list(dataset: DatasetName): Promise<CorrectionView[]> {
    return (await this.#repository.corrections(dataset)).map(viewOf);
  }
}
