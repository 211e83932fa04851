import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { concatBytes, fromBase64, fromUtf8, toBase64, utf8 } from './bytes.ts';
import { cosignCheckpoint } from './cosignature.ts';
import { isLedgerError } from './ledger-error.ts';
import {
  SIG_COSIGNATURE_V1,
  SIG_ED25519,
  keyIdFor,
  parseSignerKey,
  parseVerifierKey,
  verifierKeyOf,
} from './note-keys.ts';
import type { SignerKey, VerifierKey } from './note-keys.ts';
import { appendSignatures, openNote, parseNote, signNote } from './signed-note.ts';

// C2SP signed-note §"Verifier keys", Example.
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
// C2SP signed-note, introduction: a text holding a blank line.
const QUASIMODO =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';
// golang.org/x/mod/sumdb/note's documented example: Ed25519 is deterministic, so signNote must
// reproduce Go's note byte for byte.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const CHECKPOINT = 'example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

const malformedNote = { name: 'LedgerError', code: 'MALFORMED_NOTE' };
const invalidArgument = { name: 'LedgerError', code: 'INVALID_ARGUMENT' };
const badSignature = { name: 'LedgerError', code: 'BAD_SIGNATURE' };
const unknownKey = { name: 'LedgerError', code: 'UNKNOWN_KEY' };

/** A deterministic signer: the seed is 32 copies of `seed`. */
function signerOf(name: string, seed: number, type = SIG_ED25519): SignerKey {
  const secretKey = new Uint8Array(32).fill(seed);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { name, keyId: keyIdFor(name, type, publicKey), type, secretKey, publicKey };
}

function keyIdBytes(keyId: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, keyId);
  return bytes;
}

function sigLine(name: string, bytes: Uint8Array): string {
  return `— ${name} ${toBase64(bytes)}`;
}

const alice = signerOf('alice.example', 1);
const bob = signerOf('bob.example', 2);
const aliceKey = verifierKeyOf(alice);
const bobKey = verifierKeyOf(bob);

describe('parseNote', () => {
  it('splits the signed-note example into text and signature', () => {
    const note = parseNote(SPEC_NOTE);
    assert.equal(note.text, 'This is an example message.\n');
    assert.equal(note.signatures.length, 1);
    const [signature] = note.signatures;
    assert.ok(signature);
    assert.equal(signature.name, 'example.com/foo');
    assert.equal(signature.keyId, 0x530d903a);
    assert.equal(signature.signature.length, 64);
  });

  it('separates text from signatures at the last blank line', () => {
    const note = parseNote(QUASIMODO);
    assert.equal(
      note.text,
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n',
    );
    assert.equal(note.signatures[0]?.name, 'quasimodo.example/salvatore');
  });

  it('accepts 100 signature lines and rejects 101', () => {
    const line = `${sigLine('k', Uint8Array.of(0, 0, 0, 1, 2))}\n`;
    assert.equal(parseNote(`a\n\n${line.repeat(100)}`).signatures.length, 100);
    assert.throws(() => parseNote(`a\n\n${line.repeat(101)}`), malformedNote);
  });

  it('rejects notes longer than 1 MiB', () => {
    const line = `${sigLine('k', Uint8Array.of(0, 0, 0, 1, 2))}\n`;
    assert.throws(() => parseNote(`${'a'.repeat(1 << 20)}\n\n${line}`), malformedNote);
  });

  it('rejects malformed notes', () => {
    const sig = sigLine('k', Uint8Array.of(0, 0, 0, 1, 2));
    const bad = [
      '',
      `a\n\n${sig}`,
      `a\n${sig}\n`,
      `a\n\n${sig}\n\n`,
      `a\r\n\n${sig}\n`,
      `a\u0000\n\n${sig}\n`,
      `a\ud800\n\n${sig}\n`,
      `a\n\n\n`,
      `a\n\n${sig.replace('—', '-')}\n`,
      `a\n\n${sig.replace('— ', '—')}\n`,
      `a\n\n— k\n`,
      `a\n\n—  AAAAAQI=\n`,
      `a\n\n— a+b AAAAAQI=\n`,
      `a\n\n— a\u00a0b AAAAAQI=\n`,
      `a\n\n— k AAAAAQI\n`,
      `a\n\n— k AAAAAQI= \n`,
      `a\n\n— k AAAAAQ==\n`,
      `a\n\n${sig}\n\n${sig}\nb\n`,
    ];
    for (const note of bad) assert.throws(() => parseNote(note), malformedNote, note);
  });

  it('throws nothing but LedgerError on arbitrary or mutated notes', () => {
    const note = signNote('hello\n\n— x AAAA\n', [alice, bob]);
    const mutated = fc
      .tuple(fc.nat(note.length), fc.nat(note.length), fc.string({ unit: 'binary' }))
      .map(([a, b, insert]) => note.slice(0, Math.min(a, b)) + insert + note.slice(Math.max(a, b)));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), mutated), (text) => {
        try {
          openNote(text, [aliceKey, bobKey]);
        } catch (error) {
          assert.ok(isLedgerError(error), String(error));
        }
      }),
    );
  });
});

