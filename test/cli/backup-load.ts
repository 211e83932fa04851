// Shared by the backup tests: a running server under write load (notary appends and residents'
// sealed reports), a backup taken in the middle of it, and the checkpoints published before and
// after the backup.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVigil } from '../support/run-cli.ts';
import type { CliResult } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';

const CLIENTS = 6;
// Under the portal's limit of 10 reports per address and minute, before and after the backup.
const REPORTS_BEFORE = 6;
const REPORTS_AFTER = 3;

async function hammer(url: string, token: string, stop: { now: boolean }): Promise<number> {
  let acknowledged = 0;
  while (!stop.now) {
    const response = await fetch(`${url}/api/v1/notary`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sha256: randomBytes(32).toString('hex') }),
    });
    await response.arrayBuffer();
    if (response.status === 200) acknowledged++;
  }
  return acknowledged;
}

// Sealed records (info items under the seal): the rows restore checks against their entries.
async function reportAsResidents(url: string, reports: number): Promise<number> {
  let sealed = 0;
  for (let i = 0; i < reports; i++) {
    const response = await fetch(`${url}/api/v1/resident-reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: `checkpoint closed, report ${String(i)}`, language: 'en' }),
    });
    await response.arrayBuffer();
    if (response.status === 201) sealed++;
  }
  return sealed;
}

async function publishedCheckpoint(url: string, path: string): Promise<string> {
  const note = await (await fetch(`${url}/log/checkpoint`)).text();
  writeFileSync(path, note);
  return note;
}

/** What a loaded backup run left behind. */
export interface LoadedBackup {
  backup: CliResult;
  /** A checkpoint published before the backup began (the backup must contain it). */
  earlier: string;
  /** One published after load went on past the backup (the backup cannot contain it). */
  later: string;
  verifierKey: string;
  sealedReports: number;
  /** Sealed reports stored after the backup: the data directory has rows the backup lacks. */
  sealedAfter: number;
}

/**
 * Starts `vigil serve` on `dataDir`, writes to it from several clients, runs `vigil backup` to
 * `file` while they write, keeps writing a little after it, and stops the server.
 */
export async function backupUnderLoad(dataDir: string, work: string, file: string) {
  const token = (
    await runVigil(['token', 'create', '--data', dataDir, '--role', 'partner', '--name', 'load'])
  ).stdout.trim();
  const server = await startServerProcess(dataDir, ['--notary-rate', '1000000']);
  const verifierKey = (await runVigil(['log', 'vkey', '--data', dataDir])).stdout.trim();
  try {
    const stop = { now: false };
    const clients = Array.from({ length: CLIENTS }, () => hammer(server.url, token, stop));
    const sealedReports = await reportAsResidents(server.url, REPORTS_BEFORE);
    const earlier = join(work, 'published-earlier.txt');
    await publishedCheckpoint(server.url, earlier);
    const backup = await runVigil(['backup', '--data', dataDir, '--to', file]);
    // More appends after the backup: the later checkpoint covers entries the backup lacks.
    const sealedAfter = await reportAsResidents(server.url, REPORTS_AFTER);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop.now = true;
    const acknowledged = (await Promise.all(clients)).reduce((a, b) => a + b, 0);
    assert.ok(acknowledged > 50, `only ${String(acknowledged)} appends under load`);
    const later = join(work, 'published-later.txt');
    await publishedCheckpoint(server.url, later);
    return {
      backup,
      earlier,
      later,
      verifierKey,
      sealedReports,
      sealedAfter,
    } satisfies LoadedBackup;
  } finally {
    await server.stop();
  }
}

/** The tree size on the second line of a checkpoint note. */
export function sizeOf(note: string): number {
  return Number(note.split('\n')[1]);
}
