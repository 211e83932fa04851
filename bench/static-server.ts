// A minimal static file server (node:http + the file system), the stand-in for the nginx, object
// store or CDN that serves a `vigil log mirror` directory. Run as its own process:
//   node bench/static-server.ts DIR   → prints "listening on http://127.0.0.1:PORT/"
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

const root = process.argv[2];
if (root === undefined) throw new Error('usage: static-server.ts DIR');

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/'));
  if (path.includes('..')) {
    response.writeHead(400).end();
    return;
  }
  const isCheckpoint = path === '/checkpoint';
  readFile(join(root, path)).then(
    (body) => {
      response.writeHead(200, {
        'content-type': isCheckpoint ? 'text/plain; charset=utf-8' : 'application/octet-stream',
        // C2SP tlog-tiles: the checkpoint moves, tiles and bundles never change.
        'cache-control': isCheckpoint ? 'public, max-age=5' : 'public, max-age=31536000, immutable',
      });
      response.end(body);
    },
    () => {
      response.writeHead(404).end();
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`,
  );
});
process.once('SIGTERM', () => server.close());
