// Storage port of consent decisions: append-only.
import type { Seal } from '../seal/sealer.ts';
import type { ConsentPurpose, ConsentRecord } from './consent.ts';

/** A decision to append; the repository assigns its version. */
export type NewConsent = Omit<ConsentRecord, 'version'>;

/** Storage of consent decisions. */
export interface ConsentRepository {
  /**
   * Appends `consent` as the next version of its subject and purpose, with its seal, in one
   * transaction. Returns the stored record; undefined when another decision took that version
   * meanwhile (the caller retries).
   */
  append(consent: NewConsent, seal: Seal): Promise<ConsentRecord | undefined>;
  /** The current (highest version) decision of `subjectRef` for `purpose`. */
  latest(subjectRef: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined>;
  /** Every decision about `subjectRef`, by purpose then version. */
  history(subjectRef: string): Promise<ConsentRecord[]>;
}
