// Report intake through HTTP on one engine: partners' reports (POST /api/v1/partner-reports)
// against a `vigil serve` in another process, each answered 201 only once its verbatim account
// is sealed in the log and its row is committed. autocannon drives a closed loop of
// `connections` clients on loopback; every account differs, as real reports do.
import autocannon from 'autocannon';
import { openVigil } from '../src/server/open-vigil.ts';
import { startServerProcess } from '../test/support/serve-process.ts';

/** Where the bench runs. */
export interface IntakeBenchTarget {
  dataDir: string;
  /** PostgreSQL URL, or undefined for the embedded SQLite. */
  databaseUrl: string | undefined;
  seconds: number;
}

/** Reports per second and latency at one level of concurrency. */
export interface IntakeFigures {
  connections: number;
  rate: number;
  p50: number;
  p99: number;
  /** Non-2xx answers and connection errors: every one is a report not taken. */
  failed: number;
}

const ACCOUNT =
  'A partner field team reports that a vehicle queue formed at the checkpoint in the morning; ' +
  'families waited several hours without water and two elderly people needed medical help. ';

/** Runs the intake load at 16 and 64 connections against a fresh server on `target`. */
export async function measureReportIntake(target: IntakeBenchTarget): Promise<IntakeFigures[]> {
  const vigil = await openVigil({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    backgroundJobs: false,
    logger: false,
    env: { ...process.env, VIGIL_DATABASE_URL: target.databaseUrl },
  });
  const { token } = await vigil.tokens.createToken({ name: 'bench partner', role: 'partner' });
  await vigil.close();

  if (target.databaseUrl === undefined) delete process.env['VIGIL_DATABASE_URL'];
  else process.env['VIGIL_DATABASE_URL'] = target.databaseUrl;
  const server = await startServerProcess(target.dataDir);
  try {
    const figures: IntakeFigures[] = [];
    for (const connections of [16, 64]) {
      let sent = 0;
      const result = await autocannon({
        url: `${server.url}/api/v1/partner-reports`,
        method: 'POST',
        connections,
        duration: target.seconds,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                account: `${ACCOUNT}Report ${String(sent++)}.`,
                language: 'en',
                proximity: 'eyewitness',
              }),
            }),
          },
        ],
      });
      figures.push({
        connections,
        rate: (result.requests.total - result.non2xx) / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failed: result.non2xx + result.errors,
      });
    }
    return figures;
  } finally {
    await server.stop();
    delete process.env['VIGIL_DATABASE_URL'];
  }
}
