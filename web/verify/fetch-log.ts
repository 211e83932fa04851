// Reads the log's resources from the server that served the page. Everything read is
// untrusted: sizes are capped here and every byte is parsed strictly by the ledger code.

/** Largest resource read: an entry bundle of 256 entries of at most 64 KiB each. */
const MAX_BYTES = 256 * 65_537;

/** A resource that could not be read (network error, HTTP status, too large). */
export class FetchError extends Error {
  /** The path that could not be read. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'FetchError';
    this.path = path;
  }
}

/** Reads `path` (e.g. '/log/checkpoint'): its bytes, or undefined on 404. */
export type LogFetch = (path: string) => Promise<Uint8Array | undefined>;

/**
 * Fetches `path` from the page's origin. Throws FetchError on anything but 200 or 404.
 *
 * @example const note = await fetchFromOrigin('/log/checkpoint')
 */
export const fetchFromOrigin: LogFetch = async (path) => {
  let response: Response;
  try {
    // no-store: a verifier must see what the server says now, not a cached checkpoint.
    response = await fetch(path, { cache: 'no-store' });
  } catch (error) {
    throw new FetchError(path, error instanceof Error ? error.message : 'network error');
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new FetchError(path, `HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new FetchError(path, 'larger than any log resource');
  return bytes;
};

/** Reads `path` as UTF-8 text, or undefined on 404. Throws FetchError on invalid UTF-8. */
export async function fetchText(read: LogFetch, path: string): Promise<string | undefined> {
  const bytes = await read(path);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FetchError(path, 'not UTF-8 text');
  }
}
