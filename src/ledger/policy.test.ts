import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { isLedgerError } from './ledger-error.ts';
import { SIG_COSIGNATURE_V1, SIG_ED25519, formatVerifierKey } from './note-keys.ts';
import { isQuorumMet, parsePolicy, witnessNamesFor } from './policy.ts';

function vkey(name: string, seed: number, type = SIG_COSIGNATURE_V1): string {
  return formatVerifierKey(name, type, ed25519.getPublicKey(new Uint8Array(32).fill(seed)));
}

const LOG = vkey('example.com/log', 1, SIG_ED25519);
const W = ['X1', 'X2', 'X3', 'Y1', 'Y2', 'Y3'].map((name, i) => vkey(`${name}.example`, i + 2));
const [X1, X2, X3, Y1, Y2, Y3] = W as [string, string, string, string, string, string];

// C2SP tlog-policy §"Example policy", with real vkeys in place of <vkey>.
const SPEC_POLICY = `log ${LOG}

witness X1 ${X1}
witness X2 ${X2}
witness X3 ${X3}
group X-witnesses 2 X1 X2 X3

witness Y1 ${Y1}
witness Y2 ${Y2}
witness Y3 ${Y3}
group Y-witnesses any Y1 Y2 Y3

group X-and-Y all X-witnesses Y-witnesses
quorum X-and-Y
`;

function rejectsAtLine(text: string, line: number): void {
  assert.throws(
    () => parsePolicy(text),
    (error: unknown) =>
      isLedgerError(error, 'MALFORMED_POLICY') && error.message.startsWith(`policy line ${line}:`),
    text,
  );
}

describe('parsePolicy', () => {
  it('parses the tlog-policy example', () => {
    const policy = parsePolicy(SPEC_POLICY);
    assert.deepEqual(
      policy.logs.map((key) => key.text),
      [LOG],
    );
    assert.deepEqual([...policy.witnesses.keys()], ['X1', 'X2', 'X3', 'Y1', 'Y2', 'Y3']);
    assert.equal(policy.witnesses.get('Y2')?.text, Y2);
    assert.deepEqual(
      [...policy.groups],
      [
        ['X-witnesses', { threshold: 2, members: ['X1', 'X2', 'X3'] }],
        ['Y-witnesses', { threshold: 1, members: ['Y1', 'Y2', 'Y3'] }],
        ['X-and-Y', { threshold: 2, members: ['X-witnesses', 'Y-witnesses'] }],
      ],
    );
    assert.equal(policy.quorum, 'X-and-Y');
  });

  it('accepts comments, tabs, surrounding white space, URLs and no final newline', () => {
    const text = `# a policy\n\t log ${LOG}  https://log.example/ \n  # witnesses\n\nwitness\tW ${X1}\thttps://w.example/\nquorum W`;
    const policy = parsePolicy(text);
    assert.equal(policy.logs.length, 1);
    assert.equal(policy.quorum, 'W');
  });

  it('accepts quorum none with no logs or witnesses', () => {
    const policy = parsePolicy('quorum none\n');
    assert.deepEqual(policy, { logs: [], witnesses: new Map(), groups: new Map(), quorum: 'none' });
  });

  it('treats non-ASCII names as opaque', () => {
    const policy = parsePolicy(`witness K ${X1}\nwitness \u212a ${X2}\nquorum \u212a\n`);
    assert.deepEqual([...policy.witnesses.keys()], ['K', '\u212a']);
  });

  it('rejects malformed lines, naming the line', () => {
    const cases: [string, number][] = [
      ['quorum none\nfoo bar\n', 2],
      ['quorum none\nlog\n', 2],
      [`quorum none\nlog ${LOG} url extra\n`, 2],
      ['quorum none\nlog not-a-vkey\n', 2],
      [`quorum none\nlog ${X1}\n`, 2],
      [`log ${LOG}\nlog ${LOG}\nquorum none\n`, 2],
      [`log ${LOG}\nlog ${vkey('other.example/log', 1, SIG_ED25519)}\nquorum none\n`, 2],
      ['witness\nquorum none\n', 1],
      ['witness W\nquorum none\n', 1],
      [`witness W ${X1} url extra\nquorum none\n`, 1],
      [`witness W ${LOG}\nquorum none\n`, 1],
      [`witness none ${X1}\nquorum none\n`, 1],
      [`witness W ${X1}\nwitness W ${X2}\nquorum none\n`, 2],
      [`witness W ${X1}\nwitness V ${vkey('V.example', 2)}\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G any\nquorum none\n`, 2],
      ['group\nquorum none\n', 1],
      ['group G\nquorum none\n', 1],
      [`witness W ${X1}\ngroup W any W\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G any W W\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G any V\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G any none\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G 0 W\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G 2 W\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G 01 W\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G some W\nquorum none\n`, 2],
      [`witness W ${X1}\ngroup G 99999999999999999999999 W\nquorum none\n`, 2],
      ['quorum G\ngroup G any W\n', 1],
      [`witness W ${X1}\nquorum V\n`, 2],
      ['quorum none\nquorum none\n', 2],
      ['quorum\n', 1],
      ['quorum none none\n', 1],
      [`quorum W\nwitness W ${X1}\n`, 1],
      ['quorum none\n\r\n', 2],
      ['quorum none\n\u0000\n', 2],
      ['quorum none\n# \u007f\n', 2],
      ['# no quorum\n', 2],
      ['', 1],
    ];
    for (const [text, line] of cases) rejectsAtLine(text, line);
  });

  it('keeps the vkey error as the cause', () => {
    try {
      parsePolicy('log example.com/log+00000000+AAAA\nquorum none\n');
      assert.fail('accepted a malformed vkey');
    } catch (error) {
      assert.ok(isLedgerError(error, 'MALFORMED_POLICY'));
      assert.ok(isLedgerError(error.cause, 'MALFORMED_KEY'));
    }
  });

  it('rejects policies longer than 1 MiB', () => {
    assert.throws(() => parsePolicy(`quorum none\n${'#'.repeat(1 << 20)}\n`), {
      name: 'LedgerError',
      code: 'MALFORMED_POLICY',
    });
  });

  it('throws nothing but LedgerError on arbitrary or mutated text', () => {
    const mutated = fc
      .tuple(fc.nat(SPEC_POLICY.length), fc.nat(SPEC_POLICY.length), fc.string({ unit: 'binary' }))
      .map(
        ([a, b, s]) => SPEC_POLICY.slice(0, Math.min(a, b)) + s + SPEC_POLICY.slice(Math.max(a, b)),
      );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), mutated), (text) => {
        try {
          parsePolicy(text);
        } catch (error) {
          assert.ok(isLedgerError(error, 'MALFORMED_POLICY'), String(error));
        }
      }),
    );
  });
});

