import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromUtf8, utf8 } from './bytes.ts';
import { isLedgerError } from './ledger-error.ts';
import { decodeLogEntry, encodeLogEntry } from './log-entry.ts';

const sample = {
  kind: 'notary.hash',
  id: 'x1',
  version: 1,
  at: '2026-01-01T00:00:00Z',
  body: { b: 1, a: [2] },
};

describe('log entries', () => {
  it('encodes as RFC 8785 canonical JSON with sorted keys', () => {
    assert.equal(
      fromUtf8(encodeLogEntry(sample)),
      '{"at":"2026-01-01T00:00:00Z","body":{"a":[2],"b":1},"id":"x1","kind":"notary.hash","version":1}',
    );
  });

  it('round-trips any JSON body', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (body, id) => {
        const entry = { kind: 'k', id, version: 3, at: 'now', body };
        const bytes = encodeLogEntry(entry);
        assert.deepEqual(encodeLogEntry(decodeLogEntry(bytes)), bytes);
      }),
    );
  });

  it('rejects a body that has no canonical JSON form', () => {
    assert.throws(
      () => encodeLogEntry({ ...sample, body: Number.NaN }),
      (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
    );
    assert.throws(
      () => encodeLogEntry({ ...sample, body: () => 1 }),
      (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
    );
  });

  it('rejects bytes that are not a canonical Vigil entry', () => {
    for (const text of [
      'not json',
      '[]',
      'null',
      '{"kind":"k"}',
      '{"at":"a","body":1,"id":"i","kind":"k","version":1,"extra":2}',
      '{"kind":"k","at":"a","body":1,"id":"i","version":1}',
      '{"at":"a","body":1,"id":"i","kind":"k","version":1.5}',
    ]) {
      assert.throws(
        () => decodeLogEntry(utf8(text)),
        (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
        text,
      );
    }
    assert.throws(
      () => decodeLogEntry(new Uint8Array([0xff])),
      (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
    );
  });
});
