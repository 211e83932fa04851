import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCheckpointText } from '../../ledger/checkpoint.ts';
import { cosignCheckpoint } from '../../ledger/cosignature.ts';
import { EMPTY_ROOT } from '../../ledger/hash.ts';
import {
  generateSignerKey,
  parseSignerKey,
  SIG_COSIGNATURE_V1,
  verifierKeyOf,
} from '../../ledger/note-keys.ts';
import { signNote } from '../../ledger/signed-note.ts';
import { WitnessRequestError } from './add-checkpoint.client.ts';
import { ownCosignatures } from './own-cosignatures.ts';

const log = parseSignerKey(generateSignerKey('log.example/log').signerKey);
const witness = parseSignerKey(generateSignerKey('w.example/one', SIG_COSIGNATURE_V1).signerKey);
const other = parseSignerKey(generateSignerKey('w.example/two', SIG_COSIGNATURE_V1).signerKey);
const text = formatCheckpointText({
  origin: log.name,
  size: 0,
  rootHash: EMPTY_ROOT,
  extensions: [],
});
const note = signNote(text, [log]);
const answer = (lines: string[]) => ({
  note,
  logKey: verifierKeyOf(log),
  witnessKey: verifierKeyOf(witness),
  lines,
});

describe('ownCosignatures', () => {
  it('keeps the witness’s verified lines and drops lines by other keys', () => {
    const own = cosignCheckpoint(text, witness, 1_700_000_000);
    const foreign = cosignCheckpoint(text, other, 1_700_000_000);
    assert.deepEqual(ownCosignatures(answer([foreign, own])), [own]);
  });

  it('refuses an answer with no line by the witness, a malformed line, or a bad signature', () => {
    const otherText = formatCheckpointText({
      origin: log.name,
      size: 1,
      rootHash: EMPTY_ROOT,
      extensions: [],
    });
    for (const lines of [
      [cosignCheckpoint(text, other, 1)],
      ['— w.example/one !!!'],
      [cosignCheckpoint(otherText, witness, 1)],
    ]) {
      assert.throws(() => ownCosignatures(answer(lines)), WitnessRequestError, lines[0]);
    }
  });
});
