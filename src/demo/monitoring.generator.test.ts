// The demo's monitoring data against issue 4 and DOMAIN.md §5, §7: consistent links, the noise of
// the reports, the explosion's four toll versions, the hotline's daily load, every verification
// state, two people on every two-person step, and the same data for the same seed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { CHANNELS, INCIDENT_STATES } from '../monitoring/model/vocabulary.ts';
import { generateMonitoring } from './monitoring.generator.ts';
import { findMonitoringViolations } from './monitoring/monitoring-invariants.ts';
import type { MonitoringScenario } from './monitoring/monitoring.types.ts';
import { HOTLINE_PEAK_DAYS } from './monitoring/hotline.generator.ts';
import { generateScenario } from './scenario.ts';

const DAY = 86_400_000;
const scenario = generateScenario({ seed: 7, scale: 0.01 });
const d0 = Date.parse(scenario.meta.start);
const monitoring = generateMonitoring(scenario);

function digest(m: MonitoringScenario): string {
  return createHash('sha256').update(JSON.stringify(m)).digest('hex');
}

function between(value: number, low: number, high: number, what: string): void {
  assert.ok(value >= low && value <= high, `${what}: ${value} not in [${low}, ${high}]`);
}

const explosion = monitoring.incidents.find(
  (i) => i.versions[0]?.content.subEventType === 'mass_casualty_accident',
);

