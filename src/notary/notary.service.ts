// The notary: a partner submits the SHA-256 of their own evidence (never the evidence) and gets
// back a C2SP tlog-proof that the mission's log held that hash at a signed checkpoint. The proof's
// `extra` line carries the exact entry bytes, so the receipt verifies offline on its own.
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/roles.ts';
import { encodeLogEntry } from '../ledger/log-entry.ts';
import { formatTlogProof } from '../ledger/tlog-proof.ts';
import type { AppendReceipt } from '../log/sequencer.ts';

/** Entry kind of a notarised hash. Public: it carries only the hash. */
export const NOTARY_ENTRY_KIND = 'notary.hash';

/** What the notary needs from the log. */
export interface NotaryLog {
  append(entry: Uint8Array): Promise<AppendReceipt>;
  proveInclusion(index: number, size: number): Promise<Uint8Array[]>;
}

/** A receipt: the entry's index, the signed checkpoint and the tlog-proof text. */
export interface NotaryReceipt {
  index: number;
  checkpoint: string;
  proof: string;
}

/** Notarises hashes for partners. */
export class NotaryService {
  readonly #log: NotaryLog;
  readonly #now: () => Date;

  constructor(log: NotaryLog, now: () => Date = () => new Date()) {
    this.#log = log;
    this.#now = now;
  }

  /**
   * Logs `sha256` (64 lowercase hex digits, already validated) and returns its receipt once
   * the checkpoint covering it is durable. The partner's identity is not logged: the entry
   * is public, and who submitted what is the partner's own business.
   */
  async notarise(_principal: Principal, sha256: string): Promise<NotaryReceipt> {
    const entry = encodeLogEntry({
      kind: NOTARY_ENTRY_KIND,
      id: randomUUID(),
      version: 1,
      at: this.#now().toISOString(),
      body: { sha256 },
    });
    const { index, checkpoint } = await this.#log.append(entry);
    const proof = await this.#log.proveInclusion(index, checkpoint.size);
    return {
      index,
      checkpoint: checkpoint.note,
      proof: formatTlogProof({ extra: entry, index, proof, checkpoint: checkpoint.note }),
    };
  }
}
