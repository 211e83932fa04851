// `vigil verify package`: checks an evidence package offline, trusting only the log key given.
// Everything in the folder is attacker-controlled: each file is parsed strictly, paths come
// from ids that must be UUIDs, and every claim is recomputed — file hashes, each commitment
// from its salt and canonical record, each entry from its commitment, and each entry's
// inclusion in the package's checkpoint signed by the log key.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { fromBase64 } from '../../ledger/bytes.ts';
import { openCheckpoint } from '../../ledger/checkpoint.ts';
import { hashLeaf } from '../../ledger/hash.ts';
import { isLedgerError } from '../../ledger/ledger-error.ts';
import { encodeLogEntry } from '../../ledger/log-entry.ts';
import type { VerifierKey } from '../../ledger/note-keys.ts';
import { parseTlogProof, verifyTlogProof } from '../../ledger/tlog-proof.ts';
import { commitmentOfCanonical } from '../../seal/seal.ts';
import { VerificationError } from '../../verifier/verification-error.ts';
import { CUSTODY_ENTRY_KIND } from './custody.ts';
import {
  CustodyLogSchema,
  ManifestSchema,
  packageFileOf,
  proofFileOf,
} from './evidence-package.ts';
import type { PackageItem, PackageSeal } from './evidence-package.ts';

const ITEM_ENTRY_KIND = 'evidence.item';
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** What a valid package holds. */
export interface PackageSummary {
  incidentId: string;
  items: number;
  events: number;
  checkpointSize: number;
}

async function readPart(dir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, name));
  } catch (cause) {
    throw new VerificationError(name, 'missing or unreadable', { cause });
  }
}

async function parseJson<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  const bytes = await readPart(dir, name);
  if (bytes.length > MAX_JSON_BYTES) throw new VerificationError(name, 'too large');
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new VerificationError(name, 'not JSON', { cause });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new VerificationError(name, 'does not match the package format');
  return parsed.data;
}

function ledger<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isLedgerError(error)) throw new VerificationError(what, error.message, { cause: error });
    throw error;
  }
}

function parseRecord(what: string, record: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(record);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch (cause) {
    throw new VerificationError(what, 'the sealed record is not JSON', { cause });
  }
  throw new VerificationError(what, 'the sealed record is not an object');
}

interface Trust {
  dir: string;
  logKey: VerifierKey;
  checkpoint: string;
}

/** Checks one revealed seal (commitment, entry, proof); returns its record. */
async function verifySeal(trust: Trust, seal: PackageSeal): Promise<Record<string, unknown>> {
  const what = `entry ${String(seal.logIndex)}`;
  if (seal.proof !== proofFileOf(seal.logIndex)) {
    throw new VerificationError(what, 'the proof file is misnamed');
  }
  const salt = ledger(what, () => fromBase64(seal.salt));
  if (commitmentOfCanonical(salt, seal.record) !== seal.commitment) {
    throw new VerificationError(what, 'salt and record do not reproduce the commitment');
  }
  const { kind, id, version, at, commitment } = seal;
  const entry = ledger(what, () => encodeLogEntry({ kind, id, version, at, body: { commitment } }));
  const text = (await readPart(trust.dir, seal.proof)).toString('utf8');
  const proof = ledger(what, () => parseTlogProof(text));
  if (proof.index !== seal.logIndex)
    throw new VerificationError(what, 'the proof is for another entry');
  if (proof.checkpoint !== trust.checkpoint) {
    throw new VerificationError(what, "the proof is not against the package's checkpoint");
  }
  // The entry is rebuilt from the revealed record; the proof's own extra line is not trusted.
  ledger(what, () => verifyTlogProof({ proof, leafHash: hashLeaf(entry), logKey: trust.logKey }));
  return parseRecord(what, seal.record);
}

async function hashFile(dir: string, name: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(join(dir, name))) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (cause) {
    throw new VerificationError(name, 'missing or unreadable', { cause });
  }
  return { sha256: hash.digest('hex'), size };
}

async function verifyItem(trust: Trust, item: PackageItem): Promise<void> {
  const what = `item ${item.id}`;
  if (item.file !== packageFileOf(item.id))
    throw new VerificationError(what, 'the file is misnamed');
  const actual = await hashFile(trust.dir, item.file);
  if (actual.sha256 !== item.sha256 || actual.size !== item.size) {
    throw new VerificationError(what, 'the file does not match its SHA-256 or size');
  }
  const record = await verifySeal(trust, item.seal);
  const isBound =
    item.seal.kind === ITEM_ENTRY_KIND &&
    item.seal.id === item.id &&
    record['sha256'] === item.sha256 &&
    record['size'] === item.size &&
    record['media_type'] === item.mediaType;
  if (!isBound)
    throw new VerificationError(what, 'the sealed intake record does not match the file');
}

/**
 * Verifies the package in `dir` against the log key; throws VerificationError at the first
 * failure. Witness cosignatures are not required (the package's checkpoint is the log's own).
 *
 * @example const summary = await verifyPackage('pkg', parseVerifierKey(vkey))
 */
export async function verifyPackage(dir: string, logKey: VerifierKey): Promise<PackageSummary> {
  const manifest = await parseJson(dir, 'manifest.json', ManifestSchema);
  const custody = await parseJson(dir, 'custody.json', CustodyLogSchema);
  const checkpoint = (await readPart(dir, 'checkpoint')).toString('utf8');
  const opened = ledger('checkpoint', () => openCheckpoint(checkpoint, { logKey }));
  if (opened.checkpoint.size !== manifest.checkpointSize) {
    throw new VerificationError('checkpoint', 'its size differs from the manifest');
  }
  const trust = { dir, logKey, checkpoint };
  const ids = new Set<string>();
  for (const item of manifest.items) {
    await verifyItem(trust, item);
    ids.add(item.id);
  }
  const intakes = new Set<string>();
  for (const event of custody.events) {
    const record = await verifySeal(trust, event.seal);
    const isBound =
      event.seal.kind === CUSTODY_ENTRY_KIND &&
      event.seal.id === event.id &&
      ids.has(event.evidenceId) &&
      record['evidence_id'] === event.evidenceId &&
      record['action'] === event.action &&
      record['actor'] === event.actor &&
      record['result'] === event.result &&
      record['detail'] === event.detail &&
      event.at === event.seal.at;
    if (!isBound)
      throw new VerificationError(`custody ${event.id}`, 'does not match its sealed record');
    if (event.action === 'intake') intakes.add(event.evidenceId);
  }
  const missing = [...ids].find((id) => !intakes.has(id));
  if (missing !== undefined)
    throw new VerificationError(`item ${missing}`, 'has no intake in the custody log');
  return {
    incidentId: manifest.incidentId,
    items: manifest.items.length,
    events: custody.events.length,
    checkpointSize: opened.checkpoint.size,
  };
}
