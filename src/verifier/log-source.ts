// Where an auditor reads a tlog-tiles log from: a URL prefix (any static host or a Vigil
// server) or a local directory holding the same files. Everything read here is untrusted.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { concatBytes } from '../ledger/bytes.ts';

/** Raised when the source cannot be read at all (network, permissions): an I/O failure. */
export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/** Read access to a log's static resources by relative path ("checkpoint", "tile/0/000"). */
export interface LogSource {
  /** The resource's bytes, or undefined when it does not exist (404 / no such file). */
  get(path: string): Promise<Uint8Array | undefined>;
  readonly description: string;
}

/** A log that does not answer within this time is an I/O failure, not a hang. */
const FETCH_TIMEOUT_MS = 30_000;

/** Largest resource accepted: a full tile is 8 KiB; a bundle is at most 256 × 64 KiB. */
const MAX_RESOURCE_BYTES = 256 * 65_537;

// Reads a response body, stopping at MAX_RESOURCE_BYTES: the log is untrusted, and a gzip
// bomb would otherwise be inflated whole into memory before any size check.
async function readCapped(response: Response, where: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.length;
    if (total > MAX_RESOURCE_BYTES) {
      await reader.cancel();
      throw new SourceError(`${where}: larger than any tile or bundle`);
    }
    chunks.push(read.value);
  }
  return concatBytes(...chunks);
}

class UrlSource implements LogSource {
  readonly description: string;
  readonly #base: URL;

  constructor(base: string) {
    this.#base = new URL(base.endsWith('/') ? base : `${base}/`);
    this.description = this.#base.href;
  }

  async get(path: string): Promise<Uint8Array | undefined> {
    const url = new URL(path, this.#base);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'accept-encoding': 'gzip, identity' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (cause) {
      throw new SourceError(`cannot fetch ${url.href}`, { cause });
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw new SourceError(`${url.href}: HTTP ${response.status}`);
    return readCapped(response, url.href);
  }
}

class DirectorySource implements LogSource {
  readonly description: string;
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
    this.description = root;
  }

  async get(path: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(join(this.#root, ...path.split('/'))));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new SourceError(`cannot read ${path} in ${this.#root}`, { cause });
    }
  }
}

/** A source for `location`: http(s) URLs are fetched, anything else is a directory. */
export function openLogSource(location: string): LogSource {
  if (/^https?:\/\//i.test(location)) return new UrlSource(location);
  if (!existsSync(location)) throw new SourceError(`${location} is neither a URL nor a directory`);
  return new DirectorySource(location);
}
