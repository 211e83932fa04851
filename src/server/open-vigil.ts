// The composition root of a Vigil server process: opens the stores in the data directory,
// wires the services to their ports and builds the HTTP app. The CLI and the tests both start
// Vigil through here, so what is tested is what runs.
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { KyselyDeviceRepository } from '../auth/device.kysely.ts';
import { DeviceService } from '../auth/device.service.ts';
import { SignaturePool } from '../auth/signature-pool.ts';
import type { SignInRateLimit } from '../auth/session.routes.ts';
import { KyselyStaffRepository } from '../auth/staff.kysely.ts';
import { StaffService } from '../auth/staff.service.ts';
import type { NewStaffUser } from '../auth/staff.service.ts';
import { KyselyTokenRepository } from '../auth/token.kysely.ts';
import { TokenService } from '../auth/token.service.ts';
import { buildApp } from '../http/build-app.ts';
import { rateLimitStoreIn } from '../http/rate-limit-store.kysely.ts';
import { verifierKeyOf } from '../ledger/note-keys.ts';
import type { LogReader } from '../log/log-reader.ts';
import { loadOrCreateLogSigner } from '../log/log-signer.file.ts';
import { openLogStore } from '../log/open-log-store.ts';
import type { LogAppender } from '../log/sequencer.ts';
import { openLog } from '../log/open-log.ts';
import { checkPublishedPolicy } from '../log/published-policy.ts';
import type { WitnessEndpoint } from '../log/witnessing/witness-endpoint.ts';
import { Witnessing } from '../log/witnessing/witnessing.ts';
import { NotaryService } from '../notary/notary.service.ts';
import { Keyring } from '../people/keyring.ts';
import { loadOrCreateMasterKey } from '../people/master-key.ts';
import { Sealer } from '../seal/sealer.ts';
import { isPostgresUrl, openDatabase } from '../store/open-database.ts';
import type { AppDatabase } from '../store/open-database.ts';
import { isSyntheticDemo } from '../demo/load/demo-marker.ts';
import { wirePassageFeatures } from './passage-features.ts';
import type { PassageFeatures } from './passage-features.ts';

/** Where and how to run. */
export interface VigilOptions {
  dataDir: string;
  /** Origin line for a new log; ignored once the log key exists. */
  origin?: string;
  logger?: boolean | { level: string };
  notaryRateLimit?: { max: number; timeWindowMs: number };
  /** Sign-in attempts per client address and per login name; default 10 a minute. */
  signInRateLimit?: SignInRateLimit;
  /** The session cookie's Secure flag; default 'auto' (see src/auth/session.routes.ts). */
  secureCookie?: boolean | 'auto';
  /**
   * postgres://… to keep the application data and the log in PostgreSQL; default
   * VIGIL_DATABASE_URL, else DATA/vigil.sqlite and DATA/log.sqlite.
   */
  databaseUrl?: string | undefined;
  /** Where VIGIL_MASTER_KEY is read from; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether background scans (overdue journeys, welfare contacts) run; default true. */
  backgroundJobs?: boolean;
  /** The clock of the domain services (tests and the demo move it). */
  now?: () => Date;
  /** Largest evidence upload in bytes; larger ones get 413 and nothing is kept. Default 200 MB. */
  evidenceUploadLimit?: number;
  /** Witnesses asked to cosign each checkpoint (src/log/witnessing); default none. */
  witnesses?: readonly WitnessEndpoint[];
  /** Per-request witness timeout and longest retry backoff, in milliseconds. */
  witnessTimeoutMs?: number;
  witnessMaxBackoffMs?: number;
  /** A C2SP tlog-policy text served at GET /log/policy; it must list this log's key. */
  policy?: string;
}

/** A running Vigil: its HTTP app and what a caller may need to reach or close. */
export interface Vigil {
  app: FastifyInstance;
  /** The log's writer: this process's sequencer, or the hand-over to the leading server. */
  sequencer: LogAppender;
  reader: LogReader;
  tokens: TokenService;
  staff: StaffService;
  devices: DeviceService;
  /** The admin created on this first start (print its credentials once); else undefined. */
  firstAdmin: NewStaffUser | undefined;
  database: AppDatabase;
  features: PassageFeatures;
  verifierKey: string;
  createdKey: boolean;
  /** True when this start created DATA/master.key (print MASTER_KEY_WARNING). */
  createdMasterKey: boolean;
  close(): Promise<void>;
}

/** Default origin line of a new log. */
export const DEFAULT_ORIGIN = 'vigil.localhost/log';

