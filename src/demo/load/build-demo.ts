// `vigil demo`'s build: generates the synthetic scenario, opens a fresh Vigil on the scenario's
// clock and loads everything through the services' stores, in time order and sealed like every
// write: gazetteer, the operations proposed before D0, households (identities in the vault
// only), then the exodus (departures, checkpoint passages, holds, detentions, deaths, arrivals,
// registrations, tracing, counts, welfare contacts) and a few alerts.
import type { KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { openVigil } from '../../server/open-vigil.ts';
import type { Vigil } from '../../server/open-vigil.ts';
import { generateMonitoring } from '../monitoring.generator.ts';
import { generateScenario } from '../scenario.ts';
import type { Scenario } from '../scenario.types.ts';
import { setBuildSynchronous, tuneForBulkLoad } from './bulk-load.sqlite.ts';
import { createDemoAccounts, saveDemoCredentials } from './demo-accounts.ts';
import type { DemoCredentials } from './demo-accounts.ts';
import { buildingMarker, completeMarker, writeDemoMarker } from './demo-marker.ts';
import type { DemoMarker } from './demo-marker.ts';
import { eventState } from './event-state.ts';
import { EventLoader } from './events.loader.ts';
import { loadGazetteer } from './gazetteer.loader.ts';
import { loadHouseholds } from './households.loader.ts';
import { loadMonitoring } from './monitoring.loader.ts';
import { loadDailyReports } from './daily-reports.loader.ts';
import type { LookupSample } from './households.loader.ts';
import { planLoad } from './load-plan.ts';
import type { LoadProgress } from './load-progress.ts';
import { DeviceSigner } from './passage-capture.ts';
import { PassageSignatures, passageCaptures } from './passage-signatures.ts';
import { ScenarioClock } from './scenario-clock.ts';
import type { LoadContext } from './sealed-write.ts';

const DAY_MS = 86_400_000;

/** The gazetteer is recorded a week before D0, before anything else happens. */
const GAZETTEER_DAYS_BEFORE = 7;

/** A refusal to build: the data directory or database holds something else. */
export class DemoRefusedError extends Error {
  readonly code = 'DEMO_REFUSED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoRefusedError';
  }
}

// The data directory is new, so a database that already holds data is someone else's (a
// PostgreSQL database in use): its log is signed by another key and its vault sealed by another
// master key, so opening it fails, or it opens with data in it. Either way the demo refuses.
async function openFreshVigil(
  dataDir: string,
  options: { clock: ScenarioClock; databaseUrl: string | undefined },
): Promise<Vigil> {
  const refuse = (why: string, cause?: unknown) =>
    new DemoRefusedError(`cannot build the demo in this database (${why}): give it an empty one`, {
      cause,
    });
  let vigil: Vigil;
  try {
    vigil = await openVigil({
      dataDir,
      backgroundJobs: false,
      now: options.clock.now,
      logger: false,
      databaseUrl: options.databaseUrl,
    });
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : 'it does not open', error);
  }
  if (vigil.sequencer.checkpoint.size > 0 || vigil.firstAdmin === undefined) {
    await vigil.close();
    throw refuse('it already holds data');
  }
  return vigil;
}

/** How to build. */
export interface BuildDemoOptions {
  dataDir: string;
  seed: number | string;
  scale: number;
  progress: LoadProgress;
  /** postgres://… to build in PostgreSQL; default VIGIL_DATABASE_URL. */
  databaseUrl?: string | undefined;
}

/** A built demo: what to print. */
export interface BuiltDemo {
  marker: DemoMarker;
  credentials: DemoCredentials;
  verifierKey: string;
}

/** What the events after registration need; the households are no longer among it. */
interface ExodusLoad {
  events: EventLoader;
  signatures: PassageSignatures;
  remaining: number;
  lookup: LookupSample | undefined;
}

// Everything up to the households' registration. Returns only what the exodus needs, so that
// once this frame is gone the households (every synthetic identity) can be garbage-collected.
async function loadRegistry(context: LoadContext, scenario: Scenario): Promise<ExodusLoad> {
  const { progress } = context;
  const plan = planLoad(scenario, context.actors);
  const refs = new Map<string, string>();
  const signatures = new PassageSignatures(context.signer, passageCaptures(scenario, plan));
  const events = new EventLoader(
    eventState({ context, scenario, plan, refs, signatures }),
    scenario.events,
  );
  const registrationStart = plan.registeredAt(0, scenario.households.length).toISOString();
  const early = scenario.events.filter((event) => event.at < registrationStart).length;
  progress.stage('gazetteer and operations', early + 1);
  await loadGazetteer(context, scenario);
  progress.advance(1);
  await events.loadUntil(registrationStart);
  progress.stage('people and households', scenario.totals.people);
  const households = scenario.households;
  const lookup = await loadHouseholds(context, { households, plan, refs });
  return { events, signatures, remaining: scenario.events.length - early, lookup };
}

