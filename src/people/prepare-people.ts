// Preparing people for a bulk store: encrypting every field and computing the blind indexes
// costs more CPU than writing the rows (seven AES-GCM operations per person), so a large batch
// is prepared in worker threads while the main thread seals and inserts the slices already
// prepared. Small batches are prepared in line: a worker takes a few hundred ms to start.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PreparationKeyring, PreparationKeys } from './keyring.ts';
import { BlindIndexer, preparePerson } from './person-record.ts';
import type { PersonInput, PreparedPerson } from './person-record.ts';

/** Batches from this size are prepared in worker threads. */
export const WORKER_THRESHOLD = 5_000;

/** Slices prepared ahead of the one being stored, per worker (bounds memory). */
const AHEAD_PER_WORKER = 4;

/** What the worker is started with. */
export interface PreparationWorkerData {
  keys: PreparationKeys;
  createdAt: string;
}

/** A slice sent to a worker, and its answer. */
export interface SliceRequest {
  slice: number;
  people: readonly PersonInput[];
}

/** A worker's answer: the prepared slice, or why it failed. */
export interface SliceResult {
  slice: number;
  prepared?: PreparedPerson[];
  error?: string;
}

/** How to prepare a batch. */
export interface PreparationOptions {
  keyring: PreparationKeyring;
  createdAt: string;
  sliceSize: number;
  /** Batches of at least this many people use worker threads (default WORKER_THRESHOLD). */
  workerThreshold?: number;
}

/** The prepared people of `people` (already parsed), slice by slice, in input order. */
export function preparedSlices(
  people: readonly PersonInput[],
  options: PreparationOptions,
): AsyncGenerator<PreparedPerson[]> {
  return people.length >= (options.workerThreshold ?? WORKER_THRESHOLD)
    ? prepareInWorkers(people, options)
    : prepareInLine(people, options);
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator by contract
async function* prepareInLine(
  people: readonly PersonInput[],
  options: PreparationOptions,
): AsyncGenerator<PreparedPerson[]> {
  const context = { createdAt: options.createdAt, indexer: new BlindIndexer(options.keyring) };
  for (let start = 0; start < people.length; start += options.sliceSize) {
    const slice = people.slice(start, start + options.sliceSize);
    yield slice.map((input) => preparePerson(options.keyring, input, context));
  }
}

async function* prepareInWorkers(
  people: readonly PersonInput[],
  options: PreparationOptions,
): AsyncGenerator<PreparedPerson[]> {
  const sliceCount = Math.ceil(people.length / options.sliceSize);
  // One core stays with the main thread, which seals and inserts meanwhile.
  const workerCount = Math.max(1, Math.min(4, availableParallelism() - 1, sliceCount));
  const workerData: PreparationWorkerData = {
    keys: options.keyring.keys,
    createdAt: options.createdAt,
  };
  const url = new URL('./prepare-people.worker.ts', import.meta.url);
  const workers = Array.from({ length: workerCount }, () => new Worker(url, { workerData }));
  const results = new ResultQueue(workers);
  let sent = 0;
  const send = (): void => {
    const start = sent * options.sliceSize;
    const request: SliceRequest = {
      slice: sent,
      people: people.slice(start, start + options.sliceSize),
    };
    workers[sent % workerCount]?.postMessage(request);
    sent += 1;
  };
  try {
    while (sent < Math.min(sliceCount, workerCount * AHEAD_PER_WORKER)) send();
    for (let slice = 0; slice < sliceCount; slice++) {
      const prepared = await results.take(slice);
      if (sent < sliceCount) send();
      yield prepared;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Answers from the workers, taken in slice order whatever order they arrive in. */
class ResultQueue {
  readonly #ready = new Map<number, PreparedPerson[]>();
  #failure: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(workers: readonly Worker[]) {
    for (const worker of workers) {
      worker.on('message', (result: SliceResult) => {
        if (result.prepared === undefined) {
          this.#fail(
            new Error(`preparing slice ${String(result.slice)} failed: ${result.error ?? '?'}`),
          );
        } else {
          this.#ready.set(result.slice, result.prepared);
          this.#wake?.();
        }
      });
      worker.on('error', (error: Error) => {
        this.#fail(error);
      });
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(new Error(`a preparation worker exited with ${String(code)}`));
      });
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#wake?.();
  }

  async take(slice: number): Promise<PreparedPerson[]> {
    for (;;) {
      const prepared = this.#ready.get(slice);
      if (prepared !== undefined) {
        this.#ready.delete(slice);
        return prepared;
      }
      if (this.#failure !== undefined) throw this.#failure;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }
}
