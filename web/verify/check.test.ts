// The verify page's checks in Node, against a real log (the sequencer over SQLite) served by a
// fake fetch that can lie: what verifies is reported as passed, and every lie — a checkpoint
// from another key, a forged cosignature, a changed entry or tile, a policy for another log —
// is reported as failed.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { utf8 } from '../../src/ledger/bytes.ts';
import { parseCheckpointText } from '../../src/ledger/checkpoint.ts';
import type { Checkpoint } from '../../src/ledger/checkpoint.ts';
import { cosignCheckpoint } from '../../src/ledger/cosignature.ts';
import { verifierKeyOf } from '../../src/ledger/note-keys.ts';
import { appendSignatures, openNote, signNote } from '../../src/ledger/signed-note.ts';
import { parseTilePath } from '../../src/ledger/tiles.ts';
import {
  closeTestLog,
  growLog,
  newLogSigner,
  newWitnessSigner,
  openTestLog,
} from '../../test/support/witness-fixture.ts';
import { checkCheckpoint } from './check-checkpoint.ts';
import { checkRecord } from './check-record.ts';
import { FetchError } from './fetch-log.ts';
import type { LogFetch } from './fetch-log.ts';
import type { Finding } from './finding.ts';
import { translate } from './i18n/translate.ts';

const signer = newLogSigner('check.test/log');
const logKey = verifierKeyOf(signer).text;
const witness = newWitnessSigner('witness.example/w1');
const log = await openTestLog(signer);
after(() => closeTestLog(log));
const note = await growLog(log, 300);
const text = openNote(note, [verifierKeyOf(signer)]).text;
const cosigned = appendSignatures(note, [cosignCheckpoint(text, witness, 1_700_000_000)]);
const POLICY = `log ${logKey}\nwitness w1 ${verifierKeyOf(witness).text}\nquorum w1\n`;

/** The server's resources; `lie` may replace any of them (undefined: 404). */
function serve(lie: Record<string, string | Uint8Array | undefined> = {}): LogFetch {
  return async (path) => {
    if (path in lie) {
      const value = lie[path];
      return typeof value === 'string' ? utf8(value) : value;
    }
    if (path === '/api/v1/log') return utf8(JSON.stringify({ origin: signer.name, vkey: logKey }));
    if (path === '/log/policy') return utf8(POLICY);
    if (path === '/log/checkpoint') return utf8(cosigned);
    const tile = parseTilePath(path.slice('/log/'.length));
    return tile.kind === 'entries'
      ? log.reader.readBundle(tile.index, tile.width)
      : log.reader.readTile(tile.level, tile.index, tile.width);
  };
}

