// Small scenarios: reproducibility, the start parameter, and the quick 0.01 scale that other
// tests use (it must still contain one of everything).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { findScenarioViolations } from './scenario-invariants.ts';
import { generateScenario } from './scenario.ts';
import type { Scenario } from './scenario.types.ts';

function digest(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}

describe('generateScenario reproducibility', () => {
  it('gives the same scenario, byte for byte, for the same seed', () => {
    const a = generateScenario({ seed: 42, scale: 0.05 });
    const b = generateScenario({ seed: 42, scale: 0.05 });
    assert.equal(digest(a), digest(b));
  });

  it('gives a different scenario for another seed, a string seed or another scale', () => {
    const base = digest(generateScenario({ seed: 42, scale: 0.05 }));
    assert.notEqual(digest(generateScenario({ seed: 43, scale: 0.05 })), base);
    assert.notEqual(digest(generateScenario({ seed: '42', scale: 0.05 })), base);
    assert.notEqual(digest(generateScenario({ seed: 42, scale: 0.06 })), base);
  });

  it('shifts every event by the same amount when the start moves by whole days', () => {
    const shift = 800 * 86_400_000;
    const a = generateScenario({ seed: 5, scale: 0.02 });
    const b = generateScenario({
      seed: 5,
      scale: 0.02,
      start: new Date(Date.parse(a.meta.start) + shift),
    });
    assert.equal(a.events.length, b.events.length);
    a.events.forEach((event, i) => {
      const other = b.events[i]!;
      assert.equal(other.type, event.type);
      assert.equal(Date.parse(other.at) - Date.parse(event.at), shift);
    });
    assert.equal(b.meta.start, new Date(Date.parse(a.meta.start) + shift).toISOString());
  });

  it('defaults D0 to 24 September 2023 and marks the data as synthetic', () => {
    const scenario = generateScenario({ seed: 1, scale: 0.01 });
    assert.equal(scenario.meta.start, '2023-09-24T00:00:00.000Z');
    assert.equal(scenario.meta.synthetic, true);
    const first = scenario.events.find((e) => e.type === 'departure');
    assert.ok(first !== undefined && first.at.startsWith('2023-09-24'));
  });

  it('refuses a scale outside (0, 100] and an invalid start', () => {
    for (const scale of [0, -1, Number.NaN, 101, Infinity]) {
      assert.throws(() => generateScenario({ seed: 1, scale }), RangeError);
    }
    assert.throws(() => generateScenario({ seed: 1, start: new Date('nope') }), RangeError);
  });
});

describe('generateScenario at scale 0.01', () => {
  it('holds one of everything, consistently', () => {
    const scenario = generateScenario({ seed: 3, scale: 0.01 });
    const types = new Set<string>(scenario.events.map((e) => e.type));
    const expected = [
      'operation_state',
      'departure',
      'checkpoint_passage',
      'held',
      'released',
      'turned_back',
      'detained',
      'held_case_update',
      'died_en_route',
      'medevac',
      'arrival',
      'arrival_registration',
      'tracing_opened',
      'tracing_resolved',
      'aggregate_count',
      'welfare_contact',
    ];
    assert.deepEqual(
      expected.filter((t) => !types.has(t)),
      [],
    );
    assert.ok(scenario.unaccountedPersonIds.length > 0);
    assert.ok(scenario.operations.some((o) => o.kind === 'convoy'));
    assertBetween(scenario.totals.people, 1100, 1300);
    assert.deepEqual(findScenarioViolations(scenario), []);
  });

  it('lists staff of every role with synthetic names and distinct logins', () => {
    const { staff } = generateScenario({ seed: 3, scale: 0.01 });
    const roles = new Set(staff.map((s) => s.role));
    assert.deepEqual([...roles].sort(), [
      'admin',
      'analyst',
      'coordinator',
      'hotline',
      'monitor',
      'partner',
    ]);
    assert.equal(new Set(staff.map((s) => s.login)).size, staff.length);
    assert.ok(staff.every((s) => /^[A-Za-z]+ [A-Za-z]+$/u.test(s.name)));
  });

  it('stays consistent for many seeds', () => {
    for (let seed = 100; seed < 110; seed++) {
      const scenario = generateScenario({ seed, scale: 0.01 });
      assert.deepEqual(findScenarioViolations(scenario), [], `seed ${seed}`);
      const t = scenario.totals;
      const back =
        t.arrived + t.detained + t.turnedBack + t.diedEnRoute + t.medevac + t.unaccounted;
      assert.equal(t.departed, back, `seed ${seed}`);
    }
  });
});

function assertBetween(value: number, low: number, high: number): void {
  assert.ok(value >= low && value <= high, `${value} not in [${low}, ${high}]`);
}
