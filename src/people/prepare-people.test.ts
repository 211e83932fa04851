import assert from 'node:assert/strict';
import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decryptIdentity, decodeFields } from './identity-fields.ts';
import { Keyring, PreparationKeyring } from './keyring.ts';
import { syntheticPeople } from './person.factory.ts';
import { preparedSlices } from './prepare-people.ts';
import type { PreparationOptions } from './prepare-people.ts';

async function collect(options: PreparationOptions, count: number) {
  const slices = [];
  for await (const slice of preparedSlices(syntheticPeople(count, 9), options)) slices.push(slice);
  return slices;
}

describe('preparedSlices', () => {
  const keyring = new Keyring(new Uint8Array(randomBytes(32)));
  const base = {
    keyring: keyring.preparation,
    createdAt: '2023-09-25T00:00:00.000Z',
    sliceSize: 100,
  };

  it('prepares the same people in worker threads as in line, in input order', async () => {
    const people = syntheticPeople(450, 9);
    const inLine = await collect({ ...base, workerThreshold: Number.POSITIVE_INFINITY }, 450);
    const inWorkers = await collect({ ...base, workerThreshold: 1 }, 450);
    assert.deepEqual(
      inWorkers.map((slice) => slice.length),
      [100, 100, 100, 100, 50],
    );
    const flat = inWorkers.flat();
    flat.forEach((prepared, i) => {
      const key = keyring.unwrapDataKey(prepared.person.keyId, prepared.person.wrappedKey);
      const identity = decryptIdentity(
        key,
        prepared.person.personRef,
        decodeFields(prepared.person.fields),
      );
      assert.deepEqual(identity, people[i]!.identity);
      // Blind indexes are deterministic: the same in a worker as in line.
      assert.deepEqual(prepared.person.blindIndexes, inLine.flat()[i]!.person.blindIndexes);
    });
  });

  it('fails the batch when a worker cannot prepare a slice', async () => {
    const broken = new PreparationKeyring({
      wrapKey: createSecretKey(randomBytes(32)),
      blindIndexKeys: new Map(),
    });
    await assert.rejects(
      collect({ ...base, keyring: broken, workerThreshold: 1 }, 250),
      /preparing slice 0 failed: no blind index for document/,
    );
    await assert.rejects(
      collect({ ...base, keyring: broken, workerThreshold: Number.POSITIVE_INFINITY }, 250),
      /no blind index for document/,
    );
  });
});
