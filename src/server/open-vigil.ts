// The composition root of a Vigil server process: opens the stores in the data directory,
// wires the services to their ports and builds the HTTP app. The CLI and the tests both start
// Vigil through here, so what is tested is what runs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { KyselyDeviceRepository } from '../auth/device.kysely.ts';
import { DeviceService } from '../auth/device.service.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { loadOrCreateSecretBoxKey } from '../auth/secret-box.file.ts';
import type { SignInRateLimit } from '../auth/session.routes.ts';
import { KyselyStaffRepository } from '../auth/staff.kysely.ts';
import { StaffService } from '../auth/staff.service.ts';
import type { NewStaffUser } from '../auth/staff.service.ts';
import { KyselyTokenRepository } from '../auth/token.kysely.ts';
import { TokenService } from '../auth/token.service.ts';
import { buildApp } from '../http/build-app.ts';
import { verifierKeyOf } from '../ledger/note-keys.ts';
import type { LogReader } from '../log/log-reader.ts';
import { loadOrCreateLogSigner } from '../log/log-signer.file.ts';
import { SqliteLogStore } from '../log/log-store.sqlite.ts';
import type { Sequencer } from '../log/sequencer.ts';
import { openLog } from '../log/open-log.ts';
import { NotaryService } from '../notary/notary.service.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { Database } from '../store/schema.ts';
import { kyselyForSqlite, openSqlite } from '../store/sqlite-database.ts';

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
}

/** A running Vigil: its HTTP app and what a caller may need to reach or close. */
export interface Vigil {
  app: FastifyInstance;
  sequencer: Sequencer;
  reader: LogReader;
  tokens: TokenService;
  staff: StaffService;
  devices: DeviceService;
  /** The admin created on this first start (print its credentials once); else undefined. */
  firstAdmin: NewStaffUser | undefined;
  verifierKey: string;
  createdKey: boolean;
  close(): Promise<void>;
}

/** Default origin line of a new log. */
export const DEFAULT_ORIGIN = 'vigil.localhost/log';

/** Opens the app database in `dataDir` and brings it to the latest schema. */
export async function openAppDatabase(dataDir: string): Promise<Kysely<Database>> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = kyselyForSqlite<Database>(openSqlite(join(dataDir, 'vigil.sqlite')));
  await migrateToLatest(db as Kysely<unknown>);
  return db;
}

/** Opens (creating on first start) the Vigil instance stored in `options.dataDir`. */
export async function openVigil(options: VigilOptions): Promise<Vigil> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const { signer, created } = loadOrCreateLogSigner(
    options.dataDir,
    options.origin ?? DEFAULT_ORIGIN,
  );
  const store = new SqliteLogStore(join(options.dataDir, 'log.sqlite'));
  const { reader, sequencer } = await openLog({ store, signer });
  const db = await openAppDatabase(options.dataDir);
  const tokens = new TokenService(new KyselyTokenRepository(db));
  // Interim key file; the vault's master key will derive the secret box key instead.
  const secretBox = createSecretBox(loadOrCreateSecretBoxKey(options.dataDir));
  const staff = new StaffService({ repository: new KyselyStaffRepository(db), secretBox });
  const devices = new DeviceService({ repository: new KyselyDeviceRepository(db) });
  const firstAdmin = await staff.ensureFirstAdmin();
  const notary = new NotaryService({
    append: (entry) => sequencer.append(entry),
    proveInclusion: (index, size) => reader.proveInclusion(index, size),
  });
  const verifierKey = verifierKeyOf(signer).text;
  const app = await buildApp({
    tokens,
    staff,
    devices,
    signInRateLimit: options.signInRateLimit ?? { max: 10, timeWindowMs: 60_000 },
    ...(options.secureCookie === undefined ? {} : { secureCookie: options.secureCookie }),
    notary,
    notaryRateLimit: options.notaryRateLimit ?? { max: 600, timeWindowMs: 60_000 },
    log: { origin: signer.name, verifierKey, latest: () => sequencer.checkpoint, reader },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const close = async (): Promise<void> => {
    await app.close();
    await sequencer.close();
    await store.close();
    await db.destroy();
  };
  return {
    app,
    sequencer,
    reader,
    tokens,
    staff,
    devices,
    firstAdmin,
    verifierKey,
    createdKey: created,
    close,
  };
}
