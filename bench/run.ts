// `npm run bench`: every figure of BENCHMARKS.md in one run, beside the ceilings measured in the
// same run. Prints a Markdown report. Loopback only; every loop is bounded.
import { cpus, totalmem } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatSignerKey,
  generateSignerKey,
  parseSignerKey,
  verifierKeyOf,
} from '../src/ledger/note-keys.ts';
import { LOG_KEY_FILE } from '../src/log/log-signer.file.ts';
import { measureOfferedLoad, measureSaturatedAppends } from './appends.ts';
import { measureAudit, serve, vigil } from './audit.ts';
import { buildLog } from './build-log.ts';
import { measureHashRate, measureInsertRate } from './ceilings.ts';
import { clusterSection } from './cluster-section.ts';
import { measureNotaryHttp } from './http.ts';
import { monitoringSection } from './monitoring-section.ts';
import { passageSection } from './passage-section.ts';
import { measureProofs } from './proofs.ts';
import { readsSection } from './reads-section.ts';
import { transparencySection } from './transparency-section.ts';
import { webSection } from './web-section.ts';
import { ms } from './stats.ts';

const quick = process.argv.includes('--quick');
// `--only log`, `passage`, `monitoring`, `transparency`, `reads`, `cluster` or `web` runs one part (the
// ceilings are always measured).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
const scale = quick ? 0.1 : 1;
const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

try {
  say(`# Vigil benchmark${quick ? ' (quick)' : ''}`);
  say('');
  say(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
  );
  say('');
  const hashRate = measureHashRate();
  const insertRate = measureInsertRate(dir);
  say('| ceiling | figure |');
  say('|---|---|');
  say(
    `| raw SHA-256 (node:crypto, 65-byte inputs) | ${Math.round(hashRate).toLocaleString('en-US')} hashes/s |`,
  );
  say(
    `| raw SQLite insert (WAL, synchronous=FULL, 1,000-row transactions, 100-byte rows) | ${Math.round(insertRate).toLocaleString('en-US')} rows/s |`,
  );
  say('');

  if (only === undefined || only === 'log') {
    const saturated = await measureSaturatedAppends(dir, Math.round(300_000 * scale));
    say('| durable appends (sequencer, in process) | figure | ratio to raw insert |');
    say('|---|---|---|');
    say(
      `| saturated, acknowledged | ${Math.round(saturated).toLocaleString('en-US')} appends/s | ${(saturated / insertRate).toFixed(2)} |`,
    );
    say('');
    say('| offered appends/s | achieved/s | time-to-receipt p50 | p99 | max |');
    say('|---|---|---|---|---|');
    for (const offered of [1_000, 10_000, 20_000, 50_000]) {
      const r = await measureOfferedLoad(dir, offered, quick ? 2 : 5);
      say(
        `| ${offered.toLocaleString('en-US')} | ${Math.round(r.achieved).toLocaleString('en-US')} | ${ms(r.p50)} ms | ${ms(r.p99)} ms | ${ms(r.max)} ms |`,
      );
    }
    say('');

    const signer = parseSignerKey(generateSignerKey('bench.example/log').signerKey);
    say('| log size | build (bulk integrate + commit) | proof p50 | proof p99 | proof max |');
    say('|---|---|---|---|---|');
    const sizes = quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
    const dataDirs = new Map<number, string>();
    for (const size of sizes) {
      const dataDir = join(dir, `log-${size}`);
      rmSync(dataDir, { recursive: true, force: true });
      (await import('node:fs')).mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, LOG_KEY_FILE), `${formatSignerKey(signer)}\n`, { mode: 0o600 });
      const buildMs = await buildLog(join(dataDir, 'log.sqlite'), size, signer);
      const proofs = await measureProofs(join(dataDir, 'log.sqlite'), size, 20_000);
      say(
        `| ${size.toLocaleString('en-US')} | ${(buildMs / 1000).toFixed(1)} s (${Math.round((size * 1000) / buildMs).toLocaleString('en-US')} entries/s) | ${ms(proofs.p50)} ms | ${ms(proofs.p99)} ms | ${ms(proofs.max)} ms |`,
      );
      dataDirs.set(size, dataDir);
    }
    say('');

    const auditSize = sizes[0]!;
    const auditDir = dataDirs.get(auditSize)!;
    const logKey = verifierKeyOf(signer);
    await vigil(['log', 'export', '--data', auditDir, '--out', join(auditDir, 'export')]);
    const fromDisk = await measureAudit(join(auditDir, 'export'), logKey);
    const server = await serve(auditDir);
    const overHttp = await measureAudit(`${server.url}/log`, logKey);
    await server.stop();
    say(
      `| full audit of ${auditSize.toLocaleString('en-US')} entries (signature, every bundle re-hashed, every tile compared, root) | time | entries/s | entries/s ÷ raw SHA-256/s (≈ 2 hashes per entry) |`,
    );
    say('|---|---|---|---|');
    say(
      `| from a static export on disk | ${(fromDisk / 1000).toFixed(2)} s | ${Math.round((auditSize * 1000) / fromDisk).toLocaleString('en-US')} | ${((auditSize * 1000) / fromDisk / hashRate).toFixed(2)} |`,
    );
    say(
      `| over HTTP from \`vigil serve\` (another process) | ${(overHttp / 1000).toFixed(2)} s | ${Math.round((auditSize * 1000) / overHttp).toLocaleString('en-US')} | ${((auditSize * 1000) / overHttp / hashRate).toFixed(2)} |`,
    );
    say('');

    const httpDir = join(dir, 'http');
    const token = (
      await vigil(['token', 'create', '--data', httpDir, '--role', 'partner', '--name', 'bench'])
    ).trim();
    const httpServer = await serve(httpDir, ['--notary-rate', '100000000']);
    say(
      '| notary over HTTP (autocannon, loopback, server in another process) | receipts/s | p50 | p99 | non-2xx |',
    );
    say('|---|---|---|---|---|');
    for (const connections of [16, 128]) {
      const r = await measureNotaryHttp(httpServer.url, token, connections, quick ? 3 : 10);
      say(
        `| ${connections} connections | ${Math.round(r.rate).toLocaleString('en-US')} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx + r.errors} |`,
      );
    }
    await httpServer.stop();
  }

  if (only === undefined || only === 'passage') {
    await passageSection({ dir, quick, insertRate, say });
  }

  if (only === undefined || only === 'monitoring') {
    await monitoringSection({ dir, quick, insertRate, say });
  }

  if (only === undefined || only === 'transparency') {
    await transparencySection({ dir, quick, insertRate, say });
  }

  if (only === undefined || only === 'reads') {
    await readsSection({ quick, say });
  }

  if (only === undefined || only === 'cluster') {
    await clusterSection({ dir, quick, say });
  }
  if (only === undefined || only === 'web') {
    await webSection({ dir, quick, say });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
