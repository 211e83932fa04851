// Which of a witness's answer lines the log may serve: only cosignatures by the configured
// witness key, each verified over the very checkpoint submitted (C2SP tlog-witness §add-checkpoint:
// the client MUST ignore cosignatures from unknown keys and MAY verify by appending the lines).
import { openCheckpoint } from '../../ledger/checkpoint.ts';
import { isLedgerError } from '../../ledger/ledger-error.ts';
import type { VerifierKey } from '../../ledger/note-keys.ts';
import { appendSignatures, parseNote } from '../../ledger/signed-note.ts';
import { WitnessRequestError } from './add-checkpoint.client.ts';

/** What a witness answered about one checkpoint, and the keys to check it with. */
export interface WitnessAnswer {
  /** The log-signed checkpoint note that was submitted. */
  note: string;
  logKey: VerifierKey;
  witnessKey: VerifierKey;
  /** The answer's signature lines, without their newline, untrusted. */
  lines: readonly string[];
}

/**
 * Returns the answer's lines signed by the witness key (by name and key ID), after verifying
 * every one of them as a cosignature/v1 over the checkpoint. Lines by other keys are dropped.
 * Throws WitnessRequestError when a line is malformed, when one of the witness's lines does not
 * verify, or when none is by the witness.
 *
 * @example const lines = ownCosignatures({ note, logKey, witnessKey, lines: answer.lines })
 */
export function ownCosignatures(answer: WitnessAnswer): string[] {
  const { note, logKey, witnessKey } = answer;
  try {
    const own = answer.lines.filter((line) => {
      // A note with a one-line text parses a lone signature line, strictly.
      const [signature] = parseNote(`-\n\n${line}\n`).signatures;
      return signature?.name === witnessKey.name && signature.keyId === witnessKey.keyId;
    });
    if (own.length === 0) {
      throw new WitnessRequestError(`the answer holds no cosignature by ${witnessKey.name}`);
    }
    const opened = openCheckpoint(appendSignatures(note, own), { logKey, witnesses: [witnessKey] });
    if (!opened.witnesses.includes(witnessKey)) {
      throw new WitnessRequestError(`no cosignature by ${witnessKey.name} verified`);
    }
    return own;
  } catch (error) {
    if (!isLedgerError(error)) throw error;
    throw new WitnessRequestError(`cosignature by ${witnessKey.name}: ${error.message}`, {
      cause: error,
    });
  }
}
