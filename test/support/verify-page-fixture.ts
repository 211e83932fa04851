// A served Vigil for the verify page's browser test: its log key made first (so witnesses and a
// policy can name it), in-process C2SP witnesses cosigning over loopback, some records, and the
// page built if it is not yet (npm test builds it first; a lone run of the file may not have).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { utf8 } from '../../src/ledger/bytes.ts';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { parseVerifierKey, verifierKeyOf } from '../../src/ledger/note-keys.ts';
import type { SignerKey, VerifierKey } from '../../src/ledger/note-keys.ts';
import { VERIFY_PAGE_DIR } from '../../src/http/web-pages.routes.ts';
import { loadOrCreateLogSigner } from '../../src/log/log-signer.file.ts';
import type { WitnessEndpoint } from '../../src/log/witnessing/witness-endpoint.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import { buildWitnessApp } from '../../src/witness/witness.app.ts';
import { SqliteWitnessStateStore } from '../../src/witness/witness-state.sqlite.ts';
import { Witness } from '../../src/witness/witness.service.ts';
import { tempDir } from './temp-dir.ts';
import { newWitnessSigner } from './witness-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the verify page into dist/web/verify/ unless it is there already. */
export async function ensureVerifyPageBuilt(): Promise<void> {
  await ensureWebBuilt(VERIFY_PAGE_DIR);
}

/** Builds the web pages (npm run build:web) unless the page in `dir` is built. */
export async function ensureWebBuilt(dir: string): Promise<void> {
  if (existsSync(join(dir, 'index.html'))) return;
  await promisify(execFile)('npm', ['run', 'build:web'], { cwd: ROOT });
}

/** A data directory holding a new log key for `origin`, and that key. */
export function newLogDataDir(origin: string): { dataDir: string; signer: SignerKey } {
  const dataDir = tempDir();
  return { dataDir, signer: loadOrCreateLogSigner(dataDir, origin).signer };
}

/** A witness of the log signed by `logSigner`, listening on loopback until the file ends. */
export async function startTestWitness(logSigner: SignerKey, name: string) {
  const store = new SqliteWitnessStateStore(tempDir());
  const witness = new Witness({
    signer: newWitnessSigner(name),
    logs: new Map([[logSigner.name, [verifierKeyOf(logSigner)]]]),
    store,
  });
  const app = await buildWitnessApp({ witness });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  after(async () => {
    await app.close();
    store.close();
  });
  const endpoint: WitnessEndpoint = { url, key: witness.verifierKey };
  return endpoint;
}

/** What startLogServer needs. */
export interface LogServerOptions {
  dataDir: string;
  policy: string;
  records: number;
  witnesses?: readonly WitnessEndpoint[];
}

/**
 * Opens and serves a Vigil publishing `policy`, appends `records` records, and resolves once
 * /log/checkpoint covers them with every witness's cosignature. Closed when the file ends.
 */
export async function startLogServer(options: LogServerOptions) {
  const witnesses = options.witnesses ?? [];
  const vigil = await openVigil({
    dataDir: options.dataDir,
    policy: options.policy,
    witnesses,
    witnessTimeoutMs: 5000,
    witnessMaxBackoffMs: 100,
    backgroundJobs: false,
  });
  after(() => vigil.close());
  for (let done = 0; done < options.records; done += 50) {
    const batch = Array.from({ length: Math.min(50, options.records - done) }, (_, i) => done + i);
    await Promise.all(batch.map((n) => vigil.sequencer.append(utf8(`{"record":${n}}`))));
  }
  await waitForCosigned(
    vigil,
    options.records,
    witnesses.map((w) => w.key),
  );
  const url = await vigil.app.listen({ port: 0, host: '127.0.0.1' });
  return { vigil, url };
}

async function waitForCosigned(
  vigil: Awaited<ReturnType<typeof openVigil>>,
  size: number,
  witnesses: readonly VerifierKey[],
): Promise<void> {
  const logKey = parseVerifierKey(vigil.verifierKey);
  for (let tries = 0; tries < 200; tries++) {
    const note = (await vigil.app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
    const opened = openCheckpoint(note, { logKey, witnesses });
    if (opened.checkpoint.size === size && opened.witnesses.length === witnesses.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no checkpoint of size ${size} cosigned by all ${witnesses.length} witnesses`);
}