async function loadScenario(context: LoadContext, source: { scenario: Scenario | undefined }) {
  if (source.scenario === undefined) throw new RangeError('the scenario was already loaded');
  const exodus = await loadRegistry(context, source.scenario);
  source.scenario = undefined;
  context.progress.stage('journeys, passages and cases', exodus.remaining);
  // Signed on the side while the events load: the second core is free again once the vault
  // has stored everyone.
  exodus.signatures.start();
  try {
    await exodus.events.loadUntil(undefined);
  } finally {
    await exodus.signatures.close();
  }
  return exodus.lookup;
}

/**
 * Builds the demo into `options.dataDir` (which must be empty or missing: the caller checks).
 * Throws DemoRefusedError when the database already holds data (a PostgreSQL database in use).
 *
 * @example const demo = await buildDemo({ dataDir: '.vigil-demo', seed: 2023, scale: 1, progress });
 */
export async function buildDemo(options: BuildDemoOptions): Promise<BuiltDemo> {
  const { dataDir, progress } = options;
  progress.stage('generating the synthetic scenario', 1);
  // Held only through `source`, so the loader can let the households go once they are stored.
  const source = { scenario: generateScenario({ seed: options.seed, scale: options.scale }) };
  const { meta, totals, staff, parties } = source.scenario;
  // Small (hundreds of records): drawn now, while the passage scenario is still held.
  const monitoring = generateMonitoring(source.scenario);
  progress.advance(1);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const marker = buildingMarker(meta);
  writeDemoMarker(dataDir, marker);
  const clock = new ScenarioClock(
    new Date(Date.parse(meta.start) - GAZETTEER_DAYS_BEFORE * DAY_MS),
  );
  const vigil = await openFreshVigil(dataDir, { clock, databaseUrl: options.databaseUrl });
  let credentials: DemoCredentials;
  try {
    await tuneForBulkLoad(vigil.database);
    progress.stage('creating demo accounts', 1);
    const accounts = await createDemoAccounts(vigil, staff, dataDir);
    progress.advance(1);
    const context = loadContext(vigil, { clock, progress, ...accounts });
    const lookup = await loadScenario(context, source);
    const staffIds = new Map(accounts.credentials.staff.map((a) => [a.login, a.id]));
    const deviceOwnerId = staffIds.get(accounts.credentials.device.owner) ?? context.actors.staff;
    const sealLog = { append: vigil.sequencer.append.bind(vigil.sequencer) };
    await setBuildSynchronous(vigil.database, 'NORMAL');
    await loadMonitoring(context, { monitoring, parties, staffIds, deviceOwnerId, sealLog });
    await loadDailyReports(context, {
      sealLog,
      ...reportWriters(accounts.credentials),
      from: meta.start,
      to: clock.now().toISOString(),
    });
    await setBuildSynchronous(vigil.database, 'FULL');
    credentials = saveDemoCredentials(dataDir, accounts.credentials, lookup);
  } finally {
    await vigil.close();
  }
  // Only once everything is durable and closed does the directory say it holds the demo.
  const done = completeMarker(marker, {
    ...totals,
    reports: monitoring.items.length,
    sources: monitoring.sources.length,
    incidents: monitoring.incidents.length,
    restrictions: monitoring.restrictions.length,
    patrols: monitoring.patrols.length,
    hotlineContacts: monitoring.hotline.length,
    commitments: monitoring.commitments.length,
  });
  writeDemoMarker(dataDir, done);
  return { marker: done, credentials, verifierKey: vigil.verifierKey };
}

/** The demo analyst who writes the daily reports and the coordinator who publishes them. */
function reportWriters(credentials: DemoCredentials) {
  const idOf = (role: string) => {
    const member = credentials.staff.find((account) => account.role === role);
    if (member === undefined) throw new Error(`the demo has no ${role}`);
    return member.id;
  };
  return { analystId: idOf('analyst'), coordinatorId: idOf('coordinator') };
}

function loadContext(
  vigil: Vigil,
  parts: Pick<LoadContext, 'clock' | 'progress'> & {
    credentials: DemoCredentials;
    deviceKey: KeyObject;
  },
): LoadContext {
  const { credentials } = parts;
  const coordinator = credentials.staff.find((account) => account.role === 'coordinator');
  return {
    passage: vigil.features.context,
    clock: parts.clock,
    progress: parts.progress,
    actors: { staff: coordinator?.id ?? 'system:demo', device: credentials.device.id },
    signer: new DeviceSigner(credentials.device.id, parts.deviceKey),
  };
}
