// The independent verifier, run as a separate process exactly as an auditor would run it,
// against a live server over HTTP and against a static export on disk.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatCheckpointText } from '../../src/ledger/checkpoint.ts';
import { cosignCheckpoint } from '../../src/ledger/cosignature.ts';
import { parseNote, signNote } from '../../src/ledger/signed-note.ts';
import {
  parseSignerKey,
  parseVerifierKey,
  SIG_COSIGNATURE_V1,
} from '../../src/ledger/note-keys.ts';
import { readLogSigner } from '../../src/log/log-signer.file.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const work = tempDir();
const { vigil, dataDir, partnerToken } = await openTestVigil({ backgroundJobs: false });
const notarise = (i: number) =>
  vigil.app.inject({
    method: 'POST',
    url: '/api/v1/notary',
    headers: { authorization: `Bearer ${partnerToken}` },
    payload: { sha256: i.toString(16).padStart(64, '0') },
  });
let lastReceipt = '';
for (let i = 0; i < 300; i++) {
  const response = await notarise(i);
  assert.equal(response.statusCode, 200);
  lastReceipt = response.json<{ proof: string }>().proof;
}
const url = await vigil.app.listen({ port: 0, host: '127.0.0.1' });
const logUrl = `${url}/log`;
const vkey = vigil.verifierKey;
const exported = join(work, 'export');

