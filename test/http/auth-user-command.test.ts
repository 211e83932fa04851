// Accounts made outside the API: `vigil user add` and the first-run admin. Each prints
// credentials once; these tests sign in over HTTP with exactly what was printed.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { printFirstAdmin } from '../../src/cli/user.command.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import { totpNow } from '../support/test-vigil.ts';

function field(output: string, label: string): string {
  const match = new RegExp(`^${label}:\\s+(\\S+)$`, 'm').exec(output);
  assert.ok(match?.[1], `${label} printed`);
  return match[1];
}

async function signIn(app: FastifyInstance, output: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: {
      name: field(output, 'name'),
      password: field(output, 'password'),
      totp: totpNow(field(output, 'TOTP secret')),
    },
  });
}

describe('vigil user add', () => {
  it('creates an account whose printed credentials sign in, and refuses a taken name', async () => {
    const dataDir = tempDir();
    const added = await runVigil([
      'user',
      'add',
      '--role',
      'monitor',
      '--name',
      'Ana',
      '--data',
      dataDir,
    ]);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(field(added.stdout, 'role'), 'monitor');
    assert.match(field(added.stdout, 'TOTP URI'), /^otpauth:\/\/totp\/Vigil:ana\?/);
    const again = await runVigil([
      'user',
      'add',
      '--role',
      'analyst',
      '--name',
      'ana',
      '--data',
      dataDir,
    ]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists/);
    const vigil = await openVigil({ dataDir });
    try {
      assert.equal(vigil.firstAdmin, undefined, 'an account exists: no first-run admin');
      const response = await signIn(vigil.app, added.stdout);
      assert.equal(response.statusCode, 200);
      assert.equal(response.json<{ role: string }>().role, 'monitor');
    } finally {
      await vigil.close();
    }
  });

  it('refuses a role that is not a staff role with exit code 2', async () => {
    const result = await runVigil([
      'user',
      'add',
      '--role',
      'partner',
      '--name',
      'x',
      '--data',
      tempDir(),
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--role must be one of admin, coordinator/);
  });
});

describe('first-run admin', () => {
  it('is created on the first start only, and its printed credentials sign in', async () => {
    const dataDir = tempDir();
    const first = await openVigil({ dataDir });
    let printed = '';
    try {
      assert.equal(first.firstAdmin?.name, 'admin');
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          printed += chunk.toString();
          done();
        },
      });
      printFirstAdmin(first.firstAdmin, sink);
      assert.match(printed, /FIRST START/);
      assert.equal(field(printed, 'password'), first.firstAdmin.password);
    } finally {
      await first.close();
    }
    const second = await openVigil({ dataDir });
    try {
      assert.equal(second.firstAdmin, undefined);
      const response = await signIn(second.app, printed);
      assert.equal(response.statusCode, 200);
      assert.equal(response.json<{ role: string }>().role, 'admin');
    } finally {
      await second.close();
    }
  });
});
