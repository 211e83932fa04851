// The consistency checker must catch what it claims to: each test breaks a good scenario in one
// way and expects a violation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findScenarioViolations } from './scenario-invariants.ts';
import type { ScenarioEvent } from './scenario-events.types.ts';
import { generateScenario } from './scenario.ts';
import type { Scenario } from './scenario.types.ts';

const good = generateScenario({ seed: 11, scale: 0.01 });

function withEvents(events: ScenarioEvent[]): Scenario {
  return { ...good, events };
}

function indexOf(type: ScenarioEvent['type']): number {
  const i = good.events.findIndex((e) => e.type === type);
  assert.ok(i >= 0, `no ${type} event`);
  return i;
}

function expectViolation(scenario: Scenario, pattern: RegExp): void {
  const problems = findScenarioViolations(scenario);
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected ${pattern}, got ${JSON.stringify(problems)}`,
  );
}

describe('findScenarioViolations', () => {
  it('finds nothing wrong with a generated scenario', () => {
    assert.deepEqual(findScenarioViolations(good), []);
  });

  it('catches events out of time order', () => {
    const events = [...good.events];
    const [first] = events.splice(0, 1);
    events.splice(5, 0, first!);
    expectViolation(withEvents(events), /before the previous event/u);
  });

  it('catches an id that refers to nothing', () => {
    const events = [...good.events];
    const i = indexOf('arrival');
    const arrival = events[i]!;
    assert.equal(arrival.type, 'arrival');
    events[i] = { ...arrival, vehicleId: 'no-such-vehicle' };
    expectViolation(withEvents(events), /unknown vehicles id no-such-vehicle/u);
  });

  it('catches a detained person who later arrives', () => {
    const detained = good.events[indexOf('detained')]!;
    assert.equal(detained.type, 'detained');
    const events = good.events.map((e) =>
      e.type === 'arrival' && e.journeyId === detained.journeyId
        ? { ...e, personIds: [...e.personIds, detained.personId], headcount: e.headcount + 1 }
        : e,
    );
    expectViolation(withEvents(events), /appears after detained|someone was not aboard/u);
  });

  it('catches a person departing twice and a wrong headcount', () => {
    const i = indexOf('departure');
    const departure = good.events[i]!;
    assert.equal(departure.type, 'departure');
    const twice = [...good.events];
    twice.splice(i + 1, 0, { ...departure, id: 'again', journeyId: good.journeys[1]!.id });
    expectViolation(withEvents(twice), /departs twice/u);
    const miscounted = [...good.events];
    miscounted[i] = { ...departure, headcount: departure.headcount + 1 };
    expectViolation(withEvents(miscounted), /headcount/u);
  });

  it('catches an operation skipping states, and a tracing request resolved before it opened', () => {
    const states = good.events.filter((e) => e.type !== 'operation_state' || e.state !== 'agreed');
    expectViolation(withEvents(states), /proposed → scheduled/u);
    const opened = indexOf('tracing_opened');
    const resolvedFirst = good.events.filter((_, i) => i !== opened);
    expectViolation(withEvents(resolvedFirst), /request not open/u);
  });

  it('catches duplicate event ids', () => {
    const events = good.events.map((e, i) => (i === 1 ? { ...e, id: good.events[0]!.id } : e));
    expectViolation(withEvents(events), /duplicate event id/u);
  });
});
