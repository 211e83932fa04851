// Safe-passage figures on one engine (SQLite or PostgreSQL), all in one run so each can be
// compared with the raw insert ceiling of the same database measured beside it:
// - signed checkpoint passages through POST /api/v1/sync (a `vigil serve` in another process),
//   durable and logged: the sustained rate, and latency at 1,000 passages/s offered;
// - the family status look-up (reference code + birth year) with 150,000 households;
// - reconciliation of 120,000 journeys (the whole seven-day operation's size).
import { randomBytes, randomUUID, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import type { Household, HouseholdCheck } from '../src/passage/database/household.repository.ts';
import { passageStoreOn } from '../src/passage/database/passage-store.kysely.ts';
import {
  formatReferenceCode,
  normaliseReferenceCode,
} from '../src/passage/model/reference-code.ts';
import { ReconciliationService } from '../src/passage/oversight/reconciliation/reconciliation.service.ts';
import { householdCheckHmac } from '../src/passage/registry/households/household-check.ts';
import { StatusLookupService } from '../src/passage/registry/status/status-lookup.service.ts';
import { openVigil } from '../src/server/open-vigil.ts';
import type { Vigil } from '../src/server/open-vigil.ts';
import { captureSignatureMessage } from '../src/sync/capture-signature.ts';
import { startServerProcess } from '../test/support/serve-process.ts';
import { registerBenchDevice } from './bench-device.ts';
import { now, percentile } from './stats.ts';
import { newRecordId } from '../src/random/record-id.ts';

/** Where the bench runs. */
export interface PassageBenchTarget {
  dataDir: string;
  /** PostgreSQL URL, or undefined for the embedded SQLite. */
  databaseUrl: string | undefined;
  quick: boolean;
}

/** What an open-loop phase achieved. */
export interface OfferedFigures {
  achieved: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function summarise(result: LoadResult, passages: number): OfferedFigures {
  return {
    achieved: passages / result.seconds,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    non2xx: result.non2xx,
  };
}

/** The figures of one engine. */
export interface PassageBenchResult {
  sustained: { passages: number; seconds: number; rate: number; p99: number; non2xx: number };
  /** 1,000 passages/s offered: in batches of 10, and one per request. */
  offered: { batched: OfferedFigures; single: OfferedFigures };
  lookup: { households: number; p50: number; p99: number };
  reconciliation: { journeys: number; ms: number };
}

const PEOPLE_PER_PASSAGE = 4;
const BATCH = 200;

interface Seeded {
  checkpointId: string;
  deviceId: string;
  deviceToken: string;
  privateKey: KeyObject;
}

async function seed(vigil: Vigil): Promise<Seeded> {
  const store = passageStoreOn(vigil.database.db);
  const at = new Date().toISOString();
  const names = { en: 'Bench checkpoint', hy: 'Bench', az: 'Bench', ru: 'Bench' };
  const checkpointId = randomUUID();
  const receptionId = randomUUID();
  await store.places.insertMany([
    {
      id: checkpointId,
      kind: 'checkpoint',
      names,
      lat: 0,
      lon: 0,
      adminCode: null,
      createdAt: at,
      version: 1,
    },
    {
      id: receptionId,
      kind: 'reception_point',
      names,
      lat: 0,
      lon: 0.1,
      adminCode: null,
      createdAt: at,
      version: 1,
    },
  ]);
  await store.places.saveRouteLegs([
    { fromPlaceId: checkpointId, toPlaceId: receptionId, p50Minutes: 240, p95Minutes: 2880 },
  ]);
  const device = await registerBenchDevice(vigil);
  return {
    checkpointId,
    deviceId: device.id,
    deviceToken: device.token,
    privateKey: device.privateKey,
  };
}

function signedBatch(seeded: Seeded, size: number): string {
  const items = Array.from({ length: size }, () => {
    const capture = {
      // As a device does: a UUIDv7, so the server's primary-key indexes grow at their right edge.
      id: newRecordId(),
      type: 'checkpoint_passage',
      capturedAt: new Date().toISOString(),
      payload: {
        checkpointId: seeded.checkpointId,
        direction: 'out',
        occupants: PEOPLE_PER_PASSAGE,
        screeningTypes: ['document_check'],
        outcome: 'passed',
        people: Array.from({ length: PEOPLE_PER_PASSAGE }, (_, i) => ({
          sex: i % 2 === 0 ? 'female' : 'male',
          ageBand: '18-45',
          outcome: 'passed',
        })),
      },
    };
    const message = captureSignatureMessage({ ...capture, deviceId: seeded.deviceId });
    return { ...capture, signature: sign(null, message, seeded.privateKey).toString('base64') };
  });
  return JSON.stringify({ items });
}

interface LoadResult {
  seconds: number;
  latencies: number[];
  non2xx: number;
}

// node:http with kept-alive sockets rather than fetch: the load generator shares the two cores
// with the server and the database, and fetch cost it about three times the CPU per request.
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

function post(url: string, token: string, body: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = httpRequest(
      `${url}/api/v1/sync`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        // Every item must have been applied: a 200 with rejected items is a failure too.
        response.on('end', () => {
          resolve(response.statusCode === 200 && !text.includes('"rejected"'));
        });
        response.on('error', () => {
          resolve(false);
        });
      },
    );
    // An overloaded server stops accepting connections: a failed request, counted as such.
    request.on('error', () => {
      resolve(false);
    });
    request.end(body);
  });
}