/** Opens (creating on first start) the Vigil instance stored in `options.dataDir`. */
export async function openVigil(options: VigilOptions): Promise<Vigil> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const { signer, created } = loadOrCreateLogSigner(
    options.dataDir,
    options.origin ?? DEFAULT_ORIGIN,
  );
  // Before anything opens: a policy that does not name this log refuses the start.
  const policy = checkPublishedPolicy(options.policy, verifierKeyOf(signer));
  const databaseUrl = options.databaseUrl ?? (options.env ?? process.env)['VIGIL_DATABASE_URL'];
  const store = await openLogStore({ dataDir: options.dataDir, url: databaseUrl });
  let witnessing: Witnessing | undefined = undefined;
  let appLog: FastifyInstance['log'] | undefined = undefined;
  const { reader, sequencer } = await openLog({
    store,
    signer,
    onCheckpoint: (checkpoint) => {
      witnessing?.notify(checkpoint);
    },
    // Any number of servers may share a PostgreSQL database; one of them sequences at a time.
    ...(isPostgresUrl(databaseUrl)
      ? {
          shared: {
            url: databaseUrl,
            onError: (error: unknown) => appLog?.warn({ err: error }, 'log leadership'),
          },
        }
      : {}),
  });
  const database = await openDatabase({ dataDir: options.dataDir, url: databaseUrl });
  const db = database.db;
  const masterKey = loadOrCreateMasterKey({
    dataDir: options.dataDir,
    env: options.env ?? process.env,
  });
  const keyring = new Keyring(masterKey.key);
  const sealer = new Sealer({ append: (entry) => sequencer.append(entry) }, options.now);
  const tokens = new TokenService(new KyselyTokenRepository(db));
  // TOTP secrets are encrypted under a key derived from the master key: one key to back up.
  const secretBox = keyring.createSecretBox();
  const staff = new StaffService({ repository: new KyselyStaffRepository(db), secretBox });
  const signatures = new SignaturePool();
  const devices = new DeviceService({ repository: new KyselyDeviceRepository(db), signatures });
  const firstAdmin = await staff.ensureFirstAdmin();
  const features = await wirePassageFeatures({
    db,
    sealer,
    keyring,
    devices,
    // PostgreSQL's pool lets a second group commit run while the first waits on the server.
    concurrentSyncGroups: database.dialect === 'postgres' ? 2 : 1,
    ...(options.now === undefined ? {} : { now: options.now }),
    logError: (error, what) => appLog?.error({ err: error }, `${what} failed`),
    dataDir: options.dataDir,
    logProofs: {
      checkpoint: () => sequencer.checkpoint,
      proveInclusion: (index, size) => reader.proveInclusion(index, size),
    },
    // Several processes may share a PostgreSQL database: alerts then reach all their streams.
    ...(isPostgresUrl(databaseUrl) ? { sharedPostgresUrl: databaseUrl } : {}),
    ...(options.evidenceUploadLimit === undefined
      ? {}
      : { evidenceUploadLimit: options.evidenceUploadLimit }),
  });
  const notary = new NotaryService({
    append: (entry) => sequencer.append(entry),
    proveInclusion: (index, size) => reader.proveInclusion(index, size),
  });
  const verifierKey = verifierKeyOf(signer).text;
  witnessing = new Witnessing({
    witnesses: options.witnesses ?? [],
    logKey: verifierKeyOf(signer),
    proveConsistency: (size1, size2) => reader.proveConsistency(size1, size2),
    ...(options.witnessTimeoutMs === undefined ? {} : { timeoutMs: options.witnessTimeoutMs }),
    ...(options.witnessMaxBackoffMs === undefined
      ? {}
      : { maxBackoffMs: options.witnessMaxBackoffMs }),
    onFailure: (witness, error) =>
      appLog?.warn({ err: error }, `witness ${witness.name} did not cosign`),
  });
  witnessing.notify(sequencer.checkpoint);
  const published = witnessing;
  const app = await buildApp({
    tokens,
    staff,
    devices,
    signInRateLimit: options.signInRateLimit ?? { max: 10, timeWindowMs: 60_000 },
    ...(options.secureCookie === undefined ? {} : { secureCookie: options.secureCookie }),
    notary,
    notaryRateLimit: options.notaryRateLimit ?? { max: 600, timeWindowMs: 60_000 },
    // Shared by every process on PostgreSQL; one SQLite process keeps the in-memory counts.
    ...(database.dialect === 'postgres'
      ? { rateLimitStore: rateLimitStoreIn(db as Kysely<unknown>) }
      : {}),
    log: {
      origin: signer.name,
      verifierKey,
      latest: () => published.current() ?? sequencer.checkpoint,
      reader,
      policy,
    },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(isSyntheticDemo(options.dataDir) ? { dataset: 'synthetic-demo' as const } : {}),
    registerFeatures: (instance) => {
      features.registerRoutes(instance);
    },
  });
  appLog = app.log;
  const stopJobs = options.backgroundJobs === false ? undefined : features.start();
  const close = async (): Promise<void> => {
    await stopJobs?.();
    await app.close();
    await features.close();
    await sequencer.close();
    await published.close();
    await store.close();
    await database.close();
    await signatures.close();
  };
  return {
    app,
    sequencer,
    reader,
    tokens,
    staff,
    devices,
    firstAdmin,
    database,
    features,
    verifierKey,
    createdKey: created,
    createdMasterKey: masterKey.created,
    close,
  };
}
