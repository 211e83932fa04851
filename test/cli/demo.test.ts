// `vigil demo`, run as a newcomer runs it: a small synthetic scenario built through the CLI into
// a fresh directory, then checked from the outside — what it prints, that the printed accounts
// work, that the database holds what the scenario holds, that the log verifies, that a second
// run reuses the build, and that other data is never touched.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { z } from 'zod';
import { totpCode } from '../../src/auth/totp.ts';
import { generateMonitoring } from '../../src/demo/monitoring.generator.ts';
import { generateScenario } from '../../src/demo/scenario.ts';
import type { Scenario } from '../../src/demo/scenario.types.ts';
import type { JourneyState } from '../../src/passage/model/states.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import { shiftDate } from '../../src/transparency/bulletins/bulletin-schedule.ts';
import { DEFAULT_BULLETIN_SETTINGS } from '../../src/transparency/bulletins/bulletin-settings.ts';
import { ReportingDays } from '../../src/transparency/bulletins/reporting-days.ts';
import type { Vigil } from '../../src/server/open-vigil.ts';
import { captureSignatureMessage } from '../../src/sync/capture-signature.ts';
import { runVigil } from '../support/run-cli.ts';
import type { CliResult } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

// The demo is built in the embedded database here, whatever the environment says; building on
// PostgreSQL is the same code over the other engine.
delete process.env['VIGIL_DATABASE_URL'];

const SEED = '7';
const SCALE = '0.01';
const work = tempDir('vigil-demo-test-');
const dataDir = join(work, 'demo');
const demoArgs = ['demo', '--data', dataDir, '--seed', SEED, '--scale', SCALE];
const scenario: Scenario = generateScenario({ seed: Number(SEED), scale: Number(SCALE) });
const BIN = fileURLToPath(new URL('../../bin/vigil.ts', import.meta.url));
const STAFF_ROLES = ['admin', 'coordinator', 'analyst', 'monitor', 'hotline'];

let first: CliResult;
let vigil: Vigil;

/** The printed password and TOTP secret of staff login `login`. */
function printedAccount(stdout: string, login: string): { password: string; totp: string } {
  const match = new RegExp(
    `login ${login}\\s.*\\n\\s+password\\s+(\\S+)\\n\\s+TOTP secret\\s+(\\S+)`,
  ).exec(stdout);
  assert.ok(match?.[1] !== undefined && match[2] !== undefined, `no account ${login} printed`);
  return { password: match[1], totp: match[2] };
}

async function count(table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
    vigil.database.db,
  );
  return Number(result.rows[0]?.n);
}

async function journeysIn(states: readonly JourneyState[]): Promise<number> {
  const row = await vigil.database.db
    .selectFrom('journey')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', 'in', states)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function eventsOf(type: string): number {
  return scenario.events.filter((event) => event.type === type).length;
}

before(async () => {
  first = await runVigil(demoArgs);
  assert.equal(first.code, 0, first.stderr);
  vigil = await openVigil({ dataDir, backgroundJobs: false });
});

let closed = false;
async function closeVigil(): Promise<void> {
  if (!closed) await vigil.close();
  closed = true;
}

after(closeVigil);

