import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tempDir } from '../../test/support/temp-dir.ts';
import { utf8 } from '../ledger/bytes.ts';
import { formatCheckpointText } from '../ledger/checkpoint.ts';
import { EMPTY_ROOT, hashLeaf } from '../ledger/hash.ts';
import { rootOfLeafHashes } from '../ledger/merkle-prove.ts';
import {
  generateSignerKey,
  parseSignerKey,
  SIG_COSIGNATURE_V1,
  verifierKeyOf,
} from '../ledger/note-keys.ts';
import type { VerifierKey } from '../ledger/note-keys.ts';
import { openNote, signNote } from '../ledger/signed-note.ts';
import { isWitnessError } from './witness-error.ts';
import { SqliteWitnessStateStore } from './witness-state.sqlite.ts';
import { Witness, WitnessConfigError } from './witness.service.ts';

const ORIGIN = 'example.com/log';
const newSigner = (name = ORIGIN) => parseSignerKey(generateSignerKey(name).signerKey);
const witnessSigner = parseSignerKey(
  generateSignerKey('w.example/w', SIG_COSIGNATURE_V1).signerKey,
);
const [oldKey, newKey] = [newSigner(), newSigner()];
const text = (size: number) =>
  formatCheckpointText({
    origin: ORIGIN,
    size,
    rootHash: size === 0 ? EMPTY_ROOT : rootOfLeafHashes([hashLeaf(utf8('a'))]),
    extensions: [],
  });

function witnessOf(logs: Map<string, VerifierKey[]>, dataDir = tempDir()) {
  return new Witness({ signer: witnessSigner, logs, store: new SqliteWitnessStateStore(dataDir) });
}

describe('Witness', () => {
  it('accepts a checkpoint signed by any of the keys configured for its origin', () => {
    const logs = new Map([[ORIGIN, [verifierKeyOf(oldKey), verifierKeyOf(newKey)]]]);
    const witness = witnessOf(logs);
    const note = signNote(text(1), [newKey]);
    const cosignature = witness.addCheckpoint(utf8(`old 0\n\n${note}`));
    const opened = openNote(`${note}${cosignature}`, [witness.verifierKey]);
    assert.deepEqual(opened.verifiedBy, [witness.verifierKey]);
    const again = witness.addCheckpoint(utf8(`old 1\n\n${signNote(text(1), [oldKey])}`));
    assert.match(again, /^— w\.example\/w /);
  });

  it('refuses keys it cannot use when it is configured, never per request', () => {
    const logs = (keys: VerifierKey[]) => new Map([[ORIGIN, keys]]);
    const configs = [
      () =>
        new Witness({ signer: oldKey, logs: logs([verifierKeyOf(oldKey)]), store: fakeStore() }),
      () => witnessOf(logs([])),
      () => witnessOf(logs([verifierKeyOf(witnessSigner)])),
      () =>
        witnessOf(logs([verifierKeyOf(oldKey), { ...verifierKeyOf(newKey), keyId: oldKey.keyId }])),
    ];
    for (const config of configs) assert.throws(config, WitnessConfigError);
  });

  it('keeps its state across reopening and leaves it unchanged on refusal', () => {
    const dataDir = tempDir();
    const logs = new Map([[ORIGIN, [verifierKeyOf(oldKey)]]]);
    witnessOf(logs, dataDir).addCheckpoint(utf8(`old 0\n\n${signNote(text(0), [oldKey])}`));
    const store = new SqliteWitnessStateStore(dataDir);
    assert.equal(store.latest(ORIGIN)?.size, 0);
    const reopened = new Witness({ signer: witnessSigner, logs, store });
    reopened.addCheckpoint(utf8(`old 0\n\n${signNote(text(1), [oldKey])}`));
    assert.throws(
      () => reopened.addCheckpoint(utf8(`old 0\n\n${signNote(text(1), [oldKey])}`)),
      (error) => isWitnessError(error) && error.code === 'conflict' && error.knownSize === 1,
    );
    assert.equal(store.latest(ORIGIN)?.size, 1);
    assert.equal(store.latest('other.example/log'), undefined);
    store.close();
    store.close();
  });
});

function fakeStore() {
  return { latest: () => undefined, advance: () => undefined, close: () => undefined };
}
