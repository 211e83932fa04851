// Several servers on one PostgreSQL (issue 7): the same mixed load (bench/mixed-load.ts) against
// one `vigil serve` process, then against two processes sharing one database and one data
// directory (log signing key, master key), the load split evenly between them. Each
// configuration gets a fresh database and data directory, seeded the same way, so both start
// from the same state; each measured run follows a short unmeasured warm-up.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TILE_WIDTH } from '../src/ledger/tiles.ts';
import { seedCorridor } from '../src/passage/field/field.fixtures.ts';
import { openVigil } from '../src/server/open-vigil.ts';
import type { Vigil } from '../src/server/open-vigil.ts';
import { startServerProcess } from '../test/support/serve-process.ts';
import type { ServerProcess } from '../test/support/serve-process.ts';
import { registerBenchDevice } from './bench-device.ts';
import { createBenchDatabase } from './ceiling-pg.ts';
import { runMixedLoad, SyncBodies } from './mixed-load.ts';
import type { ConnectionShare, InstanceFigures, LoadSetup } from './mixed-load.ts';

/** Connections of the whole mix (both servers together): 32, as the load. */
export const TOTAL_SHARE: ConnectionShare = { passages: 8, reports: 8, reads: 16 };

/** Log entries written before the load, so that reads find full tiles (256 entries each). */
const SEEDED_REPORTS = 768;
const WARM_UP_SECONDS = 1;
/** Sync bodies signed ahead per second of load: above the rate either configuration reached. */
const SYNC_BODIES_PER_SECOND = 400;

/** What one configuration measured. */
export interface ClusterRun {
  servers: number;
  seconds: number;
  figures: InstanceFigures[];
  /** Sync bodies signed during the load because the pre-signed pool ran dry. */
  signedLive: number;
  /** Log size before and after the measured seconds (GET /api/v1/log on the first server). */
  logSize: { before: number; after: number };
}

async function seed(vigil: Vigil): Promise<Omit<LoadSetup, 'fullTiles'>> {
  const { token: partnerToken } = await vigil.tokens.createToken({
    name: 'bench partner',
    role: 'partner',
  });
  const corridor = await seedCorridor(vigil.database.db);
  const device = await registerBenchDevice(vigil);
  for (let sent = 0; sent < SEEDED_REPORTS; sent += 128) {
    const answers = await Promise.all(
      Array.from({ length: 128 }, (_, i) =>
        vigil.app.inject({
          method: 'POST',
          url: '/api/v1/partner-reports',
          headers: { authorization: `Bearer ${partnerToken}` },
          payload: { account: `Seed report ${String(sent + i)}.`, language: 'en' },
        }),
      ),
    );
    const refused = answers.find((answer) => answer.statusCode !== 201);
    if (refused !== undefined) throw new Error(`seeding a report: ${refused.body}`);
  }
  return {
    partnerToken,
    checkpointId: corridor.bridge,
    device,
  };
}

async function logSize(url: string): Promise<number> {
  const body: unknown = await (await fetch(`${url}/api/v1/log`)).json();
  if (typeof body !== 'object' || body === null || !('size' in body)) throw new Error('no size');
  if (typeof body.size !== 'number') throw new Error('size is not a number');
  return body.size;
}

/** Starts `count` servers on `dataDir` and the database at `databaseUrl`. */
async function startServers(
  dataDir: string,
  databaseUrl: string,
  count: number,
): Promise<ServerProcess[]> {
  process.env['VIGIL_DATABASE_URL'] = databaseUrl;
  const servers: ServerProcess[] = [];
  try {
    // One after the other: the first runs the migrations, the second finds them done.
    for (let i = 0; i < count; i++) servers.push(await startServerProcess(dataDir));
    return servers;
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  } finally {
    delete process.env['VIGIL_DATABASE_URL'];
  }
}

/** Each server's share of the connections: the total split evenly. */
function shareOf(total: ConnectionShare, count: number): ConnectionShare {
  return {
    passages: total.passages / count,
    reports: total.reports / count,
    reads: total.reads / count,
  };
}

/** Prepares a fresh database in `dir`, runs the mixed load on `servers` processes, drops it. */
export async function measureConfiguration(options: {
  dir: string;
  servers: number;
  seconds: number;
  /** Connections per kind, all servers together; default {@link TOTAL_SHARE}. */
  share?: ConnectionShare;
}): Promise<ClusterRun> {
  const database = await createBenchDatabase();
  try {
    const dataDir = join(options.dir, `cluster-${String(options.servers)}`);
    mkdirSync(dataDir, { recursive: true });
    const vigil = await openVigil({
      dataDir,
      databaseUrl: database.url,
      backgroundJobs: false,
      logger: false,
      env: { ...process.env, VIGIL_DATABASE_URL: database.url },
    });
    const seeded = await seed(vigil).finally(() => vigil.close());
    const servers = await startServers(dataDir, database.url, options.servers);
    try {
      const urls = servers.map((server) => server.url);
      const first = urls[0] ?? '';
      const before = await logSize(first);
      const setup: LoadSetup = { ...seeded, fullTiles: Math.floor(before / TILE_WIDTH) };
      const sync = new SyncBodies(
        setup,
        (options.seconds + WARM_UP_SECONDS) * SYNC_BODIES_PER_SECOND,
      );
      const share = shareOf(options.share ?? TOTAL_SHARE, options.servers);
      await runMixedLoad(urls, { share, seconds: WARM_UP_SECONDS }, setup, sync);
      const warmed = await logSize(first);
      const figures = await runMixedLoad(urls, { share, seconds: options.seconds }, setup, sync);
      return {
        servers: options.servers,
        seconds: options.seconds,
        figures,
        signedLive: sync.signedLive,
        logSize: { before: warmed, after: await logSize(first) },
      };
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  } finally {
    await database.drop();
  }
}
