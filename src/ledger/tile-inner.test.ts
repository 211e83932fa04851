import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8 } from './bytes.ts';
import { hashLeaf } from './hash.ts';
import { isLedgerError } from './ledger-error.ts';
import { MemoryNodeReader } from './merkle-prove.ts';
import { INNER_BYTES, nodeFromFullTile } from './tile-inner.ts';
import { TileIntegrator } from './tile-integrator.ts';

const leaves = Array.from({ length: 512 }, (_, i) => utf8(`leaf ${i}`));
const integration = new TileIntegrator().integrate(leaves);
const fullTile = integration.tiles.find((t) => t.level === 0 && t.index === 1)!;
const reference = new MemoryNodeReader(leaves.map(hashLeaf));

describe('nodeFromFullTile', () => {
  it('is emitted with every full tile, and only with full tiles', () => {
    assert.equal(fullTile.inner?.length, INNER_BYTES);
    assert.equal(INNER_BYTES, 30 * 32);
    const partial = new TileIntegrator().integrate(leaves.slice(0, 5)).tiles[0]!;
    assert.equal(partial.inner, undefined);
  });

  it('gives the same hash as the reference tree for every node of the tile', () => {
    for (let subLevel = 0; subLevel < 8; subLevel++) {
      const count = 2 ** subLevel;
      for (let first = 0; first < 256; first += count) {
        const hash = nodeFromFullTile(fullTile.data, fullTile.inner!, { subLevel, first, count });
        assert.deepEqual(
          hash,
          reference.readNode(subLevel, (256 + first) / count),
          `${subLevel}/${first}`,
        );
      }
    }
  });

  it('refuses wrong sizes and positions that are not nodes', () => {
    const inner = fullTile.inner!;
    const bad = [
      () =>
        nodeFromFullTile(fullTile.data.subarray(32), inner, { subLevel: 0, first: 0, count: 1 }),
      () =>
        nodeFromFullTile(fullTile.data, inner.subarray(32), { subLevel: 0, first: 0, count: 1 }),
    ];
    for (const run of bad) assert.throws(run, (e) => isLedgerError(e, 'MALFORMED_TILE'));
    fc.assert(
      fc.property(
        fc.integer({ min: -2, max: 9 }),
        fc.integer({ min: -3, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (subLevel, first, count) => {
          const valid =
            subLevel >= 0 &&
            subLevel < 8 &&
            count === 2 ** subLevel &&
            first >= 0 &&
            first % count === 0 &&
            first + count <= 256;
          if (valid) return;
          assert.throws(
            () => nodeFromFullTile(fullTile.data, inner, { subLevel, first, count }),
            (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
          );
        },
      ),
    );
  });
});
