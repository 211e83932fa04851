import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, relative } from 'node:path';
import { after } from 'node:test';
import { runVigil } from './run-cli.ts';
import type { CliResult } from './run-cli.ts';
import { startServerProcess } from './serve-process.ts';

/** One file of a directory as a test sees it: which inode, and what it holds. */
export interface FileState {
  ino: number;
  sha256: string;
}

/** Every file under `root` (relative path → inode and content digest). */
export function snapshotDir(root: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
        files.set(relative(root, path), { ino: statSync(path).ino, sha256 });
      }
    }
  };
  walk(root);
  return files;
}

/** Paths that are new in `after` or whose file was replaced (another inode or content). */
export function changedFiles(
  before: Map<string, FileState>,
  later: Map<string, FileState>,
): string[] {
  return [...later]
    .filter(([path, state]) => {
      const old = before.get(path);
      return old === undefined || old.ino !== state.ino || old.sha256 !== state.sha256;
    })
    .map(([path]) => path)
    .sort();
}

/**
 * A minimal static file server over `root` (what a CDN or nginx would do), on loopback;
 * closed when the test file ends. Resolves to its base URL.
 */
export async function serveStatic(root: string): Promise<string> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = readFileSync(join(root, path));
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => {
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** `vigil log mirror --from source --to mirror --key vkey …extra`. */
export function runMirror(
  source: string,
  mirror: string,
  vkey: string,
  extra: readonly string[] = [],
): Promise<CliResult> {
  return runVigil(['log', 'mirror', '--from', source, '--to', mirror, '--key', vkey, ...extra]);
}

/** Posts `count` notary requests (distinct hashes from `first`) and waits for every receipt. */
export async function notariseMany(url: string, token: string, first: number, count: number) {
  for (let start = first; start < first + count; start += 50) {
    const batch = Array.from({ length: Math.min(50, first + count - start) }, (_, i) =>
      fetch(`${url}/api/v1/notary`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sha256: (start + i).toString(16).padStart(64, '0') }),
      }),
    );
    for (const response of await Promise.all(batch)) {
      if (response.status !== 200) throw new Error(`notary answered ${response.status}`);
    }
  }
}

/** A `vigil serve` in `work/data` with a partner token: the source the mirror tests copy. */
export async function startServedLog(work: string) {
  const dataDir = join(work, 'data');
  const server = await startServerProcess(dataDir, ['--notary-rate', '100000']);
  after(() => server.stop());
  const created = await runVigil([
    'token',
    'create',
    '--data',
    dataDir,
    '--role',
    'partner',
    '--name',
    'ngo',
  ]);
  const token = created.stdout.trim().split('\n').at(-1) ?? '';
  const vkey = (await runVigil(['log', 'vkey', '--data', dataDir])).stdout.trim();
  return { dataDir, server, token, vkey, logUrl: `${server.url}/log` };
}
