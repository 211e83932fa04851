import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toBase64, utf8 } from '../ledger/bytes.ts';
import { MAX_PROOF_LINES, parseAddCheckpointRequest } from './add-checkpoint-request.ts';
import { isWitnessError } from './witness-error.ts';

const NOTE =
  'example.com/log\n2\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— example.com/log AAAA\n';
const hash = (byte: number) => new Uint8Array(32).fill(byte);
const line = (byte: number) => `${toBase64(hash(byte))}\n`;

function refuses(body: string | Uint8Array): void {
  assert.throws(
    () => parseAddCheckpointRequest(typeof body === 'string' ? utf8(body) : body),
    (error) => isWitnessError(error) && error.code === 'malformed_request',
  );
}

describe('parseAddCheckpointRequest', () => {
  it('splits the old size, the proof lines and the note', () => {
    const request = parseAddCheckpointRequest(utf8(`old 20852014\n${line(1)}${line(2)}\n${NOTE}`));
    assert.equal(request.oldSize, 20852014);
    assert.deepEqual(request.proof, [hash(1), hash(2)]);
    assert.equal(request.note, NOTE);
  });

  it('reads old size 0 with no proof', () => {
    assert.deepEqual(parseAddCheckpointRequest(utf8(`old 0\n\n${NOTE}`)), {
      oldSize: 0,
      proof: [],
      note: NOTE,
    });
  });

  it('accepts 63 proof lines and refuses 64', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => line(i)).join('');
    const ok = parseAddCheckpointRequest(utf8(`old 5\n${lines(MAX_PROOF_LINES)}\n${NOTE}`));
    assert.equal(ok.proof.length, 63);
    refuses(`old 5\n${lines(64)}\n${NOTE}`);
  });

  it('refuses old size lines that are not "old <decimal without leading zeroes>"', () => {
    for (const first of ['old 01', 'old -1', 'old  1', 'old 1 ', 'Old 1', 'old', 'old 1.0', '']) {
      refuses(`${first}\n\n${NOTE}`);
    }
    refuses(`old 9007199254740992\n\n${NOTE}`);
    refuses(`old 1\r\n\n${NOTE}`);
  });

  it('refuses proof lines that are not the base64 of a 32-byte hash', () => {
    refuses(`old 1\n${toBase64(new Uint8Array(31))}\n\n${NOTE}`);
    refuses(`old 1\n${toBase64(new Uint8Array(33))}\n\n${NOTE}`);
    refuses(`old 1\n${line(1).slice(0, -2)}\n\n${NOTE}`); // no padding
    refuses(`old 1\n ${line(1)}\n${NOTE}`);
  });

  it('refuses a body without the blank line, unterminated lines and invalid UTF-8', () => {
    refuses('old 1');
    refuses(`old 1\n${line(1)}`);
    refuses('');
    refuses(Uint8Array.of(0x6f, 0x6c, 0x64, 0x20, 0x30, 0x0a, 0x0a, 0xff, 0x0a));
  });

  it('never throws anything but malformed_request, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseAddCheckpointRequest(bytes);
        } catch (error) {
          assert.ok(isWitnessError(error) && error.code === 'malformed_request');
        }
      }),
    );
  });
});
