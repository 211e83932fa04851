// The mixed load of the several-servers benchmark (issue 7): device captures through
// POST /api/v1/sync, partners' reports, and public reads, each kind its own autocannon instance
// (closed loop, fixed connections) against each server, all running at once. Every write body
// is unique (new capture ids, a numbered account), so nothing is answered as a duplicate.
import type { KeyObject } from 'node:crypto';
import autocannon from 'autocannon';
import { formatEntryBundlePath, formatTilePath, TILE_WIDTH } from '../src/ledger/tiles.ts';
import { aPassagePayload, signedCapture } from '../src/passage/field/field.fixtures.ts';
import { newRecordId } from '../src/random/record-id.ts';

/** The three kinds of request in the mix. */
export type LoadKind = 'passages' | 'reports' | 'reads';

/** Every kind, in the order the report prints them. */
export const LOAD_KINDS: readonly LoadKind[] = ['passages', 'reports', 'reads'];

/** What the load needs from the prepared database. */
export interface LoadSetup {
  partnerToken: string;
  device: { id: string; token: string; privateKey: KeyObject };
  checkpointId: string;
  /** Full level-0 tiles of the log when the load starts: the tiles and bundles reads ask for. */
  fullTiles: number;
}

/** Passages in one sync request: small batches, as a device on a patchy link sends them. */
export const PASSAGES_PER_SYNC = 10;
const PEOPLE_PER_PASSAGE = 4;

/**
 * Pre-signed sync bodies, so the load generator (which shares the two cores with the servers)
 * does not spend ten Ed25519 signatures per request during the measured seconds. When the pool
 * runs dry it signs on demand, and counts it.
 */
export class SyncBodies {
  readonly #setup: LoadSetup;
  readonly #pool: string[] = [];
  /** Bodies signed during the load because the pool was empty. */
  signedLive = 0;

  constructor(setup: LoadSetup, count: number) {
    this.#setup = setup;
    for (let i = 0; i < count; i++) this.#pool.push(this.#sign());
  }

  /** The next unused body. */
  next(): string {
    const body = this.#pool.pop();
    if (body !== undefined) return body;
    this.signedLive++;
    return this.#sign();
  }

