// The log's side of one add-checkpoint exchange against a scripted witness: what is sent, and
// every kind of answer it must refuse rather than trust.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import {
  WitnessRequestError,
  addCheckpointBody,
  postAddCheckpoint,
} from './add-checkpoint.client.ts';

let answer: { status: number; body: string; type?: string } = { status: 200, body: '' };
const received: string[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push(
      `${request.method ?? ''} ${request.url ?? ''}\n${Buffer.concat(chunks).toString()}`,
    );
    response.writeHead(answer.status, { 'content-type': answer.type ?? 'text/plain' });
    response.end(answer.body);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  server.closeAllConnections();
  server.close();
});

const NOTE =
  'log.example/log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— log.example/log AAAA\n';

function post(oldSize = 0, proof: Uint8Array[] = []) {
  return postAddCheckpoint({ url, oldSize, proof, note: NOTE, signal: AbortSignal.timeout(5000) });
}

describe('postAddCheckpoint', () => {
  it('sends old size, proof lines, a blank line and the note to <prefix>/add-checkpoint', async () => {
    answer = { status: 200, body: '— w.example/one AAAA\n— w.example/two BBBB\n' };
    const result = await post(3, [new Uint8Array(32)]);
    assert.deepEqual(result, {
      kind: 'cosigned',
      lines: ['— w.example/one AAAA', '— w.example/two BBBB'],
    });
    assert.equal(received.at(-1), `POST /add-checkpoint\nold 3\n${'A'.repeat(43)}=\n\n${NOTE}`);
  });

  it('reads the size of a 409 answer', async () => {
    answer = { status: 409, body: '42\n', type: 'text/x.tlog.size' };
    assert.deepEqual(await post(), { kind: 'conflict', size: 42 });
  });

  it('refuses other statuses and malformed bodies', async () => {
    for (const bad of [
      { status: 409, body: '042\n' },
      { status: 409, body: '42' },
      { status: 422, body: 'inconsistent\n' },
      { status: 200, body: '' },
      { status: 200, body: '— w.example/one AAAA' },
      { status: 200, body: 'hello\n' },
      { status: 200, body: `— w ${'A'.repeat(20_000)}\n` },
    ]) {
      answer = bad;
      await assert.rejects(post(), WitnessRequestError, JSON.stringify(bad).slice(0, 60));
    }
  });

  it('refuses an unreachable witness and a proof longer than 63 lines', async () => {
    await assert.rejects(
      postAddCheckpoint({
        url: 'http://127.0.0.1:1',
        oldSize: 0,
        proof: [],
        note: NOTE,
        signal: AbortSignal.timeout(5000),
      }),
      /did not answer/,
    );
    assert.throws(
      () =>
        addCheckpointBody(
          1,
          Array.from({ length: 64 }, () => new Uint8Array(32)),
          NOTE,
        ),
      WitnessRequestError,
    );
  });
});
