import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from './random.ts';
import { SyntheticNumbers } from './synthetic-ids.ts';

describe('SyntheticNumbers', () => {
  const kinds = {
    passport: /^Z[PRST]\d{7}$/u,
    idCard: /^\d{9}$/u,
    birthCertificate: /^BC-\d{7}$/u,
    phone: /^\+999 \d{2} \d{6}$/u,
    plate: /^\d{2} [ABCEHKMOPTXZ]{2} \d{3}$/u,
  } as const;

  for (const [kind, pattern] of Object.entries(kinds)) {
    it(`draws ${kind} numbers in their synthetic format that never repeat`, () => {
      const numbers = new SyntheticNumbers(Random.fromSeed(1));
      const draw = (): string => {
        switch (kind) {
          case 'passport':
            return numbers.passport();
          case 'idCard':
            return numbers.idCard();
          case 'birthCertificate':
            return numbers.birthCertificate();
          case 'phone':
            return numbers.phone();
          default:
            return numbers.plate();
        }
      };
      const values = Array.from({ length: 100_000 }, draw);
      assert.ok(
        values.every((v) => pattern.test(v)),
        values.find((v) => !pattern.test(v)),
      );
      assert.equal(new Set(values).size, values.length);
    });
  }

  it('depends on the seed', () => {
    const a = new SyntheticNumbers(Random.fromSeed(1));
    const b = new SyntheticNumbers(Random.fromSeed(2));
    assert.notEqual(a.passport(), b.passport());
  });
});
