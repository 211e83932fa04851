// Worker thread of passage-signatures.ts: signs the captures it was started with, in order, as
// the demo monitor's device, and posts the signatures back in runs.
import { parentPort, workerData } from 'node:worker_threads';
import { CHECKPOINT_PASSAGE, DeviceSigner } from './passage-capture.ts';
import type { SignedRun, SigningWorkerData } from './passage-signatures.ts';

/** Signatures per message: few messages, and the first ones arrive early. */
const RUN = 500;

// The structured clone of what passage-signatures.ts posts: typed by that module's contract.
const data = workerData as SigningWorkerData;
const signer = new DeviceSigner(data.deviceId, data.privateKey);

for (let from = 0; from < data.captures.length; from += RUN) {
  let run: SignedRun;
  try {
    const signatures = data.captures
      .slice(from, from + RUN)
      .map((capture) => signer.sign({ ...capture, type: CHECKPOINT_PASSAGE }));
    run = { from, signatures };
  } catch (error) {
    run = { from, error: error instanceof Error ? error.message : 'signing failed' };
  }
  parentPort?.postMessage(run);
  if (run.error !== undefined) break;
}