const summary = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.status} ${finding.key}`);
const checkpoint: Checkpoint = parseCheckpointText(text);

describe('checkCheckpoint', () => {
  it('passes a cosigned checkpoint under the policy’s keys and says which key it trusted', async () => {
    const report = await checkCheckpoint(serve());
    assert.deepEqual(summary(report.findings), [
      'info keyFromPolicy',
      'ok signatureOk',
      'ok witnessOk',
      'ok quorumMet',
    ]);
    assert.equal(report.checkpoint?.size, 300);
    const quorum = report.findings.at(-1)!;
    assert.equal(
      translate('en', quorum.key, quorum.params),
      '1 of 1 witnesses cosigned; the policy’s quorum (w1) is met.',
    );
  });

  it('fails a checkpoint signed by another key', async () => {
    const forged = signNote(text, [newLogSigner('check.test/log')]);
    const report = await checkCheckpoint(serve({ '/log/checkpoint': forged }));
    assert.deepEqual(summary(report.findings), ['info keyFromPolicy', 'fail signatureBad']);
    assert.equal(report.checkpoint, undefined);
  });

  it('does not count a cosignature by another key under the witness’s name', async () => {
    const other = newWitnessSigner('witness.example/w1');
    const forged = appendSignatures(note, [cosignCheckpoint(text, other, 1_700_000_000)]);
    const findings = (await checkCheckpoint(serve({ '/log/checkpoint': forged }))).findings;
    assert.deepEqual(summary(findings).slice(2), ['fail witnessMissing', 'fail quorumNotMet']);
  });

  it('fails a cosignature by the policy’s witness whose signature bytes were changed', async () => {
    const line = cosignCheckpoint(text, witness, 1_700_000_000);
    // Past the key ID and timestamp (12 bytes, 16 base64 characters): inside the signature.
    const at = line.lastIndexOf(' ') + 1 + 40;
    const changed = `${line.slice(0, at)}${line[at] === 'A' ? 'B' : 'A'}${line.slice(at + 1)}`;
    const lying = appendSignatures(note, [changed]);
    const findings = (await checkCheckpoint(serve({ '/log/checkpoint': lying }))).findings;
    assert.deepEqual(summary(findings).slice(1), [
      'ok signatureOk',
      'fail witnessBad',
      'fail quorumNotMet',
    ]);
  });

  it('without a policy trusts the announced key and says cosignatures were not checked', async () => {
    const report = await checkCheckpoint(serve({ '/log/policy': undefined }));
    assert.deepEqual(summary(report.findings), [
      'info keyFromServer',
      'ok signatureOk',
      'info noPolicyWitnesses',
    ]);
  });

  it('fails a policy that names no key for this log, or cannot be read', async () => {
    const otherLog = verifierKeyOf(newLogSigner('another.example/log')).text;
    const noLog = await checkCheckpoint(serve({ '/log/policy': `log ${otherLog}\nquorum none\n` }));
    assert.deepEqual(summary(noLog.findings), ['fail policyNoLog']);
    const malformed = await checkCheckpoint(serve({ '/log/policy': 'quorum\n' }));
    assert.deepEqual(summary(malformed.findings), ['fail policyBad']);
  });

  it('flags a server that announces another key than its policy', async () => {
    const other = verifierKeyOf(newLogSigner('check.test/log')).text;
    const info = JSON.stringify({ origin: signer.name, vkey: other });
    const report = await checkCheckpoint(serve({ '/api/v1/log': info }));
    assert.deepEqual(summary(report.findings).slice(0, 3), [
      'info keyFromPolicy',
      'fail keyMismatch',
      'ok signatureOk',
    ]);
  });

  it('reports what it could not fetch', async () => {
    const failing: LogFetch = async (path) => {
      if (path === '/log/checkpoint') throw new FetchError(path, 'HTTP 500');
      return serve()(path);
    };
    assert.deepEqual(summary((await checkCheckpoint(failing)).findings), ['fail fetchFailed']);
    const empty = await checkCheckpoint(serve({ '/log/checkpoint': undefined }));
    assert.deepEqual(summary(empty.findings), ['fail unexpected']);
  });
});

describe('checkRecord', () => {
  it('proves records at the edges of full and partial tiles', async () => {
    for (const index of [0, 1, 41, 255, 256, 298, 299]) {
      const findings = await checkRecord(serve(), index, checkpoint);
      assert.deepEqual(summary(findings), ['ok recordOk', 'info recordLeaf'], `record ${index}`);
    }
  });

  it('fails a changed entry, a changed tile and a missing bundle', async () => {
    const bundle = (await log.reader.readBundle(0, 256))!.slice();
    bundle[2] = bundle[2]! ^ 1;
    const changedEntry = await checkRecord(
      serve({ '/log/tile/entries/000': bundle }),
      0,
      checkpoint,
    );
    assert.deepEqual(summary(changedEntry), ['fail recordBad']);
    const tile = (await log.reader.readTile(0, 0, 256))!.slice();
    tile[40] = tile[40]! ^ 1;
    const changedTile = await checkRecord(serve({ '/log/tile/0/000': tile }), 0, checkpoint);
    assert.deepEqual(summary(changedTile), ['fail recordBad']);
    const missing = await checkRecord(serve({ '/log/tile/entries/000': undefined }), 3, checkpoint);
    assert.match(translate('en', missing[0]!.key, missing[0]!.params), /no tile\/entries\/000/);
  });

  it('refuses a record beyond the tree and any record of an empty tree', async () => {
    assert.deepEqual(summary(await checkRecord(serve(), 300, checkpoint)), ['fail recordBeyond']);
    const empty = { ...checkpoint, size: 0 };
    assert.deepEqual(summary(await checkRecord(serve(), 0, empty)), ['fail recordEmpty']);
  });
});
