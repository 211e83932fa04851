// A log is untrusted input to the verifier: a hostile server must not exhaust its memory.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { generateSignerKey } from '../../src/ledger/note-keys.ts';
import { runVigil } from '../support/run-cli.ts';

// 64 MiB of zeros, gzipped to about 64 KiB: far larger than any checkpoint, tile or bundle.
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
  response.end(bomb);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
after(() => {
  server.close();
});

describe('verify log against a hostile server', () => {
  it('stops reading a gzip bomb at the size cap and exits 2', async () => {
    const { port } = server.address() as AddressInfo;
    const { verifierKey } = generateSignerKey('hostile.example/log');
    const result = await runVigil([
      'verify',
      'log',
      `http://127.0.0.1:${port}/log`,
      '--key',
      verifierKey,
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /larger than any tile or bundle/);
  });
});
