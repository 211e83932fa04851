import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DomainError } from '../../errors/domain-error.ts';
import { generateScenario } from '../scenario.ts';
import type { Scenario } from '../scenario.types.ts';
import { buildingMarker, inspectDataDir, writeDemoMarker } from './demo-marker.ts';
import { planLoad } from './load-plan.ts';

const actors = { staff: 'staff-1', device: 'device-1' };
const scenario = generateScenario({ seed: 11, scale: 0.01 });

function finalStates(plan: ReturnType<typeof planLoad>, source: Scenario): Map<string, number> {
  const states = new Map<string, number>();
  for (const person of source.households.flatMap((household) => household.members)) {
    const state = plan.final.get(person.id)?.state;
    if (state !== undefined) states.set(state, (states.get(state) ?? 0) + 1);
  }
  return states;
}

describe('planLoad', () => {
  it('replays every event through the journey machine to the totals the generator knows', () => {
    const states = finalStates(planLoad(scenario, actors), scenario);
    const { totals } = scenario;
    const count = (...names: string[]) => names.reduce((n, s) => n + (states.get(s) ?? 0), 0);
    assert.equal(count(...states.keys()), totals.departed);
    assert.equal(count('arrived', 'registered_at_arrival'), totals.arrived);
    assert.equal(count('registered_at_arrival'), totals.registeredAtArrival);
    assert.equal(count('detained'), totals.detained);
    assert.equal(count('turned_back'), totals.turnedBack);
    assert.equal(count('died_en_route'), totals.diedEnRoute);
    assert.equal(count('medevac'), totals.medevac);
    assert.equal(count('boarded', 'passed', 'released'), totals.unaccounted);
  });

  it('gives every departed journey an expected arrival after it left, most a first checkpoint', () => {
    const plan = planLoad(scenario, actors);
    const journeys = [...plan.listed.keys()].flatMap((id) => plan.final.get(id) ?? []);
    const checked = journeys.filter((journey) => journey.firstCheckpointId !== null);
    assert.ok(checked.length > journeys.length / 2, `${String(checked.length)} checked`);
    for (const journey of journeys) {
      assert.ok(journey.departedAt !== null && journey.expectedBy !== null, journey.id);
      assert.ok(journey.expectedBy > journey.departedAt, journey.id);
    }
  });

  it('refuses a scenario whose events the journey machine forbids (an arrival before departure)', () => {
    const firstArrival = scenario.events.findIndex((event) => event.type === 'arrival');
    const arrival = scenario.events[firstArrival];
    assert.ok(arrival?.type === 'arrival');
    const early = { ...arrival, at: '2023-09-01T00:00:00.000Z' };
    const events = [early, ...scenario.events.filter((_, i) => i !== firstArrival)];
    assert.throws(
      () => planLoad({ ...scenario, events }, actors),
      (error: unknown) => error instanceof DomainError && error.code === 'invalid_transition',
    );
  });
});

describe('inspectDataDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'vigil-demo-marker-'));
  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('tells a missing or empty directory, a demo, and anything else apart', () => {
    assert.deepEqual(inspectDataDir(join(root, 'missing')), { kind: 'empty' });
    const empty = join(root, 'empty');
    mkdirSync(empty);
    assert.deepEqual(inspectDataDir(empty), { kind: 'empty' });
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'vigil.sqlite'), '');
    assert.equal(inspectDataDir(other).kind, 'other');
    writeFileSync(join(other, 'demo.json'), '{"synthetic": false}');
    assert.equal(inspectDataDir(other).kind, 'other', 'a marker that does not say synthetic');
    const demo = join(root, 'demo');
    mkdirSync(demo);
    writeDemoMarker(demo, buildingMarker(scenario.meta));
    const state = inspectDataDir(demo);
    assert.equal(state.kind === 'demo' && state.marker.state, 'building');
    assert.equal(state.kind === 'demo' && state.marker.seed, '11');
  });
});
