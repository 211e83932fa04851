import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normaliseForComparison, trigramSimilarity, trigramsOf } from './text-similarity.ts';

describe('normaliseForComparison', () => {
  it('folds case and punctuation in Latin, Cyrillic and Armenian alike', () => {
    assert.equal(normaliseForComparison('Обстрел КПП,  утром!'), 'обстрел кпп утром');
    assert.equal(normaliseForComparison('Կրակոցներ ԱՆՑԱԿԵՏԻ մոտ։'), 'կրակոցներ անցակետի մոտ');
    assert.equal(
      normaliseForComparison('  Shelling -- near the BRIDGE... '),
      'shelling near the bridge',
    );
    assert.equal(normaliseForComparison('ﬁre at km 12'), 'fire at km 12', 'NFKC unfolds ligatures');
    assert.equal(normaliseForComparison('?!…'), '');
  });
});

describe('trigramsOf', () => {
  it('pads short words so a one-letter text still has a trigram', () => {
    assert.deepEqual([...trigramsOf('a')], [' a ']);
    assert.deepEqual([...trigramsOf('ab')].sort(), [' ab', 'ab '].sort());
    assert.equal(trigramsOf('  ,, ').size, 0);
  });

  it('counts a letter outside the BMP as one character', () => {
    assert.deepEqual([...trigramsOf('𠀀')], [' 𠀀 ']);
  });
});

describe('trigramSimilarity', () => {
  it('is 1 for the same text and 0 for an empty one', () => {
    const text = trigramsOf('Detention at the bridge checkpoint');
    assert.equal(trigramSimilarity(text, text), 1);
    assert.equal(trigramSimilarity(text, trigramsOf('')), 0);
    assert.equal(trigramSimilarity(trigramsOf(''), text), 0);
  });

  it('ranks two accounts of one event above an unrelated one', () => {
    const a = trigramsOf('Two men detained at the bridge checkpoint this morning');
    const b = trigramsOf('two men were detained at bridge checkpoint in the morning');
    const c = trigramsOf('Water shortage reported in the reception centre');
    assert.ok(trigramSimilarity(a, b) > 0.5);
    assert.ok(trigramSimilarity(a, c) < 0.2);
  });

  it('ignores case and punctuation differences entirely', () => {
    assert.equal(
      trigramSimilarity(trigramsOf('ЗАДЕРЖАНЫ ДВОЕ МУЖЧИН!'), trigramsOf('задержаны двое мужчин')),
      1,
    );
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (x, y) => {
        const a = trigramsOf(x);
        const b = trigramsOf(y);
        const forward = trigramSimilarity(a, b);
        assert.equal(forward, trigramSimilarity(b, a));
        assert.ok(forward >= 0 && forward <= 1);
      }),
    );
  });
});