describe('vigil keygen, log vkey, token create', () => {
  it('writes a private signer key and prints its verifier key', async () => {
    const out = join(work, 'log.key');
    const result = await runVigil(['keygen', 'example.org/log', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    const signer = parseSignerKey(readFileSync(out, 'utf8').trim());
    assert.equal(parseVerifierKey(result.stdout.trim()).keyId, signer.keyId);
    assert.equal(
      (await runVigil(['keygen', 'example.org/log', '--out', out])).code,
      2,
      'never overwrites',
    );
  });

  it('makes witness keys of the cosignature type', async () => {
    const result = await runVigil([
      'keygen',
      'witness.example',
      '--witness',
      '--out',
      join(work, 'w.key'),
    ]);
    assert.equal(parseVerifierKey(result.stdout.trim()).type, SIG_COSIGNATURE_V1);
  });

  it("prints the log's verifier key from the data directory", async () => {
    const result = await runVigil(['log', 'vkey', '--data', dataDir]);
    assert.equal(result.stdout.trim(), vkey);
  });

  it('creates a token that the server accepts, printed as the last line', async () => {
    const result = await runVigil([
      'token',
      'create',
      '--data',
      dataDir,
      '--role',
      'partner',
      '--name',
      'Press NGO',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const token = result.stdout.trim().split('\n').at(-1)!;
    const principal = await vigil.tokens.authenticate(token);
    assert.equal(principal.name, 'Press NGO');
    assert.equal(
      (await runVigil(['token', 'create', '--data', dataDir, '--role', 'king', '--name', 'x']))
        .code,
      2,
    );
  });
});

describe('vigil verify log', () => {
  it('verifies a live log over HTTP, in full, and records the checkpoint it accepted', async () => {
    const state = join(work, 'state');
    const first = await runVigil([
      'verify',
      'log',
      logUrl,
      '--key',
      vkey,
      '--full',
      '--state',
      state,
    ]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /re-hashed all 300 entries/);
    await notarise(1000);
    const second = await runVigil(['verify', 'log', logUrl, '--key', vkey, '--state', state]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /consistent with the saved checkpoint of size 300/);
    assert.match(readFileSync(state, 'utf8'), /\n301\n/);
  });

  it('verifies a static export on disk', async () => {
    const exportRun = await runVigil(['log', 'export', '--data', dataDir, '--out', exported]);
    assert.equal(exportRun.code, 0, exportRun.stderr);
    const result = await runVigil(['verify', 'log', exported, '--key', vkey, '--full']);
    assert.equal(result.code, 0, result.stderr);
  });

  it('fails with exit 1 naming the signature when the key is not the log’s', async () => {
    const other = (
      await runVigil(['keygen', 'test.example/log', '--out', join(work, 'other.key')])
    ).stdout.trim();
    const result = await runVigil(['verify', 'log', logUrl, '--key', other]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /FAILED signature/);
  });

  it('fails with exit 1 naming the tile whose hashes were altered', async () => {
    const tampered = join(work, 'tampered');
    await runVigil(['log', 'export', '--data', dataDir, '--out', tampered]);
    const tile = join(tampered, 'tile', '0', '000');
    const bytes = readFileSync(tile);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(tile, bytes);
    const result = await runVigil(['verify', 'log', tampered, '--key', vkey, '--full']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /FAILED tile tile\/0\/000/);
  });

  it('fails with exit 1 naming the entries when a bundle was altered', async () => {
    const tampered = join(work, 'tampered-bundle');
    await runVigil(['log', 'export', '--data', dataDir, '--out', tampered]);
    const bundle = join(tampered, 'tile', 'entries', '000');
    writeFileSync(bundle, readFileSync(bundle).subarray(0, 500));
    const result = await runVigil(['verify', 'log', tampered, '--key', vkey, '--full']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /FAILED entries tile\/entries\/000/);
  });

  it('detects a split view: a checkpoint of another tree signed with the same key', async () => {
    const signer = readLogSigner(dataDir);
    const fork = signNote(
      formatCheckpointText({
        origin: signer.name,
        size: 10,
        rootHash: new Uint8Array(32).fill(7),
        extensions: [],
      }),
      [signer],
    );
    const state = join(work, 'forked-state');
    writeFileSync(state, fork);
    const result = await runVigil(['verify', 'log', logUrl, '--key', vkey, '--state', state]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /FAILED consistency: 10 → 301/);
    assert.equal(readFileSync(state, 'utf8'), fork, 'a rejected checkpoint is not recorded');
  });

  it('enforces a witness quorum', async () => {
    const witnessKey = join(work, 'witness.key');
    const witnessVkey = (
      await runVigil(['keygen', 'w1.example', '--witness', '--out', witnessKey])
    ).stdout.trim();
    const witness = parseSignerKey(readFileSync(witnessKey, 'utf8').trim());
    const checkpointFile = join(exported, 'checkpoint');
    const note = readFileSync(checkpointFile, 'utf8');
    const cosignature = cosignCheckpoint(
      parseNote(note).text,
      witness,
      Math.floor(Date.now() / 1000),
    );
    writeFileSync(checkpointFile, `${note}${cosignature}\n`);
    const ok = await runVigil([
      'verify',
      'log',
      exported,
      '--key',
      vkey,
      '--key',
      witnessVkey,
      '--quorum',
      '1',
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /witnesses: w1\.example/);
    const short = await runVigil([
      'verify',
      'log',
      exported,
      '--key',
      vkey,
      '--key',
      witnessVkey,
      '--quorum',
      '2',
    ]);
    assert.equal(short.code, 1);
    assert.match(short.stderr, /FAILED quorum: 1 of the required 2/);
  });

  it('exits 2 on usage and I/O errors', async () => {
    assert.equal((await runVigil(['verify', 'log', join(work, 'missing'), '--key', vkey])).code, 2);
    assert.equal((await runVigil(['verify', 'log', logUrl, '--key', 'not-a-key'])).code, 2);
    assert.equal((await runVigil(['verify', 'log', logUrl])).code, 2);
    assert.equal(
      (await runVigil(['verify', 'log', 'http://127.0.0.1:1/log', '--key', vkey])).code,
      2,
    );
    assert.equal((await runVigil(['frobnicate'])).code, 2);
  });
});

describe('vigil verify note and verify proof', () => {
  it('verifies a signed note and rejects it under another key', async () => {
    const file = join(work, 'checkpoint.note');
    writeFileSync(file, vigil.sequencer.checkpoint.note);
    const ok = await runVigil(['verify', 'note', '--key', vkey, file]);
    assert.equal(ok.code, 0, ok.stderr);
    const other = (
      await runVigil(['keygen', 'someone.example', '--out', join(work, 'someone.key')])
    ).stdout.trim();
    const bad = await runVigil(['verify', 'note', '--key', other, file]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /FAILED signature/);
  });

  it('verifies a notary receipt offline, and fails for any other entry', async () => {
    const file = join(work, 'receipt.tlog-proof');
    writeFileSync(file, lastReceipt);
    const ok = await runVigil(['verify', 'proof', file, '--key', vkey]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^OK entry 299 /);
    const forged = join(work, 'forged-entry');
    writeFileSync(forged, '{"kind":"notary.hash"}');
    const bad = await runVigil(['verify', 'proof', file, '--key', vkey, '--entry', forged]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /FAILED inclusion/);
    const garbled = join(work, 'garbled.tlog-proof');
    writeFileSync(garbled, lastReceipt.replace('index 299', 'index x'));
    assert.equal((await runVigil(['verify', 'proof', garbled, '--key', vkey])).code, 1);
  });
});
