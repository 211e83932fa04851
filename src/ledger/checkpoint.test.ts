import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { fromBase64 } from './bytes.ts';
import { formatCheckpointText, openCheckpoint, parseCheckpointText } from './checkpoint.ts';
import type { Checkpoint } from './checkpoint.ts';
import { cosignCheckpoint } from './cosignature.ts';
import { SIG_COSIGNATURE_V1, SIG_ED25519, keyIdFor, verifierKeyOf } from './note-keys.ts';
import type { SignerKey } from './note-keys.ts';
import { appendSignatures, signNote } from './signed-note.ts';

// C2SP tlog-checkpoint, the example note text.
const SPEC_TEXT =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ROOT = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';

const malformed = { name: 'LedgerError', code: 'MALFORMED_CHECKPOINT' };
const invalidArgument = { name: 'LedgerError', code: 'INVALID_ARGUMENT' };

function signerOf(name: string, seed: number, type = SIG_ED25519): SignerKey {
  const secretKey = new Uint8Array(32).fill(seed);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { name, keyId: keyIdFor(name, type, publicKey), type, secretKey, publicKey };
}

const log = signerOf('example.com/behind-the-sofa', 1);
const logKey = verifierKeyOf(log);
const w1 = signerOf('w1.example', 2, SIG_COSIGNATURE_V1);
const w2 = signerOf('w2.example', 3, SIG_COSIGNATURE_V1);
const w1Key = verifierKeyOf(w1);
const w2Key = verifierKeyOf(w2);

