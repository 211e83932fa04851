import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateSignerKey, SIG_COSIGNATURE_V1 } from '../../ledger/note-keys.ts';
import {
  WitnessEndpointError,
  parseWitnessEndpoint,
  parseWitnessEndpoints,
} from './witness-endpoint.ts';

const witnessKey = generateSignerKey('w.example/one', SIG_COSIGNATURE_V1).verifierKey;
const logKey = generateSignerKey('log.example/log').verifierKey;

describe('parseWitnessEndpoint', () => {
  it('splits URL=VKEY and drops trailing slashes from the prefix', () => {
    const endpoint = parseWitnessEndpoint(`https://w.example/prefix/=${witnessKey}`);
    assert.equal(endpoint.url, 'https://w.example/prefix');
    assert.equal(endpoint.key.text, witnessKey);
  });

  it('refuses a value without a URL, a non-http URL, a query, and a log key', () => {
    for (const value of [
      witnessKey,
      `=${witnessKey}`,
      `ftp://w.example=${witnessKey}`,
      `http://w.example/?a=${witnessKey}`,
      `not a url=${witnessKey}`,
      `http://w.example=${logKey}`,
      'http://w.example=garbage',
    ]) {
      assert.throws(() => parseWitnessEndpoint(value), WitnessEndpointError, value);
    }
  });

  it('refuses the same witness twice', () => {
    const value = `http://127.0.0.1:1=${witnessKey}`;
    assert.equal(parseWitnessEndpoints([value]).length, 1);
    assert.throws(() => parseWitnessEndpoints([value, value]), /given twice/);
  });
});
