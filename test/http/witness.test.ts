// The witness over HTTP (C2SP tlog-witness@v1.0.0 §add-checkpoint), fed by a real log: every
// status the spec defines, the 409 body, cosignatures that verify, serialised concurrent adds.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { fromBase64, toBase64 } from '../../src/ledger/bytes.ts';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { verifierKeyOf } from '../../src/ledger/note-keys.ts';
import { appendSignatures, signNote } from '../../src/ledger/signed-note.ts';
import { WITNESS_BODY_LIMIT, buildWitnessApp } from '../../src/witness/witness.app.ts';
import {
  addCheckpointBody,
  closeTestLog,
  growLog,
  newLogSigner,
  newTestWitness,
  newWitnessSigner,
  openTestLog,
} from '../support/witness-fixture.ts';

const logSigner = newLogSigner();
const log = await openTestLog(logSigner);
const { witness, store, signer } = newTestWitness(logSigner, { now: () => 1_700_000_000 });
const app = await buildWitnessApp({ witness });
after(async () => {
  await app.close();
  store.close();
  await closeTestLog(log);
});
const logKey = verifierKeyOf(logSigner);
const witnessKey = verifierKeyOf(signer);
const origin = logSigner.name;

function post(target: FastifyInstance, body: string | Uint8Array, contentType?: string) {
  return target.inject({
    method: 'POST',
    url: '/add-checkpoint',
    payload: typeof body === 'string' ? body : Buffer.from(body),
    headers: contentType === undefined ? {} : { 'content-type': contentType },
  });
}

/** The checkpoint note with the response's cosignature appended, verified as a client would. */
function assertCosigned(note: string, responseBody: string) {
  assert.match(responseBody, /^(— \S+ \S+\n)+$/);
  const lines = responseBody.slice(0, -1).split('\n');
  const opened = openCheckpoint(appendSignatures(note, lines), { logKey, witnesses: [witnessKey] });
  assert.deepEqual(opened.witnesses, [witnessKey]);
  assert.equal(opened.cosignedAt.get(witnessKey.text), 1_700_000_000);
  return opened.checkpoint;
}

const sizeOf = (note: string) => openCheckpoint(note, { logKey }).checkpoint.size;
const cosignedSize = () => store.latest(origin)?.size;