describe('signNote', () => {
  it('reproduces the note of golang.org/x/mod/sumdb/note byte for byte', () => {
    assert.equal(signNote(GO_TEXT, [parseSignerKey(GO_SKEY)]), GO_NOTE);
  });

  it('signs with several keys in order', () => {
    const note = signNote('hello\n', [alice, bob]);
    assert.deepEqual(
      parseNote(note).signatures.map((s) => s.name),
      ['alice.example', 'bob.example'],
    );
  });

  it('round-trips any valid text through openNote', () => {
    const text = fc
      .string({ unit: 'binary' })
      .map((s) => `${s.replace(/[^\P{Cc}\n\u007f-\u009f]/gu, '')}\n`)
      .filter((s) => s.isWellFormed());
    fc.assert(
      fc.property(text, (t) => {
        const opened = openNote(signNote(t, [alice]), [aliceKey]);
        assert.equal(opened.text, t);
        assert.deepEqual(opened.verifiedBy, [aliceKey]);
      }),
    );
  });

  it('refuses text that is not valid note text', () => {
    for (const text of ['', 'no newline', 'a\r\n', 'a\ud800\n', `${'a'.repeat(1 << 20)}\n`]) {
      assert.throws(() => signNote(text, [alice]), invalidArgument);
    }
  });

  it('refuses text whose signed note would be too long for parseNote', () => {
    const text = `${'a'.repeat((1 << 20) - 2)}\n`;
    assert.throws(() => signNote(text, [alice]), invalidArgument);
  });

  it('refuses no signers, more than 100, cosigners and inconsistent keys', () => {
    assert.throws(() => signNote('a\n', []), invalidArgument);
    assert.throws(() => signNote('a\n', Array<SignerKey>(101).fill(alice)), invalidArgument);
    const cosigner = signerOf('w.example', 3, SIG_COSIGNATURE_V1);
    assert.throws(() => signNote('a\n', [cosigner]), invalidArgument);
    assert.throws(() => signNote('a\n', [{ ...alice, keyId: bob.keyId }]), invalidArgument);
  });
});

