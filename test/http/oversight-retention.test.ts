// `vigil retention apply` on a data directory: identities past retention are crypto-shredded
// and counted, live ones kept; a directory that holds no Vigil is refused, not created.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { UsageError } from '../../src/cli/cli-error.ts';
import { registerRetention } from '../../src/cli/retention.command.ts';
import { seededRandom, syntheticIdentity } from '../../src/people/person.factory.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import { tempDir } from '../support/temp-dir.ts';

const ACTOR = { id: 'system:test' };

async function retentionApply(dataDir: string): Promise<string> {
  let printed = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      printed += chunk.toString('utf8');
      done();
    },
  });
  const program = new Command('vigil').exitOverride();
  registerRetention(program, out);
  await program.parseAsync(['retention', 'apply', '--data', dataDir], { from: 'user' });
  return printed;
}

describe('vigil retention apply', () => {
  it('destroys the identities past retention and prints how many', async () => {
    const dataDir = tempDir();
    const vigil = await openVigil({ dataDir, backgroundJobs: false });
    const random = seededRandom(7);
    const person = (householdRef: string, from: Date) => ({
      identity: syntheticIdentity(random, 1),
      householdRef,
      retention: { category: 'passage_raw' as const, from },
    });
    const vault = vigil.features.context.vault;
    const [expired, kept] = await vault.storePeople(
      [person('h1', new Date('2020-01-01T00:00:00Z')), person('h2', new Date())],
      ACTOR,
    );
    await vigil.close();
    assert.equal(
      await retentionApply(dataDir),
      'destroyed 1 identity past retention\ndestroyed 0 plates past retention\n',
    );
    assert.equal(
      await retentionApply(dataDir),
      'destroyed 0 identities past retention\ndestroyed 0 plates past retention\n',
    );
    const reopened = await openVigil({ dataDir, backgroundJobs: false });
    try {
      const readBack = reopened.features.context.vault;
      await assert.rejects(readBack.readPerson(expired!, ACTOR, 'oversight'), { code: 'gone' });
      await readBack.readPerson(kept!, ACTOR, 'oversight');
    } finally {
      await reopened.close();
    }
  });

  it('refuses a directory that holds no Vigil, creating nothing', async () => {
    const dataDir = join(tempDir(), 'missing');
    await assert.rejects(retentionApply(dataDir), UsageError);
    assert.equal(existsSync(dataDir), false);
  });
});
