// A weekly report against its seven published daily reports: a reader who subtracts the days
// from the week (or the week from the days) must not recover a value a day published as "<5".
// The attacker is the disclosure property tests' (test/support/recovery-attacker.ts), given
// the true counts of every release and the published figures; the control case shows that the
// week disclosed on its own, as before, gives the suppressed value away.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESTRICTION_KINDS } from '../../monitoring/model/operations-vocabulary.ts';
import { recoveredEntries } from '../../../test/support/recovery-attacker.ts';
import type { Release, Seen } from '../../../test/support/recovery-attacker.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import type { RawCounts } from './bulletin-counts.kysely.ts';
import { bulletinFigures } from './bulletin-figures.ts';
import { historyOfDays, patternOfDay } from './bulletin-history.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import type { PublishedDay } from './bulletin-passages.ts';

const NAMES = new Map([
  ['cp-a', { en: 'Bridge' }],
  ['cp-b', { en: 'Hill' }],
]);
const SMALL_DAY = 2;

function dayCounts(day: number): RawCounts {
  const small = day === SMALL_DAY;
  const passages = [
    { checkpointId: 'cp-a', direction: 'out', people: 30 },
    { checkpointId: 'cp-a', direction: 'in', people: 20 },
  ];
  passages.push({ checkpointId: 'cp-b', direction: 'out', people: small ? 3 : 10 });
  return {
    passages,
    incidentsReported: 8,
    detentionsReported: 0,
    incidentsVerified: 6,
    killed: small ? 2 : 6,
    injured: 7,
    restrictions: Object.fromEntries(
      RESTRICTION_KINDS.map((kind) => [kind, kind === 'delay' && small ? 1 : 6]),
    ) as RawCounts['restrictions'],
    hotlineResponded: 20,
    hotlineUnanswered: small ? 2 : 10,
  };
}

function weekCounts(days: readonly RawCounts[]): RawCounts {
  const sum = (of: (c: RawCounts) => number) => days.reduce((total, c) => total + of(c), 0);
  const restrictions = Object.fromEntries(
    Object.keys(days[0]?.restrictions ?? {}).map((kind) => [
      kind,
      sum((c) => (c.restrictions as Record<string, number>)[kind] ?? 0),
    ]),
  ) as RawCounts['restrictions'];
  return {
    passages: days.flatMap((c) => c.passages),
    incidentsReported: sum((c) => c.incidentsReported),
    detentionsReported: sum((c) => c.detentionsReported),
    incidentsVerified: sum((c) => c.incidentsVerified),
    killed: sum((c) => c.killed),
    injured: sum((c) => c.injured),
    restrictions,
    hotlineResponded: sum((c) => c.hotlineResponded),
    hotlineUnanswered: sum((c) => c.hotlineUnanswered),
  };
}

const daily = (counts: RawCounts) =>
  bulletinFigures({ current: counts, days: [], previous: null }, NAMES);

function seenOf(cell: PublishedCell | undefined, value: number): Seen {
  // The attacker is given every published count exactly (rounding only weakens the reader).
  if (cell === undefined || cell.kind === 'count') return { lo: value, hi: value };
  if (cell.reason === 'primary') return { lo: 1, hi: cell.threshold - 1 };
  if (cell.reason === 'secondary') return { lo: 5, hi: Infinity };
  return { lo: 0, hi: Infinity };
}

/** A section of published figures as a release the attacker reads; rows by key or by names. */
function release(figures: BulletinFigures, key: string, counts: number[][]): Release {
  const section = figures.sections.find((s) => s.key === key);
  assert.ok(section !== undefined);
  const body = section.rows.slice(0, -1);
  const rowOf = (r: number) =>
    key === 'passages'
      ? body.find((row) => row.names?.['en'] === [...NAMES.values()][r]?.en)
      : body[r];
  const withTotals = [...counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)])];
  withTotals.push(withTotals[0]!.map((_, c) => withTotals.reduce((sum, row) => sum + row[c]!, 0)));
  const seen = withTotals.map((row, r) =>
    row.map((value, c) => {
      const published = r < counts.length ? rowOf(r) : section.rows.at(-1);
      // A missing row was published as nothing: the reader takes it for zero.
      if (published === undefined) return { lo: value, hi: value };
      const cell = key === 'passages' ? published.cells[c] : published.cells[0];
      return seenOf(cell, value);
    }),
  );
  return { counts, seen };
}

