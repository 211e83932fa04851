// Device signatures of every checkpoint passage of the scenario, made on the side: an Ed25519
// signature over a capture's canonical JSON costs about 0.1 ms, 4 s for the 41,000 passages of
// the full scenario, so a worker thread signs them all (in scenario order) while the main thread
// loads the events, and the loader takes each signature when it writes the passage's batch.
// Small scenarios are signed in line: a worker takes longer to start than they take to sign.
import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario.types.ts';
import type { LoadPlan } from './load-plan.ts';
import { CHECKPOINT_PASSAGE, passagePayload } from './passage-capture.ts';
import type { DeviceSigner } from './passage-capture.ts';
import type { PassagePayload } from './passage-capture.ts';

/** Passages from which a worker thread signs. */
export const SIGNING_WORKER_THRESHOLD = 2_000;

/** One capture to sign. */
export interface CaptureToSign {
  id: string;
  capturedAt: string;
  payload: PassagePayload;
}

/** What the signing worker is started with. */
export interface SigningWorkerData {
  deviceId: string;
  privateKey: KeyObject;
  captures: readonly CaptureToSign[];
}

/** A run of signatures from the worker (in capture order), or why it failed. */
export interface SignedRun {
  from: number;
  signatures?: string[];
  error?: string;
}

/**
 * Every passage capture of the scenario, in event order: the journeys of those who passed on
 * (each person's journey id is fixed when they are listed), and whether anyone aboard had been
 * taken aside at that place before.
 */
export function passageCaptures(scenario: Scenario, plan: LoadPlan): CaptureToSign[] {
  const secondary = new Set<string>();
  const captures: CaptureToSign[] = [];
  for (const event of scenario.events) {
    if (event.type === 'held') secondary.add(`${event.journeyId} ${event.placeId}`);
    if (event.type !== 'checkpoint_passage') continue;
    const journeyIds = event.personIds.map((personId) => plan.listed.get(personId)?.id ?? '');
    const hadSecondary = secondary.has(`${event.journeyId} ${event.placeId}`);
    const payload = passagePayload(event, journeyIds, hadSecondary);
    captures.push({ id: event.id, capturedAt: event.at, payload });
  }
  return captures;
}

/** The signatures of a list of captures, by capture id, as they become ready. */
export class PassageSignatures {
  readonly #signer: DeviceSigner;
  readonly #captures: readonly CaptureToSign[];
  readonly #index = new Map<string, number>();
  readonly #ready: string[] = [];
  #started = false;
  #worker: Worker | undefined;
  #failure: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(signer: DeviceSigner, captures: readonly CaptureToSign[]) {
    this.#signer = signer;
    this.#captures = captures;
    captures.forEach((capture, i) => this.#index.set(capture.id, i));
  }

  /** Starts signing (in line for a few captures; else in a worker thread). Idempotent. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const signer = this.#signer;
    const captures = this.#captures;
    if (captures.length < SIGNING_WORKER_THRESHOLD) {
      for (const capture of captures) {
        this.#ready.push(signer.sign({ ...capture, type: CHECKPOINT_PASSAGE }));
      }
      return;
    }
    const workerData: SigningWorkerData = {
      deviceId: signer.deviceId,
      privateKey: signer.privateKey,
      captures,
    };
    const worker = new Worker(new URL('./passage-signing.worker.ts', import.meta.url), {
      workerData,
    });
    worker.on('message', (run: SignedRun) => {
      if (run.signatures === undefined) this.#fail(new Error(run.error ?? 'signing failed'));
      else this.#ready.push(...run.signatures);
      this.#wake?.();
    });
    worker.on('error', (error: Error) => {
      this.#fail(error);
    });
    this.#worker = worker;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#wake?.();
  }

  /** The signature of capture `id`, waiting for the worker if it is not there yet. */
  async signatureOf(id: string): Promise<string> {
    const index = this.#index.get(id);
    if (index === undefined) throw new RangeError(`no capture ${id} to sign`);
    this.start();
    for (;;) {
      const signature = this.#ready[index];
      if (signature !== undefined) return signature;
      if (this.#failure !== undefined) throw this.#failure;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  /** Stops the worker (it has normally finished by then). */
  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}
