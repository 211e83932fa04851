// Consistency checks of the demo's monitoring data against its passage scenario: every id refers
// to a record that exists, every staff login is a demo account, steps are in time order, each
// incident's transitions form a chain from `received`, and every two-person step was taken by
// two different people. Returns the problems found (none for a generated scenario).
import type { MonitoringScenario, StaffLogin } from './monitoring.types.ts';
import { TWO_PERSON_STATES } from './incident-builder.ts';
import type { MonitoringInput } from './monitoring-world.ts';

type Check = (ok: boolean, problem: string) => void;

function idsOf(records: readonly { readonly id: string }[], what: string, check: Check) {
  const ids = new Set<string>();
  for (const record of records) {
    check(!ids.has(record.id), `duplicate ${what} id ${record.id}`);
    ids.add(record.id);
  }
  return ids;
}

function inOrder(times: readonly string[], what: string, check: Check): void {
  times.forEach((at, i) => {
    const previous = times[i - 1];
    check(previous === undefined || previous <= at, `${what}: ${at} before ${previous ?? ''}`);
  });
}

function checkIncidents(m: MonitoringScenario, known: Known, check: Check): void {
  for (const incident of m.incidents) {
    const what = `incident ${incident.id}`;
    check(incident.versions.length > 0, `${what} has no version`);
    inOrder(
      incident.versions.map((v) => v.at),
      `${what} versions`,
      check,
    );
    inOrder(
      incident.transitions.map((t) => t.at),
      `${what} transitions`,
      check,
    );
    let state = 'received';
    for (const t of incident.transitions) {
      check(t.from === state, `${what}: ${t.from} → ${t.to} after ${state}`);
      state = t.to;
      known.staff(t.by, what);
      if (TWO_PERSON_STATES.has(t.to)) {
        check(
          t.proposedBy !== undefined && t.proposedBy !== t.by,
          `${what}: ${t.to} by one person`,
        );
        check((t.proposedAt ?? '') <= t.at, `${what}: ${t.to} confirmed before proposed`);
      }
      if (t.to === 'merged')
        check(known.incidents.has(t.mergedInto ?? ''), `${what}: merged into nothing`);
    }
    check(state === incident.finalState, `${what}: final state ${incident.finalState} ≠ ${state}`);
    for (const link of incident.links) {
      known.staff(link.by, what);
      if (link.kind === 'item') {
        const item = known.items.get(link.itemId);
        check(item !== undefined, `${what} links unknown item ${link.itemId}`);
        check(
          item === undefined || item.availableAt <= link.at,
          `${what} links an item before it came`,
        );
      } else {
        const ids = link.kind === 'held_case' ? known.heldCases : known.tracing;
        check(ids.has(link.caseId), `${what} links unknown ${link.kind} ${link.caseId}`);
      }
    }
  }
}

function checkItems(m: MonitoringScenario, known: Known, check: Check): void {
  inOrder(
    m.items.map((i) => i.receivedAt),
    'items',
    check,
  );
  for (const item of m.items) {
    const what = `item ${item.id}`;
    check(item.sourceId === null || known.sources.has(item.sourceId), `${what}: unknown source`);
    check(item.placeId === null || known.places.has(item.placeId), `${what}: unknown place`);
    check(
      item.patrolId === undefined || known.patrols.has(item.patrolId),
      `${what}: unknown patrol`,
    );
    check(!item.anonymous || item.sourceId === null, `${what}: anonymous with a source`);
    for (const grading of item.gradings) known.staff(grading.by, what);
  }
  for (const source of m.sources) {
    check(source.gradings.length > 0, `source ${source.label} has no grading`);
    inOrder(
      source.gradings.map((g) => g.at),
      `source ${source.label}`,
      check,
    );
    check(
      source.partyId === undefined || known.parties.has(source.partyId),
      `source ${source.label}: unknown party`,
    );
  }
  const imported = new Set<string>();
  for (const batch of m.bulkImports) {
    known.staff(batch.by, `import ${batch.id}`);
    for (const id of batch.updatedIds)
      check(imported.has(id), `import ${batch.id} updates unknown ${id}`);
    for (const row of batch.rows) {
      check(known.items.has(row.id), `import ${batch.id}: row ${row.id} is no item`);
      imported.add(row.id);
    }
  }
}

