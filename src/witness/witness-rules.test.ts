import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8 } from '../ledger/bytes.ts';
import type { Checkpoint } from '../ledger/checkpoint.ts';
import { EMPTY_ROOT, hashLeaf } from '../ledger/hash.ts';
import { MemoryNodeReader, proveConsistency, rootOfLeafHashes } from '../ledger/merkle-prove.ts';
import type { WitnessErrorCode } from './witness-error.ts';
import { isWitnessError } from './witness-error.ts';
import { checkAdvance } from './witness-rules.ts';
import type { CosignedHead, VerifiedRequest } from './witness-rules.ts';

const leaves = (n: number, tag = 'e') =>
  Array.from({ length: n }, (_, i) => hashLeaf(utf8(`${tag}${i}`)));
const TREE = leaves(40);
const reader = new MemoryNodeReader(TREE);
const head = (size: number, tree = TREE): CosignedHead => ({
  size,
  rootHash: rootOfLeafHashes(tree.slice(0, size)),
});
const checkpoint = (size: number, tree = TREE): Checkpoint => ({
  origin: 'example.com/log',
  extensions: [],
  ...head(size, tree),
});
const proof = (from: number, to: number) => (from === 0 ? [] : proveConsistency(reader, from, to));

function refuses(
  current: CosignedHead | undefined,
  request: VerifiedRequest,
  code: WitnessErrorCode,
  knownSize?: number,
): void {
  assert.throws(
    () => {
      checkAdvance(current, request);
    },
    (error) => isWitnessError(error) && error.code === code && error.knownSize === knownSize,
  );
}

describe('checkAdvance', () => {
  it('accepts a first checkpoint from old size 0 with no proof', () => {
    checkAdvance(undefined, { oldSize: 0, proof: [], checkpoint: checkpoint(7) });
    checkAdvance(undefined, { oldSize: 0, proof: [], checkpoint: checkpoint(0) });
    checkAdvance(head(0), { oldSize: 0, proof: [], checkpoint: checkpoint(3) });
  });

  it('accepts a consistent larger checkpoint and the same checkpoint again', () => {
    checkAdvance(head(5), { oldSize: 5, proof: proof(5, 17), checkpoint: checkpoint(17) });
    checkAdvance(head(16), { oldSize: 16, proof: proof(16, 40), checkpoint: checkpoint(40) });
    checkAdvance(head(17), { oldSize: 17, proof: [], checkpoint: checkpoint(17) });
  });

  it('answers conflict with its size when the old size is not the cosigned one', () => {
    refuses(head(5), { oldSize: 3, proof: proof(3, 9), checkpoint: checkpoint(9) }, 'conflict', 5);
    refuses(head(5), { oldSize: 0, proof: [], checkpoint: checkpoint(9) }, 'conflict', 5);
    refuses(
      undefined,
      { oldSize: 4, proof: proof(4, 9), checkpoint: checkpoint(9) },
      'conflict',
      0,
    );
  });

  it('refuses an old size above the checkpoint size as malformed', () => {
    refuses(head(9), { oldSize: 9, proof: [], checkpoint: checkpoint(5) }, 'malformed_request');
  });

  it('refuses a split view: the cosigned size with another root', () => {
    const other = checkpoint(5, leaves(5, 'fork'));
    refuses(head(5), { oldSize: 5, proof: [], checkpoint: other }, 'conflict', 5);
  });

  it('refuses a larger tree that does not extend the cosigned one', () => {
    const fork = leaves(12, 'fork');
    const forkProof = proveConsistency(new MemoryNodeReader(fork), 5, 12);
    const request = { oldSize: 5, proof: forkProof, checkpoint: checkpoint(12, fork) };
    refuses(head(5), request, 'inconsistent');
    refuses(head(5), { oldSize: 5, proof: [], checkpoint: checkpoint(12) }, 'inconsistent');
  });

  it('refuses a proof from old size 0, a proof between equal sizes and a bad empty root', () => {
    const nonEmpty = { oldSize: 0, proof: [EMPTY_ROOT], checkpoint: checkpoint(4) };
    refuses(undefined, nonEmpty, 'inconsistent');
    refuses(head(0), nonEmpty, 'inconsistent');
    refuses(
      head(4),
      { oldSize: 4, proof: [EMPTY_ROOT], checkpoint: checkpoint(4) },
      'inconsistent',
    );
    const badEmpty = { ...checkpoint(0), rootHash: TREE[0]! };
    refuses(undefined, { oldSize: 0, proof: [], checkpoint: badEmpty }, 'inconsistent');
  });

  it('accepts every real proof and refuses every proof with one byte changed', () => {
    const sizes = fc
      .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
      .filter(([a, b]) => a < b);
    fc.assert(
      fc.property(sizes, fc.nat(), fc.nat({ max: 255 }), ([from, to], at, flip) => {
        const good = proof(from, to);
        checkAdvance(head(from), { oldSize: from, proof: good, checkpoint: checkpoint(to) });
        const bad = good.map((hash) => hash.slice());
        const target = bad[at % bad.length];
        if (target === undefined) return;
        target[at % 32] = (target[at % 32]! ^ (flip | 1)) & 0xff;
        refuses(
          head(from),
          { oldSize: from, proof: bad, checkpoint: checkpoint(to) },
          'inconsistent',
        );
      }),
    );
  });
});
