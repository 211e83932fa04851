// Ed25519 verification is the largest single cost of applying a device's batch (about a quarter
// of the server's CPU under sustained load), and it is pure computation: batches of it go to
// worker threads, so the event loop keeps parsing requests and writing to the database while
// another core verifies. Small batches are verified inline, where a round trip to a worker would
// cost more than it saves.
import { verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** One signature to check. */
export interface SignatureCheck {
  message: Uint8Array;
  signature: Uint8Array;
}

/** What a worker is asked: every check is against one key (a batch comes from one device). */
export interface VerifyRequest {
  id: number;
  publicKeyDer: Uint8Array;
  checks: SignatureCheck[];
}

/** What a worker answers. */
export interface VerifyResult {
  id: number;
  valid: boolean[];
}

/** Batches smaller than this are verified on the calling thread. */
export const INLINE_BELOW = 16;

/** Verifies batches of Ed25519 signatures on worker threads. */
export class SignaturePool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, (valid: boolean[]) => void>();
  #next = 0;

  /** `size` workers (default: one per core but one, at least one). */
  constructor(size = Math.max(1, availableParallelism() - 1)) {
    const url = new URL('./signature-pool.worker.ts', import.meta.url);
    this.#workers = Array.from({ length: size }, () => {
      const worker = new Worker(url);
      worker.on('message', (result: VerifyResult) => {
        this.#pending.get(result.id)?.(result.valid);
        this.#pending.delete(result.id);
      });
      // Idle workers must not keep a finished process alive.
      worker.unref();
      return worker;
    });
  }

  /** Whether each signature verifies under `key`, in order. */
  verifyMany(key: KeyObject, checks: readonly SignatureCheck[]): Promise<boolean[]> {
    if (checks.length < INLINE_BELOW) {
      return Promise.resolve(checks.map((c) => verify(null, c.message, key, c.signature)));
    }
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length];
    if (worker === undefined) throw new Error('signature pool has no workers');
    const publicKeyDer = key.export({ format: 'der', type: 'spki' });
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      const request: VerifyRequest = { id, publicKeyDer, checks: [...checks] };
      worker.postMessage(request);
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