function checkOperations(m: MonitoringScenario, known: Known, check: Check): void {
  for (const r of m.restrictions) {
    check(known.places.has(r.placeId), `restriction ${r.id}: unknown place`);
    check(known.parties.has(r.imposedByPartyId), `restriction ${r.id}: unknown party`);
    check(
      r.patrolId === null || known.patrols.has(r.patrolId),
      `restriction ${r.id}: unknown patrol`,
    );
    known.staff(r.recordedBy, `restriction ${r.id}`);
  }
  for (const p of m.patrols) {
    inOrder(
      p.states.map((s) => s.at),
      `patrol ${p.code}`,
      check,
    );
    for (const login of p.team) known.staff(login, `patrol ${p.code}`);
  }
  for (const call of m.hotline) {
    known.staff(call.takenBy, `call ${call.id}`);
    const item = call.itemId === null ? undefined : known.items.get(call.itemId);
    check(
      call.itemId === null || item?.hotlineContactId === call.id,
      `call ${call.id}: item mismatch`,
    );
    check(
      call.receivedAt <= call.answeredAt && call.answeredAt <= call.closedAt,
      `call ${call.id}: times`,
    );
  }
  const commitments = idsOf(m.commitments, 'commitment', check);
  for (const c of m.commitments)
    check(known.parties.has(c.partyId), `commitment ${c.id}: unknown party`);
  for (const link of m.commitmentLinks) {
    check(commitments.has(link.commitmentId), `commitment link ${link.id}: unknown commitment`);
    const targets = link.target.kind === 'incident' ? known.incidents : known.items;
    check(targets.has(link.target.id), `commitment link ${link.id}: unknown ${link.target.kind}`);
    known.staff(link.by, `commitment link ${link.id}`);
  }
}

interface Known {
  readonly sources: ReadonlySet<string>;
  readonly items: ReadonlyMap<string, MonitoringScenario['items'][number]>;
  readonly incidents: ReadonlySet<string>;
  readonly patrols: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly parties: ReadonlySet<string>;
  readonly heldCases: ReadonlySet<string>;
  readonly tracing: ReadonlySet<string>;
  readonly staff: (login: StaffLogin, where: string) => void;
}

/**
 * The problems of `m` as the monitoring data of `input`; empty when consistent.
 *
 * @example assert.deepEqual(findMonitoringViolations(generateMonitoring(s), s), []);
 */
export function findMonitoringViolations(m: MonitoringScenario, input: MonitoringInput): string[] {
  const problems: string[] = [];
  const check: Check = (ok, problem) => {
    if (!ok && problems.length < 50) problems.push(problem);
  };
  const logins = new Set(input.staff.map((s) => s.login));
  const known: Known = {
    sources: idsOf(m.sources, 'source', check),
    items: new Map(m.items.map((i) => [i.id, i])),
    incidents: idsOf(m.incidents, 'incident', check),
    patrols: idsOf(m.patrols, 'patrol', check),
    places: new Set(input.places.map((p) => p.id)),
    parties: new Set(input.parties.map((p) => p.id)),
    heldCases: new Set(input.events.flatMap((e) => (e.type === 'detained' ? [e.caseId] : []))),
    tracing: new Set(
      input.events.flatMap((e) => (e.type === 'tracing_opened' ? [e.requestId] : [])),
    ),
    staff: (login, where) => {
      check(logins.has(login), `${where}: ${login} is no demo account`);
    },
  };
  idsOf(m.items, 'item', check);
  idsOf(m.hotline, 'hotline contact', check);
  idsOf(m.restrictions, 'restriction', check);
  checkItems(m, known, check);
  checkIncidents(m, known, check);
  checkOperations(m, known, check);
  return problems;
}
