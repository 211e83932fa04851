import { after } from 'node:test';
import { parseVerifierKey } from '../../src/ledger/note-keys.ts';
import type { VerifierKey } from '../../src/ledger/note-keys.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import type { Vigil, VigilOptions } from '../../src/server/open-vigil.ts';
import { tempDir } from './temp-dir.ts';

/** A Vigil in a temporary directory with one token per role the tests need. */
export interface TestVigil {
  vigil: Vigil;
  dataDir: string;
  logKey: VerifierKey;
  partnerToken: string;
  monitorToken: string;
}

/** Opens a Vigil for a test file; closed when the file ends. */
export async function openTestVigil(options: Partial<VigilOptions> = {}): Promise<TestVigil> {
  const dataDir = options.dataDir ?? tempDir();
  const vigil = await openVigil({ origin: 'test.example/log', ...options, dataDir });
  after(async () => {
    await vigil.close();
  });
  const partner = await vigil.tokens.createToken({ name: 'partner ngo', role: 'partner' });
  const monitor = await vigil.tokens.createToken({ name: 'monitor device', role: 'monitor' });
  return {
    vigil,
    dataDir,
    logKey: parseVerifierKey(vigil.verifierKey),
    partnerToken: partner.token,
    monitorToken: monitor.token,
  };
}
