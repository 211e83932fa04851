import assert from 'node:assert/strict';
import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { DomainError } from '../errors/domain-error.ts';
import { DataKeyCache } from './data-key-cache.ts';
import { parseIdentity } from './identity.ts';
import { ANNA } from './identity-vault.fixture.ts';
import { MATCH_THRESHOLD, rankCandidates, scoreCandidate } from './name-ranking.ts';
import { RETENTION_CATEGORIES, RETENTION_SCHEDULE, retainUntil } from './retention.ts';

describe('parseIdentity', () => {
  it('normalises names and accepts a complete identity', () => {
    const parsed = parseIdentity({
      ...ANNA,
      names: [{ given: '  Anna ', family: 'Petrosyan', script: 'en' }],
    });
    assert.deepEqual(parsed.names, [{ given: 'Anna', family: 'Petrosyan', script: 'en' }]);
  });

  const invalid: readonly (readonly [string, unknown])[] = [
    ['no names', { ...ANNA, names: [] }],
    ['an empty family name', { ...ANNA, names: [{ given: 'A', family: ' ', script: 'en' }] }],
    ['an unknown script', { ...ANNA, names: [{ given: 'A', family: 'B', script: 'ka' }] }],
    ['a birth date outside the birth year', { ...ANNA, birthDate: '1985-03-17' }],
    ['an impossible birth year', { ...ANNA, birthYear: 1800 }],
    ['an unknown sex', { ...ANNA, sex: 'x' }],
    ['an unknown document type', { ...ANNA, documents: [{ type: 'card', number: '1' }] }],
    ['a phone with letters', { ...ANNA, phone: 'call Anna' }],
    ['an unknown field', { ...ANNA, nickname: 'Ani' }],
    ['a control character', { ...ANNA, names: [{ given: 'A\u0000', family: 'B', script: 'en' }] }],
  ];
  for (const [what, value] of invalid) {
    it(`rejects ${what}, naming the path but never the value`, () => {
      assert.throws(
        () => parseIdentity(value),
        (error: unknown) => {
          assert.ok(error instanceof DomainError && error.code === 'invalid_request');
          const details = JSON.stringify(error.details);
          for (const secret of ['Petrosyan', 'AN0498127', '234567', 'Ani', 'call Anna']) {
            assert.ok(!details.includes(secret), secret);
          }
          return true;
        },
      );
    });
  }
});

describe('retention schedule', () => {
  it('counts each category from its anchor, and keeps pending and held records', () => {
    const from = new Date('2023-10-01T00:00:00Z');
    assert.equal(retainUntil('passage_raw', from), '2023-12-30T00:00:00.000Z');
    assert.equal(retainUntil('passage_raw', undefined), null);
    assert.equal(retainUntil('legal_hold', from), null);
    for (const category of RETENTION_CATEGORIES) {
      const { days } = RETENTION_SCHEDULE[category];
      assert.ok(days === null || (days >= 30 && days <= 3650), category);
    }
    assert.deepEqual(RETENTION_CATEGORIES, Object.keys(RETENTION_SCHEDULE));
  });
});

describe('DataKeyCache', () => {
  it('evicts the least recently used key and forgets a deleted one', () => {
    const cache = new DataKeyCache(2);
    const key = () => createSecretKey(randomBytes(32));
    const a = key();
    cache.set('a', a);
    cache.set('b', key());
    assert.equal(cache.get('a'), a); // a is now the most recent
    cache.set('c', key());
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), a);
    assert.equal(cache.size, 2);
    cache.delete('a');
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 1);
  });
});

describe('name ranking', () => {
  const candidate = (personRef: string, given: string, family: string, birthYear = 1984) => ({
    personRef,
    names: [{ given, family, script: 'en' as const }],
    birthYear,
  });

  it('requires the family name to match on its own', () => {
    // Same given name, different family name: not a match however alike the given names are.
    assert.equal(
      scoreCandidate({ given: 'Elnur', family: 'Hasanov' }, candidate('1', 'Elnur', 'Huseynov')),
      undefined,
    );
    assert.equal(
      scoreCandidate({ given: 'Elnur', family: 'Hasanov' }, candidate('1', 'Elnur', 'Hasanov')),
      1,
    );
  });

  it('lets a different given name sink a match on the family name', () => {
    const score = scoreCandidate(
      { given: 'Anna', family: 'Petrosyan' },
      candidate('1', 'Tigran', 'Petrosyan'),
    );
    assert.equal(score, undefined);
  });

  it('keeps a match a year off, slightly lower, and drops two years off', () => {
    const exact = scoreCandidate(
      { family: 'Petrosyan', birthYear: 1984 },
      candidate('1', 'A', 'Petrosyan'),
    );
    const near = scoreCandidate(
      { family: 'Petrosyan', birthYear: 1985 },
      candidate('1', 'A', 'Petrosyan'),
    );
    const far = scoreCandidate(
      { family: 'Petrosyan', birthYear: 1986 },
      candidate('1', 'A', 'Petrosyan'),
    );
    assert.equal(exact, 1);
    assert.ok(near !== undefined && near < 1 && near >= MATCH_THRESHOLD);
    assert.equal(far, undefined);
  });

  it('ranks best first, ties by ref, and cuts at the limit', () => {
    const ranked = rankCandidates(
      { family: 'Mammadov' },
      [
        candidate('c', 'E', 'Mamedov'),
        candidate('b', 'E', 'Mammadov'),
        candidate('a', 'E', 'Məmmədov'),
        candidate('d', 'E', 'Aliyev'),
      ],
      2,
    );
    assert.deepEqual(ranked, [
      { personRef: 'a', score: 1 },
      { personRef: 'b', score: 1 },
    ]);
  });
});
