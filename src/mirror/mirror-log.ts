// One mirror run (`vigil log mirror`): bring a static tlog-tiles mirror up to the source's
// checkpoint, or refuse. Everything the source serves is untrusted: its checkpoint must carry
// the configured signatures, must extend the mirror's (a consistency proof computed from the
// source's tiles, RFC 9162 §2.1.4), and its entries must hash to its signed root. Only then is
// anything published, checkpoint last; a refused run leaves the mirror exactly as it was.
import { fromUtf8, toBase64, equalBytes } from '../ledger/bytes.ts';
import type { Checkpoint, OpenedCheckpoint } from '../ledger/checkpoint.ts';
import {
  checkConsistency,
  fetchCheckpoint,
  openTrustedCheckpoint,
} from '../verifier/audit-checkpoint.ts';
import type { TrustedKeys } from '../verifier/audit-checkpoint.ts';
import type { LogSource } from '../verifier/log-source.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import type { MirrorDirectory } from './mirror-dir.ts';
import { loadMirrorEdge } from './mirror-edge.ts';
import { MirrorError } from './mirror-error.ts';
import { stageGrowth } from './mirror-growth.ts';

/**
 * More static files published with each new checkpoint, in the same all-or-nothing update.
 * This is where the public bulletins will plug in once Vigil publishes them (they do not
 * exist yet): an addition stages its files, and they become visible together with the tiles,
 * just before the checkpoint.
 */
export interface MirrorAddition {
  /** What it publishes, for messages. */
  readonly name: string;
  /** Stages its files for `checkpoint` with `mirror.stage(path, bytes)`. */
  stage(checkpoint: OpenedCheckpoint, mirror: MirrorDirectory): Promise<void>;
}

/** What one run needs. */
export interface MirrorRun {
  source: LogSource;
  mirror: MirrorDirectory;
  keys: TrustedKeys;
  additions?: readonly MirrorAddition[];
  /** Stops a long catch-up before it publishes (SIGINT/SIGTERM in follow mode). */
  signal?: AbortSignal;
}

/** What a run did. */
export type MirrorOutcome =
  | { kind: 'grown'; origin: string; from: number; to: number; files: number }
  | { kind: 'up-to-date'; origin: string; size: number }
  | { kind: 'recosigned'; origin: string; size: number }
  | { kind: 'behind'; origin: string; source: number; mirror: number };

function describe(checkpoint: Checkpoint): string {
  return `size ${checkpoint.size}, root ${toBase64(checkpoint.rootHash)}`;
}

function forkError(mirror: Checkpoint, source: Checkpoint, cause?: unknown): VerificationError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new VerificationError(
    'fork',
    `the source's checkpoint (${describe(source)}) is not consistent with the mirror's ` +
      `(${describe(mirror)})${detail}; the mirror is unchanged`,
    { cause },
  );
}

// Runs a consistency check, reporting any failure as a fork between the two checkpoints.
async function demandConsistency(
  proofSource: LogSource,
  older: OpenedCheckpoint,
  newer: OpenedCheckpoint,
  sides: { mirror: Checkpoint; source: Checkpoint },
): Promise<void> {
  try {
    await checkConsistency(proofSource, older, newer);
  } catch (error) {
    if (error instanceof VerificationError) throw forkError(sides.mirror, sides.source, error);
    throw error;
  }
}

async function readMirrorCheckpoint(
  mirror: MirrorDirectory,
  keys: TrustedKeys,
): Promise<OpenedCheckpoint | undefined> {
  const bytes = await mirror.source.get('checkpoint');
  if (bytes === undefined) return undefined;
  try {
    // The mirror's checkpoint was verified when it was written; witnesses may have changed.
    return openTrustedCheckpoint(fromUtf8(bytes), { ...keys, quorum: 0 });
  } catch (cause) {
    throw new MirrorError(
      'MIRROR_FOREIGN',
      `${mirror.source.description}/checkpoint is not this log's (wrong --key or --to?)`,
      { cause },
    );
  }
}

// Decides what to do when the mirror already has a checkpoint; undefined means "grow".
async function compare(
  run: MirrorRun,
  current: OpenedCheckpoint,
  incoming: OpenedCheckpoint,
): Promise<MirrorOutcome | undefined> {
  const mirror = current.checkpoint;
  const source = incoming.checkpoint;
  const { origin } = source;
  const sides = { mirror, source };
  if (source.size < mirror.size) {
    // A source that lags (a replica, a cached checkpoint) is fine if the mirror extends it;
    // the proof comes from the mirror's own tiles.
    await demandConsistency(run.mirror.source, incoming, current, sides);
    return { kind: 'behind', origin, source: source.size, mirror: mirror.size };
  }
  if (source.size === mirror.size) {
    if (!equalBytes(source.rootHash, mirror.rootHash)) throw forkError(mirror, source);
    if (incoming.note === current.note) return { kind: 'up-to-date', origin, size: source.size };
    // The same tree with other signatures (new witness cosignatures): publish the note.
    await run.mirror.publish(incoming.note);
    return { kind: 'recosigned', origin, size: source.size };
  }
  await demandConsistency(run.source, current, incoming, sides);
  return undefined;
}

/**
 * Brings the mirror up to the source's checkpoint. Throws VerificationError (a bad signature,
 * a fork, entries that do not match the signed root) or SourceError (the source cannot be
 * read), in both cases with the mirror unchanged.
 *
 * @example
 * const outcome = await mirrorOnce({ source: openLogSource(url), mirror, keys });
 */
export async function mirrorOnce(run: MirrorRun): Promise<MirrorOutcome> {
  const incoming = await fetchCheckpoint(run.source, run.keys);
  const current = await readMirrorCheckpoint(run.mirror, run.keys);
  const decided = current === undefined ? undefined : await compare(run, current, incoming);
  if (decided !== undefined) return decided;
  const from = current?.checkpoint;
  try {
    const edge =
      from === undefined
        ? { size: 0, partialTiles: [], partialBundle: [] }
        : await loadMirrorEdge(run.mirror.source, from);
    const fullPaths = await stageGrowth({
      source: run.source,
      mirror: run.mirror,
      edge,
      target: incoming.checkpoint,
      signal: run.signal,
    });
    for (const addition of run.additions ?? []) await addition.stage(incoming, run.mirror);
    const files = run.mirror.stagedCount + 1;
    await run.mirror.publish(incoming.note);
    await run.mirror.prunePartials(fullPaths);
    const { origin, size } = incoming.checkpoint;
    return { kind: 'grown', origin, from: from?.size ?? 0, to: size, files };
  } catch (error) {
    await run.mirror.discard();
    throw error;
  }
}
