// What every use case of the passage domain may need, built once in the composition root
// (src/server/open-vigil.ts). A service takes the parts it uses; nothing here is global.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AlertSink } from '../alerts/alert.service.ts';
import type { Keyring } from '../people/keyring.ts';
import type { IdentityVault } from '../people/identity-vault.service.ts';
import type { Sealer } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import type { CaptureHandler } from '../sync/capture-handler.ts';

/** The collaborators of the passage services. */
export interface PassageContext {
  db: Kysely<Database>;
  sealer: Sealer;
  vault: IdentityVault;
  /** Pseudonyms, plate HMACs and blind indexes (keys derived from the master key). */
  keyring: Keyring;
  alerts: AlertSink;
  now: () => Date;
  /** For unexpected failures of background work; never given record content. */
  logError: (error: unknown, what: string) => void;
  /** The data directory (files kept beside the database: evidence); set by the server. */
  dataDir?: string;
  /** Largest evidence upload in bytes (VigilOptions.evidenceUploadLimit); default 200 MB. */
  evidenceUploadLimit?: number;
  /** Inclusion proofs of the log, for the tlog-proofs of published items; set by the server. */
  logProofs?: LogProofSource;
}

/** The log's latest checkpoint and inclusion proofs under it (a LogReader and the sequencer). */
export interface LogProofSource {
  checkpoint(): { size: number; note: string };
  proveInclusion(index: number, size: number): Promise<Uint8Array[]>;
}

/**
 * One slice of the passage domain (registry, field captures, oversight): its HTTP routes, the
 * capture types it applies from devices' sync batches, and its background work.
 */
export interface PassageModule {
  registerRoutes?(app: FastifyInstance, context: PassageContext): void;
  captureHandlers?(context: PassageContext): Readonly<Record<string, CaptureHandler>>;
  /** Starts background work (scans, schedules); returns the function that stops it. */
  start?(context: PassageContext): () => Promise<void>;
}