describe('generateMonitoring', () => {
  it('is consistent with its passage scenario: no link points to nothing', () => {
    assert.deepEqual(findMonitoringViolations(monitoring, scenario), []);
    const other = generateScenario({ seed: 'other', scale: 0.03 });
    assert.deepEqual(findMonitoringViolations(generateMonitoring(other), other), []);
  });

  it('catches a dangling link and a one-person approval', () => {
    const [first] = monitoring.items;
    assert.ok(first !== undefined);
    const dangling = { ...monitoring, items: [{ ...first, sourceId: 'no-such-source' }] };
    assert.ok(
      findMonitoringViolations(dangling, scenario).some((p) => p.includes('unknown source')),
    );
    const incidents = monitoring.incidents.map((incident) => ({
      ...incident,
      transitions: incident.transitions.map((t) =>
        t.to === 'verified' ? { ...t, proposedBy: t.by } : t,
      ),
    }));
    const problems = findMonitoringViolations({ ...monitoring, incidents }, scenario);
    assert.ok(
      problems.some((p) => p.includes('verified by one person')),
      problems.join('\n'),
    );
  });

  it('gives the same data for the same seed and other data for another seed', () => {
    assert.equal(digest(generateMonitoring(scenario)), digest(monitoring));
    const other = generateScenario({ seed: 8, scale: 0.01 });
    assert.notEqual(digest(generateMonitoring(other)), digest(monitoring));
  });

  it('holds hundreds of records, through every channel, anonymous reports among them', () => {
    between(monitoring.items.length, 150, 3000, 'items');
    between(monitoring.incidents.length, 30, 500, 'incidents');
    assert.deepEqual(new Set(monitoring.items.map((i) => i.channel)), new Set(CHANNELS));
    const anonymous = monitoring.items.filter((i) => i.anonymous);
    assert.ok(anonymous.length > 0 && anonymous.every((i) => i.sourceId === null));
    assert.ok(
      monitoring.bulkImports.some((b) => b.updatedIds.length > 0),
      'an import updates rows',
    );
  });

  it('has 30–50 % unverifiable and about 10 % false or misattributed social-media reports', () => {
    const social = new Set(
      monitoring.sources.filter((s) => s.kind === 'social_media').map((s) => s.id),
    );
    const posts = monitoring.items.filter((i) => i.sourceId !== null && social.has(i.sourceId));
    const share = (truths: string[]) =>
      posts.filter((p) => truths.includes(p.truth)).length / posts.length;
    between(share(['unverifiable']), 0.3, 0.5, 'unverifiable share');
    between(share(['false', 'misattributed']), 0.06, 0.14, 'false or misattributed share');
  });

  it('lets the parties report counts 10–20 % off', () => {
    const officials = new Set(
      monitoring.sources.filter((s) => s.kind === 'party_official').map((s) => s.id),
    );
    const statements = monitoring.items.filter(
      (i) =>
        i.sourceId !== null &&
        officials.has(i.sourceId) &&
        i.happeningId === explosion?.happeningId,
    );
    assert.ok(statements.length >= 4, 'a party statement per toll stage');
    const truth = [20, 68, 170, 218];
    for (const statement of statements) {
      const killed = statement.figures.killed ?? 0;
      const nearest = truth.reduce((a, b) => (Math.abs(b - killed) < Math.abs(a - killed) ? b : a));
      between(Math.abs(killed / nearest - 1), 0.08, 0.22, `party figure ${killed} vs ${nearest}`);
    }
  });

  it('revises the explosion of D1 evening 20 → 68 → 170 → 218 killed in four versions', () => {
    assert.ok(explosion !== undefined);
    assert.deepEqual(
      explosion.versions.map((v) => v.content.tolls.killed.best),
      [20, 68, 170, 218],
    );
    const at = Date.parse(explosion.versions[0]?.content.occurredStart ?? '');
    between(at - d0, DAY + 17 * 3_600_000, 2 * DAY, 'explosion time after D0');
    assert.equal(explosion.finalState, 'corrected');
  });

  it('reaches every verification state, with two different people on every two-person step', () => {
    assert.deepEqual(
      new Set(monitoring.incidents.map((i) => i.finalState)),
      new Set(INCIDENT_STATES),
    );
    const approvals = monitoring.incidents.flatMap((i) =>
      i.transitions.filter((t) => t.to === 'verified' || t.to === 'cleared_for_publication'),
    );
    assert.ok(approvals.length > 10);
    for (const t of approvals) assert.ok(t.proposedBy !== undefined && t.proposedBy !== t.by);
    const reopened = monitoring.incidents.some((i) =>
      i.transitions.some((t) => t.from === 'unverified' && t.to === 'under_verification'),
    );
    assert.ok(reopened, 'an unverified incident is reopened by new information');
  });

  it('links every detention of the passage scenario to an incident', () => {
    const cases = scenario.events.flatMap((e) => (e.type === 'detained' ? [e.caseId] : []));
    assert.ok(cases.length > 0);
    const linked = new Set(
      monitoring.incidents.flatMap((i) =>
        i.links.flatMap((l) => (l.kind === 'held_case' ? [l.caseId] : [])),
      ),
    );
    assert.deepEqual([...linked].sort(), [...cases].sort());
  });

  it('takes 1–5 hotline contacts a day normally and 20–50 at the peak', () => {
    const perDay = new Map<number, number>();
    for (const call of monitoring.hotline) {
      const day = Math.floor((Date.parse(call.receivedAt) - d0) / DAY);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    for (const [day, count] of perDay) {
      if (HOTLINE_PEAK_DAYS.includes(day)) between(count, 20, 50, `D${day} calls`);
      else between(count, 1, 5, `D${day} calls`);
    }
    assert.ok(monitoring.hotline.some((c) => c.outcome === 'report_opened'));
  });

  it('records every kind of restriction, restricted patrols, and graded sources over time', () => {
    assert.deepEqual(
      new Set(monitoring.restrictions.map((r) => r.kind)),
      new Set(['denial', 'conditional_access', 'delay', 'other_impediment']),
    );
    assert.ok(monitoring.patrols.some((p) => p.states.some((s) => s.state === 'restricted')));
    assert.ok(
      monitoring.sources.some((s) => s.gradings.length > 1),
      'a source regraded',
    );
  });

  it('registers the parties’ commitments with breaches and compliance linked', () => {
    const parties = new Set(scenario.parties.map((p) => p.id));
    assert.ok(monitoring.commitments.length >= 4);
    assert.ok(monitoring.commitments.every((c) => parties.has(c.partyId)));
    const relations = new Set(monitoring.commitmentLinks.map((l) => l.relation));
    assert.deepEqual(relations, new Set(['breach', 'compliance']));
  });
});
