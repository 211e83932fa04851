// A C2SP tlog-witness: cosigns a log's checkpoint once it has checked that the checkpoint is
// signed by the log and consistent with the latest one it cosigned for that log.
import { parseCheckpointText } from '../ledger/checkpoint.ts';
import type { Checkpoint } from '../ledger/checkpoint.ts';
import { cosignCheckpoint } from '../ledger/cosignature.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { SIG_COSIGNATURE_V1, SIG_ED25519, verifierKeyOf } from '../ledger/note-keys.ts';
import type { SignerKey, VerifierKey } from '../ledger/note-keys.ts';
import { openNote, parseNote } from '../ledger/signed-note.ts';
import { parseAddCheckpointRequest } from './add-checkpoint-request.ts';
import { WitnessError } from './witness-error.ts';
import { checkAdvance } from './witness-rules.ts';
import type { WitnessStateStore } from './witness-state.port.ts';

/** What a witness needs: its key, the logs it witnesses and where it keeps their state. */
export interface WitnessOptions {
  /** The witness's cosignature/v1 (type 0x04) signer key; its name is the witness's name. */
  signer: SignerKey;
  /** Origin line → the Ed25519 (type 0x01) keys the log signs its checkpoints with. */
  logs: ReadonlyMap<string, readonly VerifierKey[]>;
  store: WitnessStateStore;
  /** Seconds since the Epoch, for the cosignature timestamp. */
  now?: () => number;
}

/**
 * The add-checkpoint use case (C2SP tlog-witness@v1.0.0 §add-checkpoint). Refusals are thrown as
 * WitnessError; see witness-rules.ts for the order of the checks after the signature.
 *
 * @example new Witness({ signer, logs: new Map([[origin, [logKey]]]), store }).addCheckpoint(body)
 */
export class Witness {
  readonly #options: WitnessOptions;
  readonly #now: () => number;

  /** Throws WitnessConfigError for a signer or log key of the wrong type, or colliding keys. */
  constructor(options: WitnessOptions) {
    if (options.signer.type !== SIG_COSIGNATURE_V1) {
      throw new WitnessConfigError(`${options.signer.name} is not a cosignature/v1 key`);
    }
    for (const [origin, keys] of options.logs) checkLogKeys(origin, keys);
    this.#options = options;
    this.#now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  /** The key that verifies this witness's cosignatures. */
  get verifierKey(): VerifierKey {
    return verifierKeyOf(this.#options.signer);
  }

  /**
   * Checks the request `body`, durably records its checkpoint as the latest cosigned one for
   * its log, and returns the response body: one cosignature line, newline-terminated.
   */
  addCheckpoint(body: Uint8Array): string {
    const { oldSize, proof, note } = parseAddCheckpointRequest(body);
    const { checkpoint, text } = this.#openCheckpoint(note);
    const next = { size: checkpoint.size, rootHash: checkpoint.rootHash, note };
    this.#options.store.advance(checkpoint.origin, next, (current) => {
      checkAdvance(current, { oldSize, proof, checkpoint });
    });
    return `${cosignCheckpoint(text, this.#options.signer, this.#now())}\n`;
  }

  /** Parses the note (400), finds its log (404) and verifies the log's signature (403). */
  #openCheckpoint(note: string): { checkpoint: Checkpoint; text: string } {
    let checkpoint: Checkpoint;
    try {
      checkpoint = parseCheckpointText(parseNote(note).text);
    } catch (error) {
      if (!isLedgerError(error)) throw error;
      throw new WitnessError('malformed_request', error.message);
    }
    const keys = this.#options.logs.get(checkpoint.origin);
    if (keys === undefined) throw new WitnessError('unknown_log', 'unknown origin');
    try {
      // Signatures by other keys (earlier cosignatures, other witnesses) are ignored.
      return { checkpoint, text: openNote(note, keys).text };
    } catch (error) {
      if (isLedgerError(error, 'UNKNOWN_KEY') || isLedgerError(error, 'BAD_SIGNATURE')) {
        throw new WitnessError('bad_signature', error.message);
      }
      throw error;
    }
  }
}

/** A witness configured with keys it cannot use (reported at start-up, never per request). */
export class WitnessConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WitnessConfigError';
  }
}

function checkLogKeys(origin: string, keys: readonly VerifierKey[]): void {
  if (keys.length === 0) throw new WitnessConfigError(`log ${origin} has no key`);
  const seen = new Map<string, string>();
  for (const key of keys) {
    if (key.type !== SIG_ED25519) {
      throw new WitnessConfigError(`log ${origin}: ${key.text} is not an Ed25519 log key`);
    }
    // openNote refuses two different keys with one (name, key ID); refuse them here, once.
    const id = `${key.keyId} ${key.name}`;
    const previous = seen.get(id);
    if (previous !== undefined && previous !== key.text) {
      throw new WitnessConfigError(`log ${origin}: keys ${previous} and ${key.text} collide`);
    }
    seen.set(id, key.text);
  }
}
