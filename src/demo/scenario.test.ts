// The full-scale scenario against DOMAIN.md §7. Generated once (a few seconds) for all tests.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEPARTURE_CURVE } from './departures.generator.ts';
import { findScenarioViolations } from './scenario-invariants.ts';
import type { ScenarioEvent } from './scenario-events.types.ts';
import { generateScenario } from './scenario.ts';
import type { Person, Scenario } from './scenario.types.ts';
import { SCRIPT_PATTERNS } from './synthetic-names.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let scenario: Scenario;
let people: Person[];
let d0 = 0;

function ageOf(person: Person): number {
  const start = new Date(d0);
  const { birthYear, birthDate } = person.identity;
  const years = start.getUTCFullYear() - birthYear;
  const monthDay = start.toISOString().slice(5, 10);
  return birthDate !== undefined && birthDate.slice(5) > monthDay ? years - 1 : years;
}

function share(count: number, of: number): number {
  return count / of;
}

function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))] ?? NaN;
}

function eventsOf<T extends ScenarioEvent['type']>(type: T): Extract<ScenarioEvent, { type: T }>[] {
  return scenario.events.filter((e): e is Extract<ScenarioEvent, { type: T }> => e.type === type);
}

function assertBetween(value: number, low: number, high: number, what: string): void {
  assert.ok(value >= low && value <= high, `${what}: ${value} not in [${low}, ${high}]`);
}

before(() => {
  scenario = generateScenario({ seed: 2023 });
  people = scenario.households.flatMap((h) => h.members);
  d0 = Date.parse(scenario.meta.start);
});