describe('vigil demo', () => {
  it('prints that the data is SYNTHETIC, the log key, and an account of every role', () => {
    assert.match(first.stdout, /SYNTHETIC DEMO DATA/);
    assert.ok(first.stdout.includes(`Log verifier key: ${vigil.verifierKey}`));
    for (const role of STAFF_ROLES) {
      assert.match(first.stdout, new RegExp(`^  ${role}\\s+login \\S+`, 'm'), role);
      printedAccount(first.stdout, role);
    }
    assert.match(first.stdout, /otpauth:\/\/totp\/Vigil:coordinator\?/);
    assert.match(first.stdout, /^ {2}partner {6}.*: vgl_\S+$/m);
    assert.match(first.stdout, /^ {2}token vgd_\S+$/m);
    const keyFile = join(dataDir, 'demo-device.key');
    assert.ok(first.stdout.includes(keyFile));
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  });

  it('reports progress as one line per stage when stderr is not a terminal', () => {
    assert.match(first.stderr, /\[1\/7\] generating the synthetic scenario/);
    assert.match(first.stderr, /\[5\/7\] journeys, passages and cases/);
    assert.match(
      first.stderr,
      /\[6\/7\] monitoring: reports, incidents, patrols, hotline, commitments/,
    );
    assert.match(first.stderr, /\[7\/7\] daily reports and open data/);
    assert.equal(first.stderr.includes('\u001b['), false, 'no terminal control codes in a log');
  });

  it('marks the directory as synthetic, and the server says so on every answer', async () => {
    const marker: unknown = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    assert.deepEqual(
      { ...(marker as Record<string, unknown>), builtAt: 'x', totals: 'x' },
      {
        synthetic: true,
        dataset: 'synthetic-demo',
        generator: 'vigil-demo/1',
        seed: SEED,
        scale: Number(SCALE),
        start: scenario.meta.start,
        state: 'complete',
        builtAt: 'x',
        totals: 'x',
      },
    );
    const root = await vigil.app.inject({ method: 'GET', url: '/api/v1' });
    assert.equal(root.headers['x-vigil-dataset'], 'synthetic-demo');
    assert.equal(root.json<{ dataset?: string }>().dataset, 'synthetic-demo');
    const site = await vigil.app.inject({ method: 'GET', url: '/' });
    assert.equal(site.headers['x-vigil-dataset'], 'synthetic-demo', 'the public site too');
  });

  it('lets the printed coordinator sign in with the password and a code of the TOTP secret', async () => {
    const { password, totp } = printedAccount(first.stdout, 'coordinator');
    const response = await vigil.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { name: 'coordinator', password, totp: totpCode(totp) },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json<{ role: string }>().role, 'coordinator');
  });

  it('prints a household code that the family status look-up answers', async () => {
    const match = /reference code (\S+), birth year (\d{4})/.exec(first.stdout);
    assert.ok(match?.[1] !== undefined && match[2] !== undefined, 'no look-up sample printed');
    const response = await vigil.app.inject({
      method: 'POST',
      url: '/api/v1/status-lookup',
      payload: { referenceCode: match[1], birthYear: Number(match[2]) },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.ok(response.body.includes('"state"'), response.body);
  });

  it('stores what the scenario holds, identities in the vault only', async () => {
    const { totals } = scenario;
    // Everyone of the scenario, and the monitoring sources who left a contact.
    const contacts = generateMonitoring(scenario).sources.filter((s) => s.contact !== undefined);
    assert.equal(await count('person_identity'), totals.people + contacts.length);
    assert.equal(await count('household'), totals.households);
    assert.equal(await count('member'), totals.people);
    assert.equal(await count('journey'), totals.departed);
    assert.equal(await count('vehicle'), totals.privateVehicles + totals.buses);
    assert.equal(await count('operation'), scenario.operations.length);
    assert.equal(await count('checkpoint_passage'), eventsOf('checkpoint_passage'));
    assert.equal(await count('aggregate_count'), totals.aggregateCountHours);
    assert.equal(await count('arrival_registration'), totals.registeredAtArrival);
    assert.equal(await count('held_case'), totals.detained);
    assert.equal(await count('tracing_request'), totals.tracingRequests);
    assert.equal(await count('welfare_contact'), eventsOf('welfare_contact'));
    assert.equal(await journeysIn(['registered_at_arrival']), totals.registeredAtArrival);
    assert.equal(await journeysIn(['arrived', 'registered_at_arrival']), totals.arrived);
    assert.equal(await journeysIn(['detained']), totals.detained);
    assert.equal(await journeysIn(['turned_back']), totals.turnedBack);
    assert.equal(await journeysIn(['died_en_route']), totals.diedEnRoute);
    assert.equal(await journeysIn(['medevac']), totals.medevac);
    assert.equal(await journeysIn(['boarded', 'passed', 'released']), totals.unaccounted);
    // A name in Armenian or Cyrillic script: it cannot turn up by chance in ids or base64.
    const family = scenario.households
      .flatMap((household) => household.members)
      .flatMap((person) => person.identity.names)
      .find((name) => name.script === 'hy' || name.script === 'ru')?.family;
    assert.ok(family !== undefined);
    const leaks = await vigil.database.db
      .selectFrom('sealed_record')
      .select('id')
      .where('record', 'like', `%${family}%`)
      .execute();
    assert.deepEqual(leaks, [], 'no sealed record holds a name');
  });

  it('loads the monitoring part through its services, as the API shows it', async () => {
    const monitoring = generateMonitoring(scenario);
    const moves = monitoring.patrols.reduce((n, p) => n + p.states.length - 1, 0);
    assert.equal(await count('patrol'), monitoring.patrols.length);
    assert.equal(await count('patrol_transition'), moves);
    assert.equal(await count('hotline_contact'), monitoring.hotline.length);
    assert.equal(await count('commitment'), monitoring.commitments.length);
    const restrictions = await vigil.app.inject({
      method: 'GET',
      url: '/api/v1/access-restrictions?limit=1000',
    });
    assert.equal(restrictions.statusCode, 200, restrictions.body);
    const listed = restrictions.json<{
      restrictions: { kind: string; occurredAt: string }[];
    }>().restrictions;
    assert.equal(listed.length, monitoring.restrictions.length);
    assert.deepEqual(
      new Set(listed.map((r) => r.kind)),
      new Set(['denial', 'conditional_access', 'delay', 'other_impediment']),
    );
    assert.ok(
      listed.every((r) => r.occurredAt.startsWith('2023-')),
      'at scenario time',
    );
    const commitments = await vigil.app.inject({ method: 'GET', url: '/api/v1/commitments' });
    assert.equal(commitments.statusCode, 200, commitments.body);
    for (const party of scenario.parties) assert.ok(commitments.body.includes(party.name));
  });

  it('publishes the daily report of every reporting day, then releases the open data', async () => {
    const listed = await vigil.app.inject({ method: 'GET', url: '/api/v1/bulletins?limit=100' });
    assert.equal(listed.statusCode, 200, listed.body);
    const days = new ReportingDays(DEFAULT_BULLETIN_SETTINGS.cutoff);
    const dates = listed
      .json<{ bulletins: { product: string; periodTo: string }[] }>()
      .bulletins.filter((bulletin) => bulletin.product === 'daily')
      .map((bulletin) => days.dayOf(new Date(Date.parse(bulletin.periodTo) - 1)))
      .sort();
    assert.ok(dates.length >= 7, `a week at least: ${String(dates.length)}`);
    assert.equal(dates[0], days.dayOf(scenario.meta.start));
    dates.slice(1).forEach((date, k) => {
      assert.equal(date, shiftDate(dates[k] ?? '', 1));
    });
    // Then the coordinator released every open dataset: checkpoint_daily repeats the reports.
    const catalogue = await vigil.app.inject({ method: 'GET', url: '/api/v1/open-data' });
    const datasets = catalogue.json<{
      datasets: { name: string; latest: { rowCount: number } | null }[];
    }>().datasets;
    assert.ok(datasets.length === 5 && datasets.every((d) => d.latest !== null));
    const daily = datasets.find((d) => d.name === 'checkpoint_daily')?.latest?.rowCount ?? 0;
    assert.ok(daily > 0, 'checkpoint_daily has rows');
  });

  it('loads reports, sources and incidents in every verification state, as the API shows them', async () => {
    const monitoring = generateMonitoring(scenario);
    assert.equal(await count('source'), monitoring.sources.length);
    assert.equal(await count('info_item'), monitoring.items.length);
    assert.equal(await count('incident'), monitoring.incidents.length);
    assert.ok(
      first.stdout.includes(
        `Monitoring: ${monitoring.items.length.toLocaleString('en')} reports from ` +
          `${monitoring.sources.length.toLocaleString('en')} graded sources, ` +
          `${monitoring.incidents.length.toLocaleString('en')} incidents`,
      ),
      'the summary counts what was loaded',
    );
    // The analyst: the coordinator's code of this 30 s window was used above (no replays).
    const { password, totp } = printedAccount(first.stdout, 'analyst');
    const session = await vigil.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { name: 'analyst', password, totp: totpCode(totp) },
    });
    assert.equal(session.statusCode, 200, session.body);
    const cookie = session.cookies.find((c) => c.name === 'vigil_session');
    assert.ok(cookie !== undefined);
    const get = (url: string) =>
      vigil.app.inject({
        method: 'GET',
        url,
        headers: { cookie: `vigil_session=${cookie.value}`, 'x-vigil-csrf': '1' },
      });
    for (const state of new Set(monitoring.incidents.map((i) => i.finalState))) {
      const expected = monitoring.incidents.filter((i) => i.finalState === state).length;
      const response = await get(`/api/v1/incidents?state=${state}&limit=500`);
      assert.equal(response.statusCode, 200, response.body);
      const listed = response.json<{ incidents: { id: string }[] }>().incidents;
      assert.equal(listed.length, expected, state);
    }
    const corrected = await get('/api/v1/incidents?state=corrected');
    const [explosion] = corrected.json<{ incidents: { id: string }[] }>().incidents;
    assert.ok(explosion !== undefined);
    const view = await get(`/api/v1/incidents/${explosion.id}`);
    assert.equal(view.statusCode, 200, view.body);
    const detail = view.json<{
      versions: { content: { tolls: { killed: { best: number } } } }[];
      transitions: { to: string; actor: string; proposedBy: string | null }[];
    }>();
    assert.deepEqual(
      detail.versions.map((v) => v.content.tolls.killed.best),
      [20, 68, 170, 218],
    );
    const twoPerson = detail.transitions.filter((t) => t.proposedBy !== null);
    assert.ok(twoPerson.length >= 2, 'verified and cleared by two people');
    for (const t of twoPerson) assert.notEqual(t.proposedBy, t.actor);
  });

  it('stores every checkpoint passage with a signature of the registered device', async () => {
    const device = await vigil.database.db
      .selectFrom('device')
      .select(['id', 'public_key'])
      .executeTakeFirstOrThrow();
    const spki = Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(device.public_key, 'base64'),
    ]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const passages = await vigil.features.context.db
      .selectFrom('checkpoint_passage')
      .selectAll()
      .execute();
    assert.ok(passages.length > 0);
    for (const row of passages) {
      assert.equal(row.device_id, device.id);
      const journeyIds = z.array(z.string()).parse(JSON.parse(row.journey_ids));
      const payload = {
        checkpointId: row.checkpoint_id,
        direction: row.direction,
        vehicleId: row.vehicle_id,
        occupants: row.occupants,
        queueInAt: row.queue_in_at,
        screeningStartAt: row.screening_start_at,
        screeningEndAt: row.screening_end_at,
        screeningTypes: z.array(z.string()).parse(JSON.parse(row.screening_types)),
        outcome: row.outcome,
        people: journeyIds.map((journeyId) => ({ journeyId, outcome: 'passed' })),
      };
      const message = captureSignatureMessage({
        deviceId: row.device_id,
        id: row.id,
        type: 'checkpoint_passage',
        capturedAt: row.recorded_at,
        payload,
      });
      assert.ok(verify(null, message, key, Buffer.from(row.signature, 'base64')), row.id);
    }
  });

  it('writes a log that `vigil verify log` accepts, one entry per sealed record', async () => {
    const exported = join(work, 'export');
    const exportRun = await runVigil(['log', 'export', '--data', dataDir, '--out', exported]);
    assert.equal(exportRun.code, 0, exportRun.stderr);
    const size = vigil.sequencer.checkpoint.size;
    assert.equal(size, await count('sealed_record'));
    const verifyRun = await runVigil([
      'verify',
      'log',
      exported,
      '--key',
      vigil.verifierKey,
      '--full',
    ]);
    assert.equal(verifyRun.code, 0, verifyRun.stderr);
    assert.match(verifyRun.stdout, new RegExp(`re-hashed all ${String(size)} entries`));
  });

  it('reuses the build on a second run and prints the same accounts again', async () => {
    const size = vigil.sequencer.checkpoint.size;
    const second = await runVigil(demoArgs);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /already holds this demo .*not rebuilt/);
    assert.match(second.stdout, /SYNTHETIC DEMO DATA/);
    assert.deepEqual(
      printedAccount(second.stdout, 'coordinator'),
      printedAccount(first.stdout, 'coordinator'),
    );
    assert.equal(vigil.sequencer.checkpoint.size, size);
    const otherScale = await runVigil([
      'demo',
      '--data',
      dataDir,
      '--seed',
      SEED,
      '--scale',
      '0.02',
    ]);
    assert.equal(otherScale.code, 2);
    assert.match(otherScale.stderr, /holds the demo of seed 7 at scale 0\.01/);
  });

  it('refuses a directory that holds other data, and writes nothing into it', async () => {
    const other = join(work, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'not a demo');
    const result = await runVigil(['demo', '--data', other, '--scale', SCALE]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /the demo never writes into other data/);
    assert.equal(existsSync(join(other, 'demo.json')), false);
    assert.equal(existsSync(join(other, 'vigil.sqlite')), false);
    assert.equal(readFileSync(join(other, 'notes.txt'), 'utf8'), 'not a demo');
  });

  it('refuses bad options with exit code 2', async () => {
    const fresh = join(work, 'fresh');
    assert.equal((await runVigil(['demo', '--data', fresh, '--scale', '0'])).code, 2);
    assert.equal((await runVigil(['demo', '--data', fresh, '--scale', 'x'])).code, 2);
    assert.equal((await runVigil(['demo', '--data', fresh, '--port', '70000'])).code, 2);
    assert.equal(existsSync(fresh), false);
  });

  // Last: the served process runs the background scans, which write to the demo's database and
  // log, so this process lets go of them first.
  it('serves the demo with --serve, as `npm start` does, labelled synthetic', async () => {
    await closeVigil();
    const child = spawn(process.execPath, [BIN, ...demoArgs, '--serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, VIGIL_LOG_LEVEL: 'warn' },
    });
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.once('exit', (code) => {
          reject(new Error(`exited with ${String(code)}: ${out}`));
        });
      });
      const response = await fetch(`${url}/api/v1`);
      assert.equal(response.headers.get('x-vigil-dataset'), 'synthetic-demo');
      assert.equal(((await response.json()) as { dataset?: string }).dataset, 'synthetic-demo');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
