// Property tests of the whole disclosure policy against the independent attacker in
// test/support/recovery-attacker.ts: no suppressed entry may be recovered exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { discloseTable } from './disclose-table.ts';
import type { DisclosurePolicy } from './disclosure-policy.ts';
import type { DisclosedTable, PublishedCell } from './published-cell.ts';
import type { Flagged, Seen } from '../../../test/support/recovery-attacker.ts';
import {
  readRelease,
  recoveredEntries,
  thresholdFor,
  withTotals,
} from '../../../test/support/recovery-attacker.ts';

const POLICY: DisclosurePolicy = {
  defaultRule: { threshold: 5 },
  categories: { sensitive: { threshold: 10 } },
  movementRoundingBase: 10,
};

const flaggedTable = (maxRows: number, maxColumns: number, maxCount: number) =>
  fc
    .record({
      rows: fc.integer({ min: 2, max: maxRows }),
      columns: fc.integer({ min: 2, max: maxColumns }),
    })
    .chain(({ rows, columns }) =>
      fc.record({
        counts: fc.array(
          fc.array(fc.integer({ min: 0, max: maxCount }), {
            minLength: columns,
            maxLength: columns,
          }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
        sensitiveRows: fc.array(fc.boolean(), { minLength: rows, maxLength: rows }),
        sensitiveColumns: fc.array(fc.boolean(), { minLength: columns, maxLength: columns }),
      }),
    );

function categoriesOf(flags: boolean[]): (string | undefined)[] {
  return flags.map((flag) => (flag ? 'sensitive' : undefined));
}

function disclose(input: Flagged, history?: Parameters<typeof discloseTable>[2]) {
  const table = {
    counts: input.counts,
    rowCategories: categoriesOf(input.sensitiveRows),
    columnCategories: categoriesOf(input.sensitiveColumns),
  };
  return { table, published: discloseTable(table, POLICY, history) };
}

describe('the attacker used by the properties', () => {
  const input: Flagged = {
    counts: [
      [12, 3],
      [40, 25],
    ],
    sensitiveRows: [false, false],
    sensitiveColumns: [false, false],
  };
  const published = (cells: PublishedCell[][], rowTotals: PublishedCell[]): DisclosedTable => ({
    cells,
    rowTotals,
    columnTotals: [
      { kind: 'count', value: 52 },
      { kind: 'count', value: 28 },
    ],
    grandTotal: { kind: 'count', value: 80 },
    withheld: false,
    pattern: [],
  });
  const n = (value: number): PublishedCell => ({ kind: 'count', value });
  const small: PublishedCell = { kind: 'suppressed', reason: 'primary', threshold: 5 };
  const hidden: PublishedCell = { kind: 'suppressed', reason: 'secondary' };

  it('recovers a small count hidden without complements', () => {
    const seen = readRelease(
      input,
      published(
        [
          [n(12), small],
          [n(40), n(25)],
        ],
        [n(15), n(65)],
      ),
    );
    assert.deepEqual(recoveredEntries([{ counts: input.counts, seen }], 'alone'), ['0:0,1']);
  });

  it('recovers a small count whose only complement must be at least 5', () => {
    const tight = {
      ...input,
      counts: [
        [1, 5],
        [5, 1],
      ],
    };
    const table = {
      ...published(
        [
          [small, hidden],
          [hidden, small],
        ],
        [n(6), n(6)],
      ),
      columnTotals: [n(6), n(6)],
      grandTotal: n(12),
    };
    const seen = readRelease(tight, table);
    assert.equal(recoveredEntries([{ counts: tight.counts, seen }], 'alone').length, 4);
  });

  it('recovers a hidden daily count from the total of two days', () => {
    const dayOne = readRelease(
      input,
      published(
        [
          [n(12), small],
          [n(40), n(25)],
        ],
        [hidden, n(65)],
      ),
    );
    const both = {
      ...input,
      counts: [
        [24, 6],
        [80, 50],
      ],
    };
    const total = readRelease(both, {
      ...published(
        [
          [n(24), n(6)],
          [n(80), n(50)],
        ],
        [n(30), n(130)],
      ),
      columnTotals: [n(104), n(56)],
      grandTotal: n(160),
    });
    const releases = [
      { counts: input.counts, seen: dayOne },
      { counts: input.counts, seen: dayOne },
      { counts: both.counts, seen: total },
    ];
    assert.ok(recoveredEntries(releases, 'sum').includes('0:0,1'));
  });
});

describe('disclosure control against an attacker who combines everything published', () => {
  it('never lets a suppressed entry of one table be recovered from cells and totals', () => {
    fc.assert(
      fc.property(flaggedTable(5, 5, 40), (input) => {
        const { published } = disclose(input);
        const seen = readRelease(input, published);
        assert.deepEqual(recoveredEntries([{ counts: input.counts, seen }], 'alone'), []);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a suppressed entry be recovered with totals another output publishes', () => {
    const withElsewhere = flaggedTable(4, 4, 30).chain((input) =>
      fc.record({
        input: fc.constant(input),
        rowTotals: fc.array(fc.boolean(), {
          minLength: input.counts.length,
          maxLength: input.counts.length,
        }),
        columnTotals: fc.array(fc.boolean(), {
          minLength: input.counts[0]?.length ?? 0,
          maxLength: input.counts[0]?.length ?? 0,
        }),
        grandTotal: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(withElsewhere, ({ input, ...publishedElsewhere }) => {
        const table = {
          counts: input.counts,
          rowCategories: categoriesOf(input.sensitiveRows),
          columnCategories: categoriesOf(input.sensitiveColumns),
          publishedElsewhere,
        };
        const published = discloseTable(table, POLICY);
        const full = withTotals(input.counts);
        const rows = input.counts.length;
        const columns = input.counts[0]?.length ?? 0;
        const isElsewhere = (r: number, c: number) =>
          r === rows
            ? c === columns
              ? publishedElsewhere.grandTotal
              : publishedElsewhere.columnTotals[c] === true
            : c === columns && publishedElsewhere.rowTotals[r] === true;
        // The attacker reads the release and knows the totals published elsewhere exactly.
        const knowing = (read: Seen[][]) =>
          read.map((line, r) =>
            line.map((bounds, c) => {
              const value = full[r]?.[c] ?? 0;
              return isElsewhere(r, c) ? { lo: value, hi: value } : bounds;
            }),
          );
        const recovered = (seen: Seen[][]) =>
          recoveredEntries([{ counts: input.counts, seen }], 'alone');
        // What the other output gives away on its own (with this table withheld) is not this
        // release's doing; nor is a true zero (it discloses nobody, and this policy prints zeros).
        const nothing = full.map((line) => line.map(() => ({ lo: 0, hi: Infinity })));
        const givenAway = new Set(recovered(knowing(nothing)));
        const hiddenHere = recovered(knowing(readRelease(input, published))).filter((entry) => {
          const [r = 0, c = 0] = entry.slice(2).split(',').map(Number);
          return !givenAway.has(entry) && !isElsewhere(r, c) && (full[r]?.[c] ?? 0) > 0;
        });
        assert.deepEqual(hiddenHere, []);
      }),
      { numRuns: 200 },
    );
  });

  it('never publishes a count below its threshold', () => {
    fc.assert(
      fc.property(flaggedTable(5, 5, 40), (input) => {
        const { published } = disclose(input);
        const grid = withTotals(input.counts);
        const seen = readRelease(input, published);
        grid.forEach((row, r) => {
          row.forEach((value, c) => {
            const { lo, hi } = seen[r]![c]!;
            if (lo !== hi) return;
            assert.equal(hi, value, 'a published entry is the true count');
            const threshold = seen.length > 0 ? thresholdFor(input, r, c) : 0;
            assert.ok(value === 0 || value >= threshold, `${value} published below ${threshold}`);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a suppressed entry be recovered by subtracting an earlier release', () => {
    const pair = flaggedTable(3, 3, 40).chain((first) =>
      fc.record({
        first: fc.constant(first),
        day: fc.array(
          fc.array(fc.integer({ min: 0, max: 12 }), {
            minLength: first.counts[0]!.length,
            maxLength: first.counts[0]!.length,
          }),
          { minLength: first.counts.length, maxLength: first.counts.length },
        ),
      }),
    );
    fc.assert(
      fc.property(pair, ({ first, day }) => {
        const earlier = disclose(first);
        const second = {
          ...first,
          counts: first.counts.map((row, r) => row.map((v, c) => v + day[r]![c]!)),
        };
        const history = {
          parts: [{ table: earlier.table, disclosed: earlier.published }],
          coversPeriod: false,
        };
        const later = disclose(second, history);
        const releases = [
          { counts: first.counts, seen: readRelease(first, earlier.published) },
          { counts: second.counts, seen: readRelease(second, later.published) },
        ];
        assert.deepEqual(recoveredEntries(releases, 'remainder'), []);
      }),
      { numRuns: 150 },
    );
  });

  it('never lets a suppressed daily entry be recovered from the total of the days', () => {
    const days = flaggedTable(3, 3, 20).chain((first) =>
      fc.record({
        first: fc.constant(first),
        second: fc.array(
          fc.array(fc.integer({ min: 0, max: 20 }), {
            minLength: first.counts[0]!.length,
            maxLength: first.counts[0]!.length,
          }),
          { minLength: first.counts.length, maxLength: first.counts.length },
        ),
      }),
    );
    fc.assert(
      fc.property(days, ({ first, second }) => {
        const dayOne = disclose(first);
        const dayTwo = disclose({ ...first, counts: second });
        const both = {
          ...first,
          counts: first.counts.map((row, r) => row.map((v, c) => v + second[r]![c]!)),
        };
        const parts = [dayOne, dayTwo].map((d) => ({ table: d.table, disclosed: d.published }));
        const total = disclose(both, { parts, coversPeriod: true });
        const releases = [
          { counts: first.counts, seen: readRelease(first, dayOne.published) },
          { counts: second, seen: readRelease({ ...first, counts: second }, dayTwo.published) },
          { counts: both.counts, seen: readRelease(both, total.published) },
        ];
        // An entry of the total that every day published is no secret: the sum gives it away.
        const publishedDaily = (entry: string) => {
          const [r, c] = entry.slice(2).split(',').map(Number) as [number, number];
          return releases.slice(0, 2).every(({ seen }) => seen[r]![c]!.lo === seen[r]![c]!.hi);
        };
        const secrets = recoveredEntries(releases, 'sum').filter(
          (entry) => !entry.startsWith('2:') || !publishedDaily(entry),
        );
        assert.deepEqual(secrets, []);
      }),
      { numRuns: 100 },
    );
  });
});
