// `vigil demo` on PostgreSQL (VIGIL_DATABASE_URL set, as an operator who scales out would run
// it): the same small scenario as demo.test.ts, built through the CLI into a fresh database, then
// checked from the outside — the passage and monitoring tables hold what the scenario holds, the
// incidents sit in the states the generator gave them, and the fuel-depot toll kept its four
// versions. PostgreSQL must be running (127.0.0.1:5432); a missing server fails the test.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { generateMonitoring } from '../../src/demo/monitoring.generator.ts';
import { generateScenario } from '../../src/demo/scenario.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import type { Vigil } from '../../src/server/open-vigil.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const SEED = '11';
const SCALE = '0.01';
const dataDir = join(tempDir('vigil-demo-pg-test-'), 'demo');
const scenario = generateScenario({ seed: Number(SEED), scale: Number(SCALE) });
const monitoring = generateMonitoring(scenario);

let database: { url: string; drop: () => Promise<void> };
let vigil: Vigil | undefined;

async function count(table: string): Promise<number> {
  if (vigil === undefined) throw new Error('the demo did not open');
  const result = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(
    vigil.database.db,
  );
  return Number(result.rows[0]?.n);
}

before(async () => {
  database = await createPostgresDatabase();
  const previous = process.env['VIGIL_DATABASE_URL'];
  process.env['VIGIL_DATABASE_URL'] = database.url;
  try {
    const built = await runVigil(['demo', '--data', dataDir, '--seed', SEED, '--scale', SCALE]);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /SYNTHETIC DEMO DATA/);
  } finally {
    if (previous === undefined) delete process.env['VIGIL_DATABASE_URL'];
    else process.env['VIGIL_DATABASE_URL'] = previous;
  }
  vigil = await openVigil({ dataDir, databaseUrl: database.url, backgroundJobs: false });
});

after(async () => {
  await vigil?.close();
  await database.drop();
});

describe('vigil demo on PostgreSQL', () => {
  it('stores the passage scenario in the PostgreSQL database', async () => {
    const { totals } = scenario;
    assert.equal(vigil?.database.dialect, 'postgres');
    assert.equal(await count('household'), totals.households);
    assert.equal(await count('journey'), totals.departed);
    assert.equal(await count('held_case'), totals.detained);
    assert.equal(await count('tracing_request'), totals.tracingRequests);
  });

  it('stores the monitoring scenario: sources, reports, operations, commitments', async () => {
    assert.equal(await count('source'), monitoring.sources.length);
    assert.equal(await count('info_item'), monitoring.items.length);
    assert.equal(await count('patrol'), monitoring.patrols.length);
    assert.equal(await count('hotline_contact'), monitoring.hotline.length);
    assert.equal(await count('commitment'), monitoring.commitments.length);
  });

  it('holds every incident in the state the generator gave it, the toll in four versions', async () => {
    const db = vigil?.database.db;
    assert.ok(db !== undefined);
    const rows = await db
      .selectFrom('incident')
      .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('state')
      .execute();
    const stored = Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
    const expected: Record<string, number> = {};
    for (const incident of monitoring.incidents) {
      expected[incident.finalState] = (expected[incident.finalState] ?? 0) + 1;
    }
    assert.deepEqual(stored, expected);
    const explosion = await db
      .selectFrom('incident')
      .select('id')
      .where('sub_event_type', '=', 'mass_casualty_accident')
      .executeTakeFirstOrThrow();
    const versions = await db
      .selectFrom('incident_version')
      .select('content')
      .where('incident_id', '=', explosion.id)
      .orderBy('version')
      .execute();
    const killed = versions.map(
      (row) =>
        (JSON.parse(row.content) as { tolls: { killed: { best: number } } }).tolls.killed.best,
    );
    assert.deepEqual(killed, [20, 68, 170, 218]);
  });
});
