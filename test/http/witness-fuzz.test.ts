// Bad input never gives a 5xx and never changes the witness's state: thousands of random and
// mutated add-checkpoint bodies against a witness that has cosigned a real log.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { toBase64 } from '../../src/ledger/bytes.ts';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { verifierKeyOf } from '../../src/ledger/note-keys.ts';
import { appendSignatures } from '../../src/ledger/signed-note.ts';
import { buildWitnessApp } from '../../src/witness/witness.app.ts';
import {
  addCheckpointBody,
  closeTestLog,
  growLog,
  newLogSigner,
  newTestWitness,
  openTestLog,
} from '../support/witness-fixture.ts';

const logSigner = newLogSigner();
const logKey = verifierKeyOf(logSigner);
const log = await openTestLog(logSigner);
const { witness, store, signer } = newTestWitness(logSigner);
const app = await buildWitnessApp({ witness });
after(async () => {
  await app.close();
  store.close();
  await closeTestLog(log);
});

const cosigned = await growLog(log, 37);
assert.equal(
  (await app.inject({ method: 'POST', url: '/add-checkpoint', payload: `old 0\n\n${cosigned}` }))
    .statusCode,
  200,
);
const next = await growLog(log, 100);
const proof = await log.reader.proveConsistency(37, 137);
const validBodies = [addCheckpointBody(37, [], cosigned), addCheckpointBody(37, proof, next)];

const mutated = (base: string) =>
  fc
    .tuple(fc.nat({ max: base.length }), fc.nat({ max: 6 }), fc.string({ maxLength: 8 }))
    .map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(at + cut));

const hashLine = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((bytes) => toBase64(bytes));
const structured = fc
  .tuple(
    fc.oneof(fc.nat(), fc.constantFrom(0, 37, 137, 138), fc.string({ maxLength: 5 })),
    fc.array(fc.oneof(hashLine, fc.constantFrom(...proof.map(toBase64))), { maxLength: 70 }),
    fc.oneof(mutated(cosigned), mutated(next), fc.string({ maxLength: 100 })),
  )
  .map(
    ([old, lines, note]) => `old ${String(old)}\n${lines.map((l) => `${l}\n`).join('')}\n${note}`,
  );

const body = fc.oneof(
  ...validBodies.map(mutated),
  structured,
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(''),
  fc.constant(`old 37\n\n${'x'.repeat(70_000)}`),
);

const ALLOWED = new Set([200, 400, 403, 404, 409, 413, 422]);

describe('witness fuzz', () => {
  it('never answers 5xx and changes its state only when it cosigns', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom(undefined, 'text/plain', 'application/json', 'x/y; charset=bogus'),
        async (payload, contentType) => {
          const before = store.latest(logSigner.name);
          const response = await app.inject({
            method: 'POST',
            url: '/add-checkpoint',
            payload,
            headers: contentType === undefined ? {} : { 'content-type': contentType },
          });
          assert.ok(ALLOWED.has(response.statusCode), `${response.statusCode} ${response.body}`);
          const after = store.latest(logSigner.name);
          if (response.statusCode !== 200) {
            assert.deepEqual(after, before);
            return;
          }
          // A mutation that left the body valid: the stored checkpoint is the one cosigned.
          accepted++;
          const note = after?.note ?? '';
          const lines = response.body.slice(0, -1).split('\n');
          const opened = openCheckpoint(appendSignatures(note, lines), {
            logKey,
            witnesses: [verifierKeyOf(signer)],
          });
          assert.equal(opened.witnesses.length, 1);
          assert.ok(opened.checkpoint.size >= (before?.size ?? 0));
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(accepted < 3000);
  });
});