describe('openNote', () => {
  it('verifies the signed-note example with the example vkey', () => {
    const key = parseVerifierKey(SPEC_VKEY);
    const opened = openNote(SPEC_NOTE, [key]);
    assert.equal(opened.text, 'This is an example message.\n');
    assert.deepEqual(opened.verifiedBy, [key]);
    assert.equal(opened.cosignedAt.size, 0);
  });

  it('ignores signatures from unknown keys, even sharing a name or a key ID', () => {
    const note = signNote('hello\n', [alice, bob]);
    const sameId = sigLine(
      'mallory.example',
      concatBytes(keyIdBytes(alice.keyId), new Uint8Array(64)),
    );
    const sameName = sigLine(alice.name, Uint8Array.of(1, 2, 3, 4, 5));
    const opened = openNote(appendSignatures(note, [sameId, sameName]), [aliceKey]);
    assert.deepEqual(opened.verifiedBy, [aliceKey]);
  });

  it('rejects the whole note when a known key signature fails', () => {
    const forged = signNote('hello!\n', [bob]).split('\n\n')[1] ?? '';
    const note = `${signNote('hello\n', [alice]).slice(0, -1)}\n${forged}`;
    assert.equal(parseNote(note).signatures.length, 2);
    assert.throws(() => openNote(note, [aliceKey, bobKey]), badSignature);
    assert.deepEqual(openNote(note, [aliceKey]).verifiedBy, [aliceKey]);
  });

  it('rejects a known key signature of the wrong length', () => {
    const sig = concatBytes(keyIdBytes(alice.keyId), new Uint8Array(63));
    const note = `a\n\n${sigLine(alice.name, sig)}\n`;
    assert.throws(() => openNote(note, [aliceKey]), badSignature);
  });

  it('rejects a note signed by no known key', () => {
    assert.throws(() => openNote(signNote('hello\n', [alice]), [bobKey]), unknownKey);
    assert.throws(() => openNote(signNote('hello\n', [alice]), []), unknownKey);
  });

  it('rejects every single-bit flip of a signature line', () => {
    const note = signNote('hello\n', [alice]);
    const [text = '', sigs = ''] = note.split('\n\n');
    const bytes = fromBase64(sigs.slice(`— ${alice.name} `.length, -1));
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = bytes.slice();
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      const mutated = `${text}\n\n${sigLine(alice.name, flipped)}\n`;
      assert.throws(() => openNote(mutated, [aliceKey]), bit < 32 ? unknownKey : badSignature);
    }
  });

  it('rejects every single-bit flip of the text', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), fc.nat(), (s, n) => {
        const text = `${s.replace(/[^\P{Cc}\n]/gu, '.')}\n`;
        fc.pre(text.isWellFormed());
        const note = signNote(text, [alice]);
        const bytes = utf8(text);
        const bit = n % (bytes.length * 8);
        bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        let mutated: string;
        try {
          mutated = fatal.decode(bytes);
        } catch {
          return; // not UTF-8 any more: cannot even be a note string
        }
        const forged = mutated + note.slice(text.length);
        assert.throws(() => openNote(forged, [aliceKey]), isLedgerError);
      }),
    );
  });

  it('verifies cosignature/v1 signatures and keeps the latest timestamp', () => {
    const witness = signerOf('w.example', 3, SIG_COSIGNATURE_V1);
    const witnessKey = verifierKeyOf(witness);
    const note = appendSignatures(signNote(CHECKPOINT, [alice]), [
      cosignCheckpoint(CHECKPOINT, witness, 200),
      cosignCheckpoint(CHECKPOINT, witness, 300),
      cosignCheckpoint(CHECKPOINT, witness, 100),
    ]);
    const opened = openNote(note, [aliceKey, witnessKey]);
    assert.deepEqual(opened.verifiedBy, [aliceKey, witnessKey]);
    assert.deepEqual([...opened.cosignedAt], [[witnessKey.text, 300]]);
  });

  it('rejects a cosignature that fails or is misshapen', () => {
    const witness = signerOf('w.example', 3, SIG_COSIGNATURE_V1);
    const witnessKey = verifierKeyOf(witness);
    const line = cosignCheckpoint(CHECKPOINT, witness, 200);
    const other = cosignCheckpoint('example.com/log\n2\nAAAA\n', witness, 200);
    const note = signNote(CHECKPOINT, [alice]);
    assert.throws(() => openNote(appendSignatures(note, [other]), [witnessKey]), badSignature);
    const bytes = fromBase64(line.split(' ')[2] ?? '');
    const short = sigLine(witness.name, bytes.subarray(0, -1));
    assert.throws(() => openNote(appendSignatures(note, [short]), [witnessKey]), {
      code: 'MALFORMED_COSIGNATURE',
    });
  });

  it('accepts the same key twice but refuses two keys with one name and key ID', () => {
    const note = signNote('hello\n', [alice]);
    assert.deepEqual(openNote(note, [aliceKey, { ...aliceKey }]).verifiedBy, [aliceKey]);
    const impostor: VerifierKey = { ...bobKey, name: alice.name, keyId: alice.keyId };
    assert.throws(() => openNote(note, [aliceKey, impostor]), invalidArgument);
  });

  it('refuses verifier keys of unsupported types or lengths', () => {
    const note = signNote('hello\n', [alice]);
    assert.throws(() => openNote(note, [{ ...aliceKey, type: 0x02 }]), invalidArgument);
    const short = { ...aliceKey, publicKey: aliceKey.publicKey.subarray(1) };
    assert.throws(() => openNote(note, [short]), invalidArgument);
  });
});

describe('appendSignatures', () => {
  it('adds signature lines after the existing ones', () => {
    const note = appendSignatures(signNote('hello\n', [alice]), [
      signNote('hello\n', [bob]).split('\n\n')[1]?.slice(0, -1) ?? '',
    ]);
    assert.equal(note, signNote('hello\n', [alice, bob]));
    assert.equal(openNote(note, [aliceKey, bobKey]).verifiedBy.length, 2);
  });

  it('refuses malformed lines, malformed notes and more than 100 lines', () => {
    const note = signNote('hello\n', [alice]);
    const line = sigLine('k', Uint8Array.of(0, 0, 0, 1, 2));
    for (const bad of ['', `${line}\n`, `${line}\n\n${line}`, 'k AAAAAQI=', `${line}\r`]) {
      assert.throws(() => appendSignatures(note, [bad]), malformedNote, JSON.stringify(bad));
    }
    assert.throws(() => appendSignatures('hello\n', [line]), malformedNote);
    const big = signNote(`${'a'.repeat((1 << 20) - 200)}\n`, [alice]);
    assert.throws(() => appendSignatures(big, Array<string>(20).fill(line)), malformedNote);
    assert.throws(() => appendSignatures(note, Array<string>(100).fill(line)), malformedNote);
    assert.equal(
      parseNote(appendSignatures(note, Array<string>(99).fill(line))).signatures.length,
      100,
    );
  });

  it('keeps notes it builds within what parseNote accepts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 5, maxLength: 80 }), { maxLength: 20 }),
        (sigs) => {
          const lines = sigs.map((bytes) => sigLine('k.example', bytes));
          const note = appendSignatures(signNote('hello\n', [alice]), lines);
          assert.equal(parseNote(note).signatures.length, sigs.length + 1);
          assert.equal(fromUtf8(utf8(note)), note);
        },
      ),
    );
  });
});
