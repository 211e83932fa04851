// Publishing the log's tlog-policy (issue 7): GET /log/policy serves the policy given to
// `vigil serve --policy`, answers not_found when there is none, and a policy that does not parse
// or does not name this log's key refuses the start — in openVigil and on the command line.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateSignerKey, SIG_COSIGNATURE_V1 } from '../../src/ledger/note-keys.ts';
import { loadOrCreateLogSigner } from '../../src/log/log-signer.file.ts';
import { verifierKeyOf } from '../../src/ledger/note-keys.ts';
import { PolicyRefusedError } from '../../src/log/published-policy.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import type { Vigil } from '../../src/server/open-vigil.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const ORIGIN = 'policy.test/log';
const witnessKey = generateSignerKey('witness.example/w1', SIG_COSIGNATURE_V1).verifierKey;
const otherLogKey = generateSignerKey(ORIGIN).verifierKey;

/** A data directory whose log key exists already, so that a policy can name it. */
function newDataDir(): { dataDir: string; logKey: string } {
  const dataDir = tempDir();
  const { signer } = loadOrCreateLogSigner(dataDir, ORIGIN);
  return { dataDir, logKey: verifierKeyOf(signer).text };
}

const policyFor = (logKey: string) =>
  `# the log and its one witness\nlog ${logKey}\nwitness w1 ${witnessKey}\nquorum w1\n`;

async function open(dataDir: string, policy?: string): Promise<Vigil> {
  const vigil = await openVigil({
    dataDir,
    origin: ORIGIN,
    backgroundJobs: false,
    ...(policy === undefined ? {} : { policy }),
  });
  after(() => vigil.close());
  return vigil;
}

describe('GET /log/policy', () => {
  it('serves the published policy verbatim as public, briefly cached text', async () => {
    const { dataDir, logKey } = newDataDir();
    const policy = policyFor(logKey);
    const { app } = await open(dataDir, policy);
    const response = await app.inject({ method: 'GET', url: '/log/policy' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, policy);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'public, max-age=60');
    assert.ok(response.headers['content-security-policy'], 'the security headers stay on');
  });

  it('answers not_found when no policy is configured', async () => {
    const { app } = await open(newDataDir().dataDir);
    const response = await app.inject({ method: 'GET', url: '/log/policy' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'not_found');
  });
});

describe('a policy that cannot be published', () => {
  it('refuses to start when the policy does not list this log’s key', async () => {
    const { dataDir, logKey } = newDataDir();
    await assert.rejects(
      openVigil({ dataDir, origin: ORIGIN, policy: policyFor(otherLogKey) }),
      (error: unknown) => {
        assert.ok(error instanceof PolicyRefusedError);
        assert.match(error.message, /does not list this log's key/);
        assert.ok(error.message.includes(logKey), 'names the key to add');
        return true;
      },
    );
  });

  it('refuses to start when the policy does not parse', async () => {
    const { dataDir, logKey } = newDataDir();
    await assert.rejects(
      openVigil({ dataDir, origin: ORIGIN, policy: `log ${logKey}\nquorum w9\n` }),
      /the policy cannot be published: policy line 2: w9 is not defined above/,
    );
  });

  it('makes `vigil serve --policy` exit 2 with the reason', async () => {
    const { dataDir } = newDataDir();
    const file = join(dataDir, 'policy.txt');
    writeFileSync(file, policyFor(otherLogKey));
    const result = await runVigil(['serve', '--data', dataDir, '--port', '0', '--policy', file]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^error: the policy does not list this log's key/m);
  });

  it('makes `vigil serve --policy` exit 2 when the file cannot be read', async () => {
    const { dataDir } = newDataDir();
    const missing = join(dataDir, 'absent.txt');
    const result = await runVigil(['serve', '--data', dataDir, '--port', '0', '--policy', missing]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /--policy: cannot read .*absent\.txt/);
  });
});