describe('isQuorumMet', () => {
  const policy = parsePolicy(SPEC_POLICY);

  it('needs two X witnesses and one Y witness under the example policy', () => {
    assert.equal(isQuorumMet(policy, new Set(['X1', 'X3', 'Y2'])), true);
    assert.equal(isQuorumMet(policy, new Set(['X1', 'X2', 'X3', 'Y1', 'Y2', 'Y3'])), true);
    assert.equal(isQuorumMet(policy, new Set(['X1', 'Y1', 'Y2', 'Y3'])), false);
    assert.equal(isQuorumMet(policy, new Set(['X1', 'X2'])), false);
    assert.equal(isQuorumMet(policy, new Set()), false);
  });

  it('does not count group names or unknown names passed as witnesses', () => {
    const names = new Set(['X-witnesses', 'Y-witnesses', 'X-and-Y', 'Z1']);
    assert.equal(isQuorumMet(policy, names), false);
  });

  it('is always met with quorum none', () => {
    assert.equal(isQuorumMet(parsePolicy('quorum none\n'), new Set()), true);
  });

  it('is met by the single witness a quorum names', () => {
    const single = parsePolicy(`witness W ${X1}\nquorum W\n`);
    assert.equal(isQuorumMet(single, new Set(['W'])), true);
    assert.equal(isQuorumMet(single, new Set()), false);
  });
});

describe('witnessNamesFor', () => {
  it('names the policy witnesses among verified keys', () => {
    const policy = parsePolicy(SPEC_POLICY);
    const verified = [policy.witnesses.get('X2'), policy.witnesses.get('Y3'), policy.logs[0]];
    const names = witnessNamesFor(
      policy,
      verified.filter((key) => key !== undefined),
    );
    assert.deepEqual(names, new Set(['X2', 'Y3']));
    assert.equal(isQuorumMet(policy, names), false);
  });
});
