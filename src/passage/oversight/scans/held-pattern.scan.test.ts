import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeldPatternReader, HeldPerson, PatternScope } from './held-pattern.reader.ts';
import { heldPatternFindings } from './held-pattern.scan.ts';
import { ScanMemo } from './scan-memo.ts';

const DAY = '2023-09-26';
const departedAt = `${DAY}T08:00:00.000Z`;

/** A reader over fixed people that counts its passing reads. */
function fakeReader(held: HeldPerson[]) {
  const reads: PatternScope[] = [];
  const reader: HeldPatternReader = {
    listHeld: () => Promise.resolve(held),
    countPassing: (scope) => {
      reads.push(scope);
      return Promise.resolve(
        ['female', 'male'].flatMap((sex) =>
          ['5-17', '18-45', '46-64'].map((ageBand) => ({ sex, ageBand, people: 100 })),
        ),
      );
    },
  };
  return { reader, reads };
}

const men = (count: number, checkpointId: string | null): HeldPerson[] =>
  Array.from({ length: count }, () => ({
    operationId: null,
    checkpointId,
    departedAt,
    sex: 'male',
    ageBand: '18-45',
  }));

describe('held-pattern findings', () => {
  it('tests each checkpoint and day with enough people held, reusing fresh passing counts', async () => {
    const { reader, reads } = fakeReader([...men(12, 'cp-1'), ...men(3, 'cp-2')]);
    const memo = new ScanMemo();
    const options = { memo, passingRefreshMs: 60_000 };
    const t0 = new Date(`${DAY}T12:00:00.000Z`);
    const findings = await heldPatternFindings(reader, t0, options);
    assert.deepEqual(
      findings.map((finding) => [finding.scopeKey, finding.candidate.subjectId]),
      [[`checkpoint:cp-1:${DAY}`, 'cp-1']],
    );
    // Three people held at cp-2 are too few to test: their passing is never even read.
    assert.deepEqual(reads, [{ type: 'checkpoint', id: 'cp-1', day: DAY }]);
    await heldPatternFindings(reader, new Date(t0.getTime() + 30_000), options);
    assert.equal(reads.length, 1, 'reused within the refresh time');
    await heldPatternFindings(reader, new Date(t0.getTime() + 61_000), options);
    assert.equal(reads.length, 2, 'read again once stale');
  });

  it('skips a scope the memo knows is alerted', async () => {
    const { reader, reads } = fakeReader(men(20, 'cp-1'));
    const memo = new ScanMemo();
    memo.patterns.add(`checkpoint:cp-1:${DAY}`);
    const findings = await heldPatternFindings(reader, new Date(`${DAY}T12:00:00.000Z`), {
      memo,
      passingRefreshMs: 60_000,
    });
    assert.deepEqual([findings, reads], [[], []]);
  });

  it('leaves out people with no usable age band and counts an unrecorded sex as unknown', async () => {
    const unplaced = men(12, 'cp-1').map((person) => ({ ...person, ageBand: null }));
    const unknownSex = men(5, 'cp-2').map((person) => ({ ...person, sex: null }));
    const { reader, reads } = fakeReader([...unplaced, ...men(10, 'cp-2'), ...unknownSex]);
    const findings = await heldPatternFindings(reader, new Date(`${DAY}T12:00:00.000Z`), {
      memo: new ScanMemo(),
      passingRefreshMs: 60_000,
    });
    assert.deepEqual(
      reads.map((scope) => scope.id),
      ['cp-2'],
    );
    const [finding] = findings;
    assert.equal(finding?.candidate.details.held, 15);
    const unknown = finding.candidate.details.cells.find((cell) => cell.sex === 'unknown');
    assert.deepEqual([unknown?.ageBand, unknown?.held], ['18-45', 5]);
  });
});
