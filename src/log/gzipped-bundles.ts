// Full entry bundles, gzipped once. tlog-tiles says bundles SHOULD be served compressed, and a
// full bundle never changes, so compressing it again for every reader (about 50 KB of real
// entries each time) was the costliest part of Vigil's public read path and took CPU from the
// writers beside it.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BoundedCache } from './bounded-cache.ts';

const gzipAsync = promisify(gzip);

/** True when an Accept-Encoding header admits gzip (RFC 9110 §12.5.3: q=0 refuses). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((item) => {
    const [coding = '', ...params] = item.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The gzip bodies of recently served full bundles. */
export class GzippedBundles {
  // ~14 KB each for real entries: 256 of them stay within a few megabytes.
  readonly #cache = new BoundedCache<number, Buffer>(256);

  /** The gzip encoding of full bundle `index`, whose bytes are `body`. */
  async get(index: number, body: Uint8Array): Promise<Buffer> {
    const cached = this.#cache.get(index);
    if (cached !== undefined) return cached;
    const zipped = await gzipAsync(body);
    this.#cache.set(index, zipped);
    return zipped;
  }
}
