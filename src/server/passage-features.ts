// Wires the passage domain, sync and alerts onto an open database and log: the part of the
// composition root that grew with issue 3, kept apart so open-vigil.ts stays readable.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { AlertHub } from '../alerts/alert-hub.ts';
import type { AlertPublisher } from '../alerts/alert-hub.ts';
import { PostgresAlertRelay } from '../alerts/alert-relay.pg.ts';
import { registerAlertRoutes } from '../alerts/alert.routes.ts';
import { ALERT_PAGE, AlertService } from '../alerts/alert.service.ts';
import { registerAlertStreamRoute } from '../alerts/alert-stream.routes.ts';
import type { DeviceService } from '../auth/device.service.ts';
import { MONITORING_MODULES } from '../monitoring/monitoring.modules.ts';
import { TRANSPARENCY_MODULES } from '../transparency/transparency.modules.ts';
import type { PassageContext } from '../passage/passage-context.ts';
import { KyselyAlertRepository } from '../passage/database/alert.kysely.ts';
import { PASSAGE_MODULES } from '../passage/passage.modules.ts';
import type { Keyring } from '../people/keyring.ts';
import { IdentityVault } from '../people/identity-vault.service.ts';
import type { Sealer } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import type { CaptureHandler } from '../sync/capture-handler.ts';
import { registerSyncRoutes } from '../sync/sync.routes.ts';
import { SyncService } from '../sync/sync.service.ts';

/** What the features need from the rest of the server. */
export interface FeatureDeps {
  db: Kysely<Database>;
  sealer: Sealer;
  keyring: Keyring;
  devices: DeviceService;
  /** Sync group commits that may run at once (1 on SQLite; see SyncServiceDeps). */
  concurrentSyncGroups?: number;
  now?: () => Date;
  logError: (error: unknown, what: string) => void;
  /** Passed on to the modules' context (see PassageContext). */
  dataDir?: string;
  evidenceUploadLimit?: number;
  logProofs?: PassageContext['logProofs'];
  /**
   * The PostgreSQL URL when several processes may share the database: alerts then also reach
   * the other processes' streams (alert-relay.pg.ts). Unset on SQLite.
   */
  sharedPostgresUrl?: string;
}

/** The wired features: their routes, their background work, and handles for tests and the demo. */
export interface PassageFeatures {
  context: PassageContext;
  alerts: AlertService;
  hub: AlertHub;
  sync: SyncService;
  registerRoutes(app: FastifyInstance): void;
  /** Starts every module's background work; returns the function that stops it all. */
  start(): () => Promise<void>;
  /** Releases what the wiring opened (the alert listener's connection). */
  close(): Promise<void>;
}

// On PostgreSQL, raised alerts go through the relay, which also tells the other processes.
async function alertPublisher(
  deps: FeatureDeps,
  hub: AlertHub,
): Promise<{ publisher: AlertPublisher; close: () => Promise<void> }> {
  if (deps.sharedPostgresUrl === undefined) return { publisher: hub, close: async () => {} };
  const repository = new KyselyAlertRepository(deps.db);
  const relay = new PostgresAlertRelay({
    url: deps.sharedPostgresUrl,
    db: deps.db as Kysely<unknown>,
    hub,
    load: (id) => repository.get(id),
    raisedAfter: (cursor) => repository.listSince(cursor, ALERT_PAGE),
    logError: deps.logError,
  });
  await relay.start();
  return { publisher: relay, close: () => relay.close() };
}

/** Builds the passage context and the services around it. */
export async function wirePassageFeatures(deps: FeatureDeps): Promise<PassageFeatures> {
  const now = deps.now ?? (() => new Date());
  const vault = new IdentityVault({ db: deps.db, sealer: deps.sealer, keyring: deps.keyring, now });
  await vault.verifyMasterKey();
  const hub = new AlertHub();
  const relay = await alertPublisher(deps, hub);
  const alerts = new AlertService({ db: deps.db, sealer: deps.sealer, hub: relay.publisher, now });
  const context: PassageContext = {
    db: deps.db,
    sealer: deps.sealer,
    vault,
    keyring: deps.keyring,
    alerts,
    now,
    logError: deps.logError,
    ...(deps.dataDir === undefined ? {} : { dataDir: deps.dataDir }),
    ...(deps.evidenceUploadLimit === undefined
      ? {}
      : { evidenceUploadLimit: deps.evidenceUploadLimit }),
    ...(deps.logProofs === undefined ? {} : { logProofs: deps.logProofs }),
  };
  const modules = [...PASSAGE_MODULES, ...MONITORING_MODULES, ...TRANSPARENCY_MODULES];
  const handlers: Record<string, CaptureHandler> = {};
  for (const module of modules) Object.assign(handlers, module.captureHandlers?.(context));
  const sync = new SyncService({
    db: deps.db,
    handlers,
    devices: deps.devices,
    concurrentGroups: deps.concurrentSyncGroups ?? 1,
    now,
    onError: (error) => {
      deps.logError(error, 'sync item');
    },
  });
  return {
    context,
    alerts,
    hub,
    sync,
    registerRoutes(app) {
      registerSyncRoutes(app, sync);
      registerAlertRoutes(app, alerts);
      registerAlertStreamRoute(app, { hub, backlog: alerts });
      for (const module of modules) module.registerRoutes?.(app, context);
    },
    start() {
      const stops = modules.map((module) => module.start?.(context));
      return async () => {
        for (const stop of stops) await stop?.();
      };
    },
    close: relay.close,
  };
}
