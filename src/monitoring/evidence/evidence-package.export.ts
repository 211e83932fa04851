// `vigil evidence export`: writes an incident's evidence package (format: evidence-package.ts).
// Each exported item first gets an `export` custody event, so the package's custody log shows
// its own making; then every proof is built against the one checkpoint that covers them all.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../errors/domain-error.ts';
import { encodeLogEntry } from '../../ledger/log-entry.ts';
import { formatTlogProof } from '../../ledger/tlog-proof.ts';
import type { StoredCheckpoint } from '../../log/log-store.port.ts';
import { findSeal } from '../../seal/seal.kysely.ts';
import { recordCustody } from './custody.ts';
import { locate } from './evidence-deps.ts';
import type { EvidenceDeps } from './evidence-deps.ts';
import { EvidenceRepository } from './evidence.kysely.ts';
import type { CustodyRow, EvidenceRow } from './evidence.kysely.ts';
import { PACKAGE_FORMAT, packageFileOf, proofFileOf } from './evidence-package.ts';
import type { Manifest, PackageCustody, PackageSeal } from './evidence-package.ts';

/** What the export needs from the log. */
export interface PackageLog {
  latest(): StoredCheckpoint;
  proveInclusion(index: number, size: number): Promise<Uint8Array[]>;
  verifierKey: string;
}

/** What to export, where, and who does it. */
export interface ExportRequest {
  incidentId: string;
  outDir: string;
  actor: string;
}

async function ensureEmpty(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if ((await readdir(dir)).length > 0) {
    throw new DomainError('already_exists', `${dir} is not empty`);
  }
  await mkdir(join(dir, 'files'), { mode: 0o700 });
  await mkdir(join(dir, 'proofs'), { mode: 0o700 });
}

/** Writes the decrypted original of `item`, checking it against its intake hash. */
async function writeOriginal(deps: EvidenceDeps, item: EvidenceRow, path: string): Promise<void> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const location = await locate(deps, item);
  await pipeline(deps.blobs.open(location), tap, createWriteStream(path, { mode: 0o600 }));
  if (hash.digest('hex') !== item.blob_sha256) {
    throw new Error(`evidence ${item.id} no longer matches its intake hash`);
  }
}

/** Builds proofs and package entries of seals against one checkpoint. */
class SealWriter {
  readonly #deps: EvidenceDeps;
  readonly #log: PackageLog;
  readonly #checkpoint: StoredCheckpoint;
  readonly #outDir: string;

  constructor(deps: EvidenceDeps, log: PackageLog, checkpoint: StoredCheckpoint, outDir: string) {
    this.#deps = deps;
    this.#log = log;
    this.#checkpoint = checkpoint;
    this.#outDir = outDir;
  }

  async write(id: string): Promise<PackageSeal> {
    const seal = await findSeal(this.#deps.db, id, 1);
    if (seal?.salt == null || seal.commitment === null) {
      throw new Error(`no revealable seal for ${id}`);
    }
    const { kind, version, at, commitment, logIndex } = seal;
    const entry = encodeLogEntry({ kind, id, version, at, body: { commitment } });
    const { size, note } = this.#checkpoint;
    const path = await this.#log.proveInclusion(logIndex, size);
    const proof = formatTlogProof({ extra: entry, index: logIndex, proof: path, checkpoint: note });
    await writeFile(join(this.#outDir, proofFileOf(logIndex)), proof);
    const packaged = { kind, id, version, at, salt: seal.salt, record: seal.record, commitment };
    return { ...packaged, logIndex, proof: proofFileOf(logIndex) };
  }
}

function custodyEntry(row: CustodyRow, seal: PackageSeal): PackageCustody {
  const { id, action, actor, at, result, detail } = row;
  return { id, evidenceId: row.evidence_id, action, actor, at, result, detail, seal };
}

/**
 * Writes the evidence package of `request.incidentId` into the empty folder `request.outDir`.
 *
 * @example await exportPackage(deps, log, { incidentId, outDir: 'pkg', actor: 'cli' })
 */
export async function exportPackage(
  deps: EvidenceDeps,
  log: PackageLog,
  request: ExportRequest,
): Promise<Manifest> {
  const repository = new EvidenceRepository(deps.db);
  if (!(await repository.hasIncident(request.incidentId))) {
    throw new DomainError('not_found', 'no such incident');
  }
  await ensureEmpty(request.outDir);
  const items = await repository.itemsOfIncident(request.incidentId);
  for (const item of items) {
    await locate(deps, item);
    await recordCustody(deps, {
      evidenceId: item.id,
      action: 'export',
      actor: request.actor,
      detail: request.incidentId,
    });
  }
  // Every seal above is durable now: the latest checkpoint covers them all.
  const checkpoint = log.latest();
  const seals = new SealWriter(deps, log, checkpoint, request.outDir);
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    incidentId: request.incidentId,
    exportedAt: deps.now().toISOString(),
    checkpointSize: checkpoint.size,
    items: [],
  };
  const events: PackageCustody[] = [];
  for (const item of items) {
    const file = packageFileOf(item.id);
    await writeOriginal(deps, item, join(request.outDir, file));
    const { id, size } = item;
    const seal = await seals.write(id);
    manifest.items.push({
      id,
      sha256: item.blob_sha256,
      size,
      mediaType: item.media_type,
      file,
      seal,
    });
    for (const row of await repository.custodyOf(id)) {
      events.push(custodyEntry(row, await seals.write(row.seal_id)));
    }
  }
  await writeFile(join(request.outDir, 'custody.json'), `${JSON.stringify({ events }, null, 2)}\n`);
  await writeFile(join(request.outDir, 'checkpoint'), checkpoint.note);
  await writeFile(join(request.outDir, 'log.vkey'), `${log.verifierKey}\n`);
  await writeFile(join(request.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