  #sign(): string {
    const people = Array.from({ length: PEOPLE_PER_PASSAGE }, (_, i) => ({
      sex: i % 2 === 0 ? 'female' : 'male',
      ageBand: '18-45',
      outcome: 'passed',
    }));
    const device = { id: this.#setup.device.id, privateKey: this.#setup.device.privateKey };
    const payload = aPassagePayload(this.#setup.checkpointId, people);
    // A UUIDv7 id, as a device makes: the server's indexes grow at their right edge.
    const items = Array.from({ length: PASSAGES_PER_SYNC }, () =>
      signedCapture(device, 'checkpoint_passage', payload, { id: newRecordId() }),
    );
    return JSON.stringify({ items });
  }
}

const ACCOUNT =
  'A partner field team reports that a vehicle queue formed at the checkpoint in the morning; ' +
  'families waited several hours without water. ';
let reportsSent = 0;

/** A partner's report, different from every other one of this process. */
function reportBody(): string {
  reportsSent++;
  return JSON.stringify({
    account: `${ACCOUNT}Report ${String(reportsSent)}.`,
    language: 'en',
    proximity: 'eyewitness',
  });
}

const PUBLIC_API = [
  '/api/v1/log',
  '/api/v1/places',
  '/api/v1/access-restrictions',
  '/api/v1/commitments',
];

// A fifth of the reads poll the checkpoint, two fifths fetch a random full tile or entry bundle
// (a monitor or auditor catching up), the rest read the public API (the portal's pages).
function readPath(fullTiles: number): string {
  const roll = Math.random();
  if (roll < 0.2 || (roll < 0.6 && fullTiles === 0)) return '/log/checkpoint';
  if (roll < 0.6) {
    const index = Math.floor(Math.random() * fullTiles);
    const path =
      roll < 0.4
        ? formatTilePath({ level: 0, index, width: TILE_WIDTH })
        : formatEntryBundlePath({ index, width: TILE_WIDTH });
    return `/log/${path}`;
  }
  return PUBLIC_API[Math.floor(Math.random() * PUBLIC_API.length)] ?? '/api/v1/log';
}

/** What one autocannon instance (one kind against one server) measured. */
export interface InstanceFigures {
  kind: LoadKind;
  server: number;
  /** Answers that did what was asked (2xx, and for sync: no rejected item). */
  ok: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, syncs with a rejected item, connection errors and timeouts. */
  failed: number;
  /** Failures by status and error code, e.g. "500 internal" or "200 rejected conflict". */
  failures: Map<string, number>;
}

/** One autocannon request template: autocannon calls these two per request. */
interface RequestTemplate {
  setupRequest: (request: Record<string, unknown>) => Record<string, unknown>;
  onResponse: (status: number, body: string) => void;
}

function tally(failures: Map<string, number>, key: string): void {
  failures.set(key, (failures.get(key) ?? 0) + 1);
}

const codeOf = (body: string) => /"code":"(\w+)"/.exec(body)?.[1] ?? '-';

function templateFor(kind: LoadKind, setup: LoadSetup, sync: SyncBodies) {
  const failures = new Map<string, number>();
  const template: RequestTemplate = {
    setupRequest: (request) => {
      if (kind === 'reads') return { ...request, path: readPath(setup.fullTiles) };
      return { ...request, body: kind === 'passages' ? sync.next() : reportBody() };
    },
    onResponse: (status, body) => {
      if (status >= 300) tally(failures, `${String(status)} ${codeOf(body)}`);
      // Every item must have been applied: a 200 with a rejected item is a failure too, and
      // so is a duplicate (every body is new, so one would mean the harness repeated itself).
      else if (kind === 'passages' && body.includes('"rejected"')) {
        tally(failures, `200 rejected ${codeOf(body)}`);
      } else if (kind === 'passages' && body.includes('"duplicate"')) {
        tally(failures, '200 duplicate');
      }
    },
  };
  return { template, failures };
}

const PATHS: Record<LoadKind, string> = {
  passages: '/api/v1/sync',
  reports: '/api/v1/partner-reports',
  reads: '/log/checkpoint',
};

async function fire(
  target: { url: string; server: number; kind: LoadKind },
  options: { connections: number; seconds: number },
  setup: LoadSetup,
  sync: SyncBodies,
): Promise<InstanceFigures> {
  const { kind } = target;
  const { template, failures } = templateFor(kind, setup, sync);
  const token = kind === 'passages' ? setup.device.token : setup.partnerToken;
  const headers: Record<string, string> =
    kind === 'reads'
      ? { 'accept-encoding': 'gzip, identity' }
      : { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const result = await autocannon({
    url: `${target.url}${PATHS[kind]}`,
    method: kind === 'reads' ? 'GET' : 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers,
    requests: [template],
  });
  const answeredBadly = [...failures.values()].reduce((sum, count) => sum + count, 0);
  if (result.errors > 0) failures.set('connection errors and timeouts', result.errors);
  return {
    kind,
    server: target.server,
    ok: result.requests.total - answeredBadly,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: answeredBadly + result.errors,
    failures,
  };
}

/** Connections per kind, for each server. */
export type ConnectionShare = Readonly<Record<LoadKind, number>>;

/**
 * Runs every kind against every server in `urls` at once for `seconds`, each server with
 * `share` connections per kind; resolves with one figure per (server, kind).
 */
export async function runMixedLoad(
  urls: readonly string[],
  options: { share: ConnectionShare; seconds: number },
  setup: LoadSetup,
  sync: SyncBodies,
): Promise<InstanceFigures[]> {
  return Promise.all(
    urls.flatMap((url, server) =>
      LOAD_KINDS.filter((kind) => options.share[kind] > 0).map((kind) =>
        fire(
          { url, server, kind },
          { connections: options.share[kind], seconds: options.seconds },
          setup,
          sync,
        ),
      ),
    ),
  );
}
