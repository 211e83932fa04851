import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeLogEntry } from '../ledger/log-entry.ts';
import { commitmentOf, SALT_BYTES } from './seal.ts';
import { Sealer } from './sealer.ts';

function recordingSealer() {
  const entries: Uint8Array[] = [];
  const sealer = new Sealer(
    { append: (entry) => Promise.resolve({ index: entries.push(entry) - 1 }) },
    () => new Date('2026-01-02T03:04:05.000Z'),
  );
  return { sealer, entries };
}

describe('Sealer', () => {
  it('logs only a salted commitment of a sealed record, which the salt and record reproduce', async () => {
    const { sealer, entries } = recordingSealer();
    const record = { journeyId: 'j-1', state: 'passed', birthYear: 1980 };
    const seal = await sealer.seal({ kind: 'passage.crossing', id: 'c-1', version: 1, record });
    const entry = decodeLogEntry(entries[0]!);
    assert.deepEqual(entry, {
      kind: 'passage.crossing',
      id: 'c-1',
      version: 1,
      at: '2026-01-02T03:04:05.000Z',
      body: { commitment: seal.commitment },
    });
    assert.ok(!new TextDecoder().decode(entries[0]).includes('1980'), 'no record content logged');
    const salt = Buffer.from(seal.salt!, 'base64');
    assert.equal(salt.length, SALT_BYTES);
    assert.equal(commitmentOf(salt, record), seal.commitment);
    assert.equal(seal.record, '{"birthYear":1980,"journeyId":"j-1","state":"passed"}');
    assert.equal(seal.logIndex, 0);
  });

  it('gives the same record a different commitment each time (a fresh salt)', async () => {
    const { sealer } = recordingSealer();
    const request = { kind: 'k', id: 'x', version: 1, record: { year: 1990 } };
    const [a, b] = await sealer.sealMany([request, { ...request, version: 2 }]);
    assert.notEqual(a?.commitment, b?.commitment);
    assert.notEqual(commitmentOf(Buffer.from(a!.salt!, 'base64'), { year: 1991 }), a?.commitment);
  });

  it('logs a public record in full, without salt or commitment', async () => {
    const { sealer, entries } = recordingSealer();
    const record = { names: { en: 'Reception point' } };
    const seal = await sealer.seal({
      kind: 'gazetteer.place',
      id: 'p',
      version: 3,
      record,
      visibility: 'public',
    });
    assert.deepEqual(decodeLogEntry(entries[0]!).body, record);
    assert.equal(seal.salt, null);
    assert.equal(seal.commitment, null);
    assert.equal(seal.visibility, 'public');
  });

  it('refuses a record that is not JSON before logging anything', async () => {
    const { sealer, entries } = recordingSealer();
    await assert.rejects(sealer.seal({ kind: 'k', id: 'x', version: 1, record: undefined }));
    assert.equal(entries.length, 0);
  });
});