describe('parseCheckpointText', () => {
  it('parses the tlog-checkpoint example', () => {
    const cp = parseCheckpointText(SPEC_TEXT);
    assert.equal(cp.origin, 'example.com/behind-the-sofa');
    assert.equal(cp.size, 20852163);
    assert.deepEqual(cp.rootHash, fromBase64(ROOT));
    assert.deepEqual(cp.extensions, []);
  });

  it('keeps extension lines', () => {
    const cp = parseCheckpointText(`${SPEC_TEXT}ext one\n— two\n`);
    assert.deepEqual(cp.extensions, ['ext one', '— two']);
  });

  it('accepts size 0 and Number.MAX_SAFE_INTEGER', () => {
    assert.equal(parseCheckpointText(`o\n0\n${ROOT}\n`).size, 0);
    const max = parseCheckpointText(`o\n9007199254740991\n${ROOT}\n`);
    assert.equal(max.size, Number.MAX_SAFE_INTEGER);
  });

  it('rejects malformed checkpoint texts', () => {
    const bad = [
      '',
      'o\n1\n',
      `o\n1\n${ROOT}`,
      `\n1\n${ROOT}\n`,
      `o\n\n${ROOT}\n`,
      `o\n01\n${ROOT}\n`,
      `o\n-1\n${ROOT}\n`,
      `o\n+1\n${ROOT}\n`,
      `o\n1e3\n${ROOT}\n`,
      `o\n 1\n${ROOT}\n`,
      `o\n9007199254740992\n${ROOT}\n`,
      `o\n99999999999999999999999\n${ROOT}\n`,
      'o\n1\nnot base64\n',
      `o\n1\n${ROOT.slice(0, -4)}AA==\n`,
      `o\n1\n${ROOT}AAAA\n`,
      `o\n1\n${ROOT.replace('2I=', '2J=')}\n`,
      `o\n1\n${ROOT}\n\next\n`,
      `o\n1\n${ROOT}\next\n\n`,
      `o\r\n1\n${ROOT}\n`,
      `o\ud800\n1\n${ROOT}\n`,
    ];
    for (const text of bad) {
      assert.throws(() => parseCheckpointText(text), malformed, JSON.stringify(text));
    }
  });

  it('round-trips formatCheckpointText for any checkpoint', () => {
    const line = fc
      .string({ unit: 'binary', minLength: 1 })
      .filter((s) => s.isWellFormed() && !/[^\P{Cc}\u007f-\u009f]/u.test(s));
    const checkpoint = fc.record({
      origin: line,
      size: fc.maxSafeNat(),
      rootHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
      extensions: fc.array(line, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(checkpoint, (cp: Checkpoint) => {
        assert.deepEqual(parseCheckpointText(formatCheckpointText(cp)), { ...cp });
      }),
    );
  });
});

describe('formatCheckpointText', () => {
  it('formats the tlog-checkpoint example', () => {
    const cp = parseCheckpointText(SPEC_TEXT);
    assert.equal(formatCheckpointText(cp), SPEC_TEXT);
  });

  it('refuses checkpoints that could not be parsed back', () => {
    const good: Checkpoint = { origin: 'o', size: 1, rootHash: new Uint8Array(32), extensions: [] };
    const bad: Checkpoint[] = [
      { ...good, size: -1 },
      { ...good, size: 1.5 },
      { ...good, size: 2 ** 53 },
      { ...good, rootHash: new Uint8Array(31) },
      { ...good, origin: '' },
      { ...good, origin: 'a\nb' },
      { ...good, extensions: [''] },
      { ...good, extensions: ['a\n'] },
      { ...good, origin: 'a\rb' },
      { ...good, extensions: ['\ud800'] },
    ];
    for (const cp of bad) assert.throws(() => formatCheckpointText(cp), invalidArgument);
  });
});

describe('openCheckpoint', () => {
  const note = signNote(SPEC_TEXT, [log]);

  it('opens a checkpoint signed by the log and collects verified cosignatures', () => {
    const cosigned = appendSignatures(note, [
      cosignCheckpoint(SPEC_TEXT, w1, 1679315147),
      cosignCheckpoint(SPEC_TEXT, w2, 1679315148),
    ]);
    const opened = openCheckpoint(cosigned, { logKey, witnesses: [w1Key, w2Key] });
    assert.equal(opened.checkpoint.size, 20852163);
    assert.equal(opened.note, cosigned);
    assert.equal(opened.text, SPEC_TEXT);
    assert.deepEqual(opened.witnesses, [w1Key, w2Key]);
    assert.deepEqual(
      opened.cosignedAt,
      new Map([
        [w1Key.text, 1679315147],
        [w2Key.text, 1679315148],
      ]),
    );
  });

  it('ignores cosignatures from witnesses it does not know', () => {
    const cosigned = appendSignatures(note, [cosignCheckpoint(SPEC_TEXT, w2, 5)]);
    const opened = openCheckpoint(cosigned, { logKey, witnesses: [w1Key] });
    assert.deepEqual(opened.witnesses, []);
    assert.equal(opened.cosignedAt.size, 0);
    assert.deepEqual(openCheckpoint(cosigned, { logKey }).witnesses, []);
  });

  it('rejects a checkpoint the log did not sign, even if a witness cosigned it', () => {
    const other = signerOf(log.name, 9);
    const byOther = appendSignatures(signNote(SPEC_TEXT, [other]), [
      cosignCheckpoint(SPEC_TEXT, w1, 5),
    ]);
    const unknown = { name: 'LedgerError', code: 'UNKNOWN_KEY' };
    assert.throws(() => openCheckpoint(byOther, { logKey, witnesses: [w1Key] }), unknown);
    assert.throws(() => openCheckpoint(byOther, { logKey }), unknown);
  });

  it('rejects a checkpoint whose log signature fails', () => {
    const forged = note.replace('20852163', '20852164');
    assert.throws(() => openCheckpoint(forged, { logKey }), {
      name: 'LedgerError',
      code: 'BAD_SIGNATURE',
    });
  });

  it('rejects a checkpoint whose origin is not the log key name', () => {
    const text = SPEC_TEXT.replace('behind-the-sofa', 'under-the-bed');
    assert.throws(() => openCheckpoint(signNote(text, [log]), { logKey }), malformed);
  });

  it('rejects a signed note that is not a checkpoint', () => {
    assert.throws(() => openCheckpoint(signNote('hello\n', [log]), { logKey }), malformed);
  });

  it('refuses a log key that is not Ed25519 or witnesses that are not cosigners', () => {
    assert.throws(() => openCheckpoint(note, { logKey: w1Key }), invalidArgument);
    assert.throws(() => openCheckpoint(note, { logKey, witnesses: [logKey] }), invalidArgument);
  });
});