const passageCounts = (c: RawCounts) =>
  ['cp-a', 'cp-b'].map((id) =>
    ['out', 'in'].map((direction) =>
      c.passages
        .filter((p) => p.checkpointId === id && p.direction === direction)
        .reduce((sum, p) => sum + p.people, 0),
    ),
  );
const hotlineCounts = (c: RawCounts) => [[c.hotlineResponded], [c.hotlineUnanswered]];

function attack(week: BulletinFigures, days: PublishedDay[], section: string) {
  const counts = section === 'passages' ? passageCounts : hotlineCounts;
  const current = weekCounts(days.map((day) => day.counts));
  const releases = [
    ...days.map((day) => release(day.figures ?? daily(day.counts), section, counts(day.counts))),
    release(week, section, counts(current)),
  ];
  return recoveredEntries(releases, 'sum');
}

describe('weekly figures against the daily figures of their days', () => {
  const days: PublishedDay[] = Array.from({ length: 7 }, (_, day) => {
    const counts = dayCounts(day);
    return { counts, figures: daily(counts) };
  });
  const current = weekCounts(days.map((day) => day.counts));

  it('hides in the day what is small there', () => {
    const small = days[SMALL_DAY]?.figures;
    assert.ok(small !== undefined && small !== null);
    const hotline = small.sections.find((s) => s.key === 'hotline');
    assert.deepEqual(hotline?.rows[1]?.cells[0], {
      kind: 'suppressed',
      reason: 'primary',
      threshold: 5,
    });
  });

  it('gives the suppressed daily values away when the week is disclosed on its own (the old way)', () => {
    const alone = bulletinFigures({ current, days: [], previous: null }, NAMES);
    assert.notDeepEqual(attack(alone, days, 'passages'), []);
    assert.notDeepEqual(attack(alone, days, 'hotline'), []);
    const killed = alone.headlines.find((h) => h.key === 'headline.killed');
    assert.deepEqual(killed?.value, { kind: 'count', value: 38 }, '38 − 6 × 6 = 2');
  });

  it('recovers nothing when the week is disclosed with its published days as history', () => {
    const week = bulletinFigures({ current, days, previous: null }, NAMES);
    assert.deepEqual(attack(week, days, 'passages'), []);
    assert.deepEqual(attack(week, days, 'hotline'), []);
    // The single figures: the week's killed minus six published 6s would be the day's 2.
    const killed = week.headlines.find((h) => h.key === 'headline.killed');
    assert.notEqual(killed?.value.kind, 'count');
  });
});

describe('a published day as history', () => {
  const count = (value: number): PublishedCell => ({ kind: 'count', value });
  const under5: PublishedCell = { kind: 'suppressed', reason: 'primary', threshold: 5 };
  const x: PublishedCell = { kind: 'suppressed', reason: 'secondary' };

  it('describes what the bulletin published while it still fits the data', () => {
    const table = { counts: [[12], [0], [3]] };
    const published = [[count(12), count(12)], [], [under5, under5], [x, x]];
    assert.deepEqual(patternOfDay(table, published), [
      [null, null],
      [null, null],
      ['primary', 'primary'],
      ['secondary', 'secondary'],
    ]);
  });

  it('hides by the current value what changed since, and reads a missing row as zero', () => {
    // Published 12 and "<5", then late records: 14 and 7; a row it did not have now holds 4.
    const table = { counts: [[14], [4], [7]] };
    const published = [[count(12), count(12)], [], [under5, under5], [count(15), count(15)]];
    assert.deepEqual(patternOfDay(table, published), [
      ['secondary', 'secondary'],
      ['primary', 'primary'],
      ['secondary', 'secondary'],
      ['secondary', 'secondary'],
    ]);
    const merged = { counts: [[2], [0]] };
    assert.deepEqual(
      patternOfDay(merged, [
        [x, x],
        [under5, under5],
        [x, x],
      ]),
      [
        ['primary', 'primary'],
        [null, null],
        ['primary', 'primary'],
      ],
    );
  });

  it('covers the period only when every day was published', () => {
    const day = {
      table: { counts: [[1]] },
      published: [
        [under5, under5],
        [under5, under5],
      ],
    };
    assert.equal(historyOfDays([day, day]).coversPeriod, true);
    const partial = historyOfDays([day, { table: { counts: [[1]] }, published: null }]);
    assert.deepEqual([partial.parts.length, partial.coversPeriod], [1, false]);
  });
});
