// Worker thread of signature-pool.ts: verifies the batches it is sent and answers in kind. A
// malformed signature or key verifies as false, never as a crash of the worker.
import { createPublicKey, verify } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { VerifyRequest, VerifyResult } from './signature-pool.ts';

parentPort?.on('message', (request: VerifyRequest) => {
  let valid: boolean[];
  try {
    const key = createPublicKey({
      key: Buffer.from(request.publicKeyDer),
      format: 'der',
      type: 'spki',
    });
    valid = request.checks.map((check) => {
      try {
        return verify(null, check.message, key, check.signature);
      } catch {
        return false;
      }
    });
  } catch {
    valid = request.checks.map(() => false);
  }
  const result: VerifyResult = { id: request.id, valid };
  parentPort?.postMessage(result);
});
