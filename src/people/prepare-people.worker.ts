// Worker thread of prepare-people.ts: prepares the slices it is sent with the preparation keys
// it was started with (the data-key wrap key and the blind index keys, never the master key).
// The people it receives were parsed by the vault before any was sent: a structured clone of
// parsed inputs from this process, so they are not parsed twice.
import { parentPort, workerData } from 'node:worker_threads';
import { PreparationKeyring } from './keyring.ts';
import { BlindIndexer, preparePerson } from './person-record.ts';
import type { PreparationWorkerData, SliceRequest, SliceResult } from './prepare-people.ts';

// The structured clone of what prepare-people.ts posts: typed by that module's contract.
const data = workerData as PreparationWorkerData;
const keyring = new PreparationKeyring(data.keys);
const context = { createdAt: data.createdAt, indexer: new BlindIndexer(keyring) };

parentPort?.on('message', (request: SliceRequest) => {
  let result: SliceResult;
  try {
    const prepared = request.people.map((input) => preparePerson(keyring, input, context));
    result = { slice: request.slice, prepared };
  } catch (error) {
    result = { slice: request.slice, error: error instanceof Error ? error.message : 'failed' };
  }
  parentPort?.postMessage(result);
});