/** Closed loop: `connections` clients each send the next body as soon as the last is answered. */
async function saturate(
  url: string,
  token: string,
  bodies: readonly string[],
  connections: number,
): Promise<LoadResult> {
  let next = 0;
  let non2xx = 0;
  const latencies: number[] = [];
  const started = now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const sent = now();
        if (!(await post(url, token, body))) non2xx++;
        latencies.push(now() - sent);
      }
    }),
  );
  return { seconds: (now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), non2xx };
}

/**
 * Open loop: request i is sent at start + i/rate whatever the answers, and its latency counts
 * from that scheduled time, so a slow server cannot hide queueing (no coordinated omission).
 */
async function offer(
  url: string,
  token: string,
  bodies: readonly string[],
  rate: number,
): Promise<LoadResult> {
  let non2xx = 0;
  const latencies: number[] = [];
  const started = now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      post(url, token, bodies[i]!).then((ok) => {
        if (!ok) non2xx++;
        latencies.push(now() - due);
      }),
    );
  }
  await Promise.all(inFlight);
  return { seconds: (now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), non2xx };
}

async function seedHouseholds(
  vigil: Vigil,
  count: number,
): Promise<{ code: string; year: number }[]> {
  const keyring = vigil.features.context.keyring;
  const samples: { code: string; year: number }[] = [];
  const at = new Date().toISOString();
  for (let start = 0; start < count; start += 5_000) {
    const households: Household[] = [];
    const checks: HouseholdCheck[] = [];
    for (let i = start; i < Math.min(count, start + 5_000); i++) {
      const id = randomUUID();
      const code = normaliseReferenceCode(formatReferenceCode(randomBytes(8))) ?? '';
      const year = 1940 + (i % 80);
      households.push({
        id,
        referenceCode: code,
        intention: 'leave' as const,
        registeredAt: at,
        originPlaceId: null,
        memberCount: 1,
        version: 1,
      });
      checks.push({ householdId: id, checkHmac: householdCheckHmac(keyring, id, year) });
      if (i % 30 === 0) samples.push({ code, year });
    }
    await vigil.database.db
      .transaction()
      .execute((trx) =>
        passageStoreOn(trx).households.insertMany({ households, members: [], checks }),
      );
  }
  return samples;
}

/** Runs every passage figure against `target`. */
export async function measurePassage(target: PassageBenchTarget): Promise<PassageBenchResult> {
  const env = { VIGIL_DATABASE_URL: target.databaseUrl };
  const open = () =>
    openVigil({
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      backgroundJobs: false,
      logger: false,
      env: { ...process.env, ...env },
    });
  let vigil = await open();
  const seeded = await seed(vigil);
  await vigil.close();

  const passages = target.quick ? 6_000 : 30_000;
  const bodies = Array.from({ length: passages / BATCH }, () => signedBatch(seeded, BATCH));
  // 1,000 passages/s offered the way devices sync: small batches (10 passages, 100 requests/s),
  // and, harder, one passage per request (1,000 requests/s).
  const tens = Array.from({ length: target.quick ? 200 : 1_000 }, () => signedBatch(seeded, 10));
  const singles = Array.from({ length: target.quick ? 2_000 : 5_000 }, () =>
    signedBatch(seeded, 1),
  );

  if (target.databaseUrl === undefined) delete process.env['VIGIL_DATABASE_URL'];
  else process.env['VIGIL_DATABASE_URL'] = target.databaseUrl;
  const server = await startServerProcess(target.dataDir);
  let sustained: PassageBenchResult['sustained'];
  let offered: PassageBenchResult['offered'];
  try {
    const load = await saturate(server.url, seeded.deviceToken, bodies, 4);
    sustained = {
      passages,
      seconds: load.seconds,
      rate: passages / load.seconds,
      p99: percentile(load.latencies, 99),
      non2xx: load.non2xx,
    };
    const batched = await offer(server.url, seeded.deviceToken, tens, 100);
    const steady = await offer(server.url, seeded.deviceToken, singles, 1_000);
    offered = {
      batched: summarise(batched, tens.length * 10),
      single: summarise(steady, singles.length),
    };
  } finally {
    await server.stop();
    delete process.env['VIGIL_DATABASE_URL'];
  }

  vigil = await open();
  try {
    const reconciliation = new ReconciliationService({
      db: vigil.database.db,
      now: () => new Date(),
    });
    const journeys = (
      await passageStoreOn(vigil.database.db).journeys.listForReconciliation({ all: true })
    ).length;
    const timings: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = now();
      await reconciliation.reconcile({ by: 'vehicle', offset: 0, limit: 500, idsLimit: 100 });
      timings.push(now() - start);
    }
    const households = target.quick ? 15_000 : 150_000;
    const samples = await seedHouseholds(vigil, households);
    const lookup = new StatusLookupService({
      db: vigil.database.db,
      keyring: vigil.features.context.keyring,
    });
    const latencies: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const sample = samples[i % samples.length]!;
      const start = now();
      await lookup.lookup({ referenceCode: sample.code, birthYear: sample.year });
      latencies.push(now() - start);
    }
    latencies.sort((a, b) => a - b);
    return {
      sustained,
      offered,
      lookup: { households, p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      reconciliation: { journeys, ms: timings.sort((a, b) => a - b)[1] ?? Number.NaN },
    };
  } finally {
    await vigil.close();
  }
}