describe('witness add-checkpoint over HTTP', () => {
  let note = log.sequencer.checkpoint.note;

  it('cosigns the empty tree, then a first checkpoint from old size 0', async () => {
    const empty = await post(app, addCheckpointBody(0, [], note));
    assert.equal(empty.statusCode, 200, empty.body);
    assert.equal(assertCosigned(note, empty.body).size, 0);
    note = await growLog(log, 10);
    const first = await post(app, addCheckpointBody(0, [], note), 'text/plain');
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(assertCosigned(note, first.body).size, 10);
    assert.equal(cosignedSize(), 10);
    assert.equal(store.latest(origin)?.note, note);
  });

  it('cosigns a larger checkpoint with a real consistency proof, then the same one again', async () => {
    for (const count of [300, 1, 255]) {
      const old = sizeOf(note);
      const next = await growLog(log, count);
      const proof = await log.reader.proveConsistency(old, sizeOf(next));
      const response = await post(app, addCheckpointBody(old, proof, next));
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(assertCosigned(next, response.body).size, old + count);
      note = next;
    }
    const again = await post(app, addCheckpointBody(sizeOf(note), [], note));
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(cosignedSize(), 566);
  });

  it('answers 409 text/x.tlog.size with its size to a stale or unknown old size', async () => {
    const next = await growLog(log, 5);
    for (const old of [0, 10, 565, 567]) {
      const proof = old === 0 ? [] : await log.reader.proveConsistency(old, sizeOf(next));
      const response = await post(app, addCheckpointBody(old, proof, next));
      assert.equal(response.statusCode, 409, `old ${old}`);
      assert.equal(response.headers['content-type'], 'text/x.tlog.size');
      assert.equal(response.body, '566\n');
    }
    assert.equal(cosignedSize(), 566);
  });

  it('answers 422 to a proof that does not verify, and keeps its state', async () => {
    const next = await growLog(log, 3);
    const proof = await log.reader.proveConsistency(566, sizeOf(next));
    const tampered = proof.map((hash, i) => (i === 0 ? hash.map((b) => b ^ 1) : hash));
    for (const bad of [tampered, proof.slice(1), [], [...proof, proof[0]!]]) {
      const response = await post(app, addCheckpointBody(566, bad, next));
      assert.equal(response.statusCode, 422, response.body);
    }
    assert.equal(store.latest(origin)?.note, note);
    const good = await post(app, addCheckpointBody(566, proof, next));
    assert.equal(good.statusCode, 200, good.body);
    note = next;
  });

  it('answers 404 to an unknown origin and 403 without a valid signature of the log', async () => {
    const size = sizeOf(note);
    const text = openCheckpoint(note, { logKey }).text;
    const stranger = newLogSigner('other.example/log');
    const otherText = text.replace(origin, 'other.example/log');
    const unknown = await post(app, addCheckpointBody(size, [], signNote(otherText, [stranger])));
    assert.equal(unknown.statusCode, 404, unknown.body);
    // Same origin, another key: the signature is from an unknown key and is ignored.
    const impostor = await post(app, addCheckpointBody(size, [], signNote(text, [newLogSigner()])));
    assert.equal(impostor.statusCode, 403, impostor.body);
    // The log's own key name and ID, but a signature that fails.
    const [head, signature = ''] = note.split(`— ${origin} `);
    const bytes = fromBase64(signature.trim());
    bytes[10]! ^= 1;
    const forged = `${head!}— ${origin} ${toBase64(bytes)}\n`;
    const badSignature = await post(app, addCheckpointBody(size, [], forged));
    assert.equal(badSignature.statusCode, 403, badSignature.body);
    assert.equal(store.latest(origin)?.note, note);
  });

  it('ignores signatures of unknown keys beside the log signature', async () => {
    const other = newWitnessSigner('other.example/witness');
    const text = openCheckpoint(note, { logKey }).text;
    const withOthers = appendSignatures(signNote(text, [logSigner, newLogSigner()]), [
      `— ${other.name} ${toBase64(new Uint8Array(76))}`,
    ]);
    const response = await post(app, addCheckpointBody(sizeOf(note), [], withOthers));
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(store.latest(origin)?.note, withOthers);
    note = withOthers;
  });

  it('answers 400 to malformed bodies and to an old size above the checkpoint size', async () => {
    const size = sizeOf(note);
    const bodies: (string | Uint8Array)[] = [
      '',
      `old ${size}\n${note}`,
      `old 0${size}\n\n${note}`,
      `old ${size}\nnot-base64\n\n${note}`,
      `old ${size}\n\nnot a note\n`,
      `old ${size}\n\n${openCheckpoint(note, { logKey }).text}\n`,
      `old ${size}\n\n${note.replace('\n\n', '\n\n\n')}`,
      Uint8Array.of(0xff, 0xfe),
      addCheckpointBody(size + 1, [], note),
    ];
    for (const body of bodies) {
      const response = await post(app, body, 'application/octet-stream');
      assert.equal(response.statusCode, 400, `${String(body)} → ${response.body}`);
    }
    assert.equal(store.latest(origin)?.note, note);
  });

  it('refuses bodies over the limit with 413 and other routes with 404, with security headers', async () => {
    const huge = await post(app, `old 0\n\n${'a'.repeat(WITNESS_BODY_LIMIT)}`);
    assert.equal(huge.statusCode, 413);
    const get = await app.inject({ method: 'GET', url: '/add-checkpoint' });
    assert.equal(get.statusCode, 404);
    assert.equal(get.headers['x-content-type-options'], 'nosniff');
    const noType = await app.inject({
      method: 'POST',
      url: '/add-checkpoint',
      payload: Buffer.from(addCheckpointBody(sizeOf(note), [], note)),
    });
    assert.equal(noType.statusCode, 200, noType.body);
  });

  it('lets only one of two concurrent adds from the same old size succeed', async () => {
    const old = sizeOf(note);
    const first = await growLog(log, 7);
    const second = await growLog(log, 9);
    const bodies = await Promise.all(
      [first, second].map(async (next) =>
        addCheckpointBody(old, await log.reader.proveConsistency(old, sizeOf(next)), next),
      ),
    );
    const server = await buildWitnessApp({ witness });
    const url = `${await server.listen({ port: 0, host: '127.0.0.1' })}/add-checkpoint`;
    try {
      const responses = await Promise.all(
        [...bodies, ...bodies].map((body) => fetch(url, { method: 'POST', body })),
      );
      const statuses = responses.map((response) => response.status).sort();
      assert.deepEqual(statuses, [200, 409, 409, 409]);
      assert.ok([old + 7, old + 16].includes(cosignedSize() ?? -1));
    } finally {
      await server.close();
    }
  });
});