describe('generateScenario at scale 1', () => {
  it('has about 120,000 people in about 32,000 households with the §7 sex and age mix', () => {
    assertBetween(scenario.households.length, 30_000, 34_000, 'households');
    assertBetween(people.length, 115_000, 125_000, 'people');
    assertBetween(scenario.totals.people, people.length, people.length, 'totals.people');
    const female = people.filter((p) => p.identity.sex === 'female').length;
    assertBetween(share(female, people.length), 0.5, 0.54, 'female share');
    const ages = people.map(ageOf);
    assertBetween(share(ages.filter((a) => a < 18).length, ages.length), 0.29, 0.33, 'under 18');
    assertBetween(share(ages.filter((a) => a >= 65).length, ages.length), 0.16, 0.2, '65 and over');
    assertBetween(people.length / scenario.households.length, 3.5, 3.9, 'household size');
  });

  it('flags about 2% with a disability and about 2% of women 18–45 as pregnant', () => {
    const disabled = people.filter((p) => p.flags.disability).length;
    assertBetween(share(disabled, people.length), 0.015, 0.025, 'disability');
    const women = people.filter(
      (p) => p.identity.sex === 'female' && ageOf(p) >= 18 && ageOf(p) <= 45,
    );
    const pregnant = women.filter((p) => p.flags.pregnant).length;
    assertBetween(share(pregnant, women.length), 0.01, 0.03, 'pregnant');
    assert.ok(people.every((p) => !p.flags.pregnant || p.identity.sex === 'female'));
  });

  it('lets over 99% leave and keeps 50–1,000 under protection, with welfare contacts', () => {
    const stay = scenario.households.filter((h) => h.intention === 'stay_under_protection');
    const stayers = stay.reduce((n, h) => n + h.members.length, 0);
    assertBetween(stayers, 50, 1000, 'stayers');
    assertBetween(scenario.totals.departed / people.length, 0.99, 1, 'departed share');
    const contacted = new Set(eventsOf('welfare_contact').map((e) => e.householdId));
    assert.deepEqual([...contacted].sort(), stay.map((h) => h.id).sort());
    assert.ok(eventsOf('welfare_contact').some((e) => e.state === 'missed'));
  });

  it('moves people in about 21,000 cars (occupancy 1–9, mean near 4.76) and 90 buses', () => {
    const carIds = new Set(scenario.vehicles.filter((v) => v.kind === 'car').map((v) => v.id));
    const carJourneys = scenario.journeys.filter((j) => carIds.has(j.vehicleId));
    assertBetween(carIds.size, 20_000, 22_000, 'private vehicles');
    assertBetween(scenario.vehicles.filter((v) => v.kind === 'bus').length, 80, 100, 'buses');
    const sizes = carJourneys.map((j) => j.personIds.length);
    assertBetween(Math.min(...sizes), 1, 1, 'min occupancy');
    assertBetween(Math.max(...sizes), 9, 9, 'max occupancy');
    assertBetween(sizes.reduce((a, b) => a + b, 0) / sizes.length, 4.5, 5, 'mean occupancy');
    const busPeople = scenario.journeys
      .filter((j) => !carIds.has(j.vehicleId))
      .reduce((n, j) => n + j.personIds.length, 0);
    assertBetween(share(busPeople, scenario.totals.departed), 0.1, 0.15, 'bus share');
  });

  it('runs the buses in several convoys, mostly over the last days, 40–54 people a bus', () => {
    const convoys = scenario.operations.filter((o) => o.kind === 'convoy');
    assertBetween(convoys.length, 5, 15, 'convoys');
    const busIds = new Set(scenario.vehicles.filter((v) => v.kind === 'bus').map((v) => v.id));
    const trips = scenario.journeys.filter((j) => busIds.has(j.vehicleId));
    const late = trips.filter((j) => Date.parse(j.departureAt) >= d0 + 4 * DAY);
    assert.ok(share(late.length, trips.length) > 0.8, `late share ${late.length / trips.length}`);
    assert.ok(trips.every((j) => j.personIds.length <= 54));
    const windows = scenario.operations.filter((o) => o.kind === 'open_window');
    assert.equal(windows.length, 1);
  });

  it('follows the seven-day departure curve within ±30%, then a trickle of about 200', () => {
    const byDay = scenario.totals.departedByDay;
    const week = byDay.slice(0, 7).reduce((a, b) => a + b, 0);
    const curveTotal = DEPARTURE_CURVE.reduce((a, b) => a + b, 0);
    DEPARTURE_CURVE.forEach((expected, day) => {
      const ratio = (byDay[day] ?? 0) / ((expected / curveTotal) * week);
      assertBetween(ratio, 0.7, 1.3, `D${day}`);
    });
    assertBetween(byDay[7] ?? 0, 100, 400, 'trickle');
    const departures = eventsOf('departure').reduce((n, e) => n + e.headcount, 0);
    assert.equal(departures, scenario.totals.departed);
  });

  it('screens 230–250 vehicles an hour at the peak of the bridge checkpoint', () => {
    const checkpoint = scenario.places.find((p) => p.kind === 'checkpoint');
    const perHour = new Map<number, number>();
    for (const e of eventsOf('checkpoint_passage')) {
      if (e.placeId !== checkpoint?.id) continue;
      const hour = Math.floor(Date.parse(e.screeningStartAt) / HOUR);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    assertBetween(Math.max(...perHour.values()), 230, 250, 'peak vehicles per hour');
  });

  it('takes 12–20 h (p95 48–72 h) at the peak and 2–4 h off-peak', () => {
    const departed = new Map(eventsOf('departure').map((e) => [e.journeyId, Date.parse(e.at)]));
    const transit = (day: number): number[] =>
      eventsOf('arrival')
        .map((e) => [departed.get(e.journeyId) ?? NaN, Date.parse(e.at)] as const)
        .filter(([t]) => t >= d0 + day * DAY && t < d0 + (day + 1) * DAY)
        .map(([t, a]) => (a - t) / HOUR);
    const peak = transit(3);
    assertBetween(quantile(peak, 0.5), 12, 20, 'peak median h');
    assertBetween(quantile(peak, 0.95), 48, 72, 'peak p95 h');
    assertBetween(quantile(transit(0), 0.5), 2, 4, 'D0 median h');
    assertBetween(quantile(transit(6), 0.5), 2, 4, 'D6 median h');
  });

  it('takes 1–5% of men 18–45 aside for 20–60 min and detains about ten', () => {
    const men = people.filter((p) => p.identity.sex === 'male' && ageOf(p) >= 18 && ageOf(p) <= 45);
    const held = eventsOf('held');
    const menIds = new Set(men.map((m) => m.id));
    const heldMen = held.filter((e) => menIds.has(e.personId));
    assertBetween(share(heldMen.length, men.length), 0.01, 0.05, 'held share of men 18–45');
    const heldAt = new Map(held.map((e) => [e.personId, Date.parse(e.at)]));
    for (const e of [
      ...eventsOf('released'),
      ...eventsOf('detained'),
      ...eventsOf('turned_back'),
    ]) {
      const minutes = (Date.parse(e.at) - (heldAt.get(e.personId) ?? NaN)) / 60_000;
      assertBetween(minutes, 20, 60, 'held minutes');
    }
    assertBetween(eventsOf('detained').length, 5, 20, 'detentions');
    assert.ok(eventsOf('held_case_update').length > 0);
  });

  it('balances departed = arrived + held back + died + medevac + unaccounted, listing the unaccounted', () => {
    const t = scenario.totals;
    assert.equal(
      t.departed,
      t.arrived + t.detained + t.turnedBack + t.diedEnRoute + t.medevac + t.unaccounted,
    );
    assert.ok(t.unaccounted > 0);
    const accounted = new Set([
      ...eventsOf('arrival').flatMap((e) => e.personIds),
      ...[...eventsOf('detained'), ...eventsOf('turned_back')].map((e) => e.personId),
      ...[...eventsOf('died_en_route'), ...eventsOf('medevac')].map((e) => e.personId),
    ]);
    const missing = eventsOf('departure')
      .flatMap((e) => e.personIds)
      .filter((id) => !accounted.has(id));
    assert.deepEqual(missing, scenario.unaccountedPersonIds);
    assert.ok(t.diedEnRoute > 0 && t.medevac > 0);
  });

  it('registers 70% the same day, 85% by D7 and 97% by D10 (±4 points)', () => {
    const arrivedAt = new Map<string, number>();
    for (const e of eventsOf('arrival'))
      for (const id of e.personIds) arrivedAt.set(id, Date.parse(e.at));
    const arrived = arrivedAt.size;
    const regs = eventsOf('arrival_registration').flatMap((e) =>
      e.personIds.map((id) => [id, Date.parse(e.at)] as const),
    );
    const sameDay = regs.filter(
      ([id, at]) =>
        Math.floor((at - d0) / DAY) === Math.floor(((arrivedAt.get(id) ?? 0) - d0) / DAY),
    );
    assertBetween(share(sameDay.length, arrived), 0.66, 0.74, 'same day');
    assertBetween(
      share(regs.filter(([, at]) => at < d0 + 8 * DAY).length, arrived),
      0.81,
      0.89,
      'by D7',
    );
    assertBetween(
      share(regs.filter(([, at]) => at < d0 + 11 * DAY).length, arrived),
      0.93,
      0.99,
      'by D10',
    );
  });

  it('opens tracing for 0.5–1% of households, 80–90% resolved within 7 days, 30–100 children alone', () => {
    const opened = eventsOf('tracing_opened');
    assertBetween(share(opened.length, scenario.households.length), 0.005, 0.01, 'tracing share');
    assertBetween(
      share(scenario.totals.tracingResolvedWithin7Days, opened.length),
      0.8,
      0.9,
      'resolved in 7 days',
    );
    const alone = people.filter((p) => p.flags.unaccompaniedChild);
    assertBetween(alone.length, 30, 100, 'unaccompanied children');
    assert.ok(alone.every((p) => ageOf(p) < 18));
  });

  it('counts some hours in aggregate, by tally and by party report, with a source grade', () => {
    const counts = eventsOf('aggregate_count');
    assert.ok(
      counts.some((c) => c.method === 'tally') && counts.some((c) => c.method === 'party_report'),
    );
    assert.ok(counts.every((c) => /^[A-F][1-6]$/u.test(c.sourceGrade) && c.vehicles > 0));
  });

  it('writes every name in its script; households share a family name; a few have spellings in another', () => {
    for (const person of people) {
      for (const name of [...person.identity.names, ...person.identity.alternateSpellings]) {
        const parts = [name.given, name.family, name.patronymic].filter((p) => p !== undefined);
        assert.ok(
          parts.every((part) => SCRIPT_PATTERNS[name.script].test(part)),
          JSON.stringify(name),
        );
      }
      const registered = person.identity.names[0]?.script;
      assert.ok(person.identity.alternateSpellings.every((n) => n.script !== registered));
    }
    const scripts = people.map((p) => p.identity.names[0]?.script);
    assert.ok(share(scripts.filter((s) => s === 'hy').length, people.length) > 0.8);
    assert.ok(scripts.includes('ru') && scripts.includes('en'));
    const alternates = people.filter((p) => p.identity.alternateSpellings.length > 0);
    assertBetween(share(alternates.length, people.length), 0.01, 0.1, 'alternate spellings');
    assert.ok(alternates.some((p) => p.identity.alternateSpellings.some((n) => n.script === 'az')));
    for (const household of scenario.households) {
      const families = new Set(household.members.map((m) => m.identity.names[0]?.family));
      assert.equal(families.size, 1);
    }
  });

  it('gives each document number to one person only', () => {
    const numbers = people.flatMap((p) => p.identity.documents.map((d) => `${d.type}:${d.number}`));
    assert.equal(new Set(numbers).size, numbers.length);
    assert.ok(
      share(people.filter((p) => p.identity.documents.length > 0).length, people.length) > 0.95,
    );
  });

  it('tells a consistent story: ordered events, known ids, possible journeys', () => {
    assert.deepEqual(findScenarioViolations(scenario), []);
  });
});
