// Which witnesses a log asks for cosignatures: each one's submission prefix (C2SP tlog-witness
// §"HTTP Interface") and its cosignature/v1 verifier key, given by the operator as `URL=VKEY`.
import { isLedgerError } from '../../ledger/ledger-error.ts';
import { parseVerifierKey, SIG_COSIGNATURE_V1 } from '../../ledger/note-keys.ts';
import type { VerifierKey } from '../../ledger/note-keys.ts';

/** A witness the log submits its checkpoints to. */
export interface WitnessEndpoint {
  /** The submission prefix, without a trailing slash: requests go to `<url>/add-checkpoint`. */
  url: string;
  /** The witness's cosignature/v1 key: only cosignatures by this key are kept and served. */
  key: VerifierKey;
}

/** A witness option that cannot be used; the CLI turns it into a usage error. */
export class WitnessEndpointError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WitnessEndpointError';
  }
}

/**
 * Parses `URL=VKEY` (the vkey as `vigil keygen --witness` prints it). A vkey's base64 carries no
 * `=` padding (33 bytes), so the last `=` separates the two. Only http and https URLs without
 * query or fragment are accepted: the request path is appended to them. Throws WitnessEndpointError.
 *
 * @example parseWitnessEndpoint('http://127.0.0.1:7380=witness.example/w1+0a1b2c3d+BB…')
 */
export function parseWitnessEndpoint(value: string): WitnessEndpoint {
  const split = value.lastIndexOf('=');
  if (split <= 0) throw new WitnessEndpointError(`--witness ${value} is not URL=VKEY`);
  const url = parseUrl(value.slice(0, split));
  let key: VerifierKey;
  try {
    key = parseVerifierKey(value.slice(split + 1).trim());
  } catch (error) {
    if (!isLedgerError(error)) throw error;
    throw new WitnessEndpointError(`--witness ${value}: ${error.message}`, { cause: error });
  }
  if (key.type !== SIG_COSIGNATURE_V1) {
    throw new WitnessEndpointError(
      `--witness ${value}: not a witness key (make one with vigil keygen --witness)`,
    );
  }
  return { url, key };
}

/**
 * Parses every `--witness` value, refusing two entries for one witness key: each witness is
 * asked once per checkpoint and its cosignature served once.
 *
 * @example parseWitnessEndpoints(options.witness)
 */
export function parseWitnessEndpoints(values: readonly string[]): WitnessEndpoint[] {
  const endpoints = values.map(parseWitnessEndpoint);
  const names = new Set(endpoints.map((endpoint) => endpoint.key.text));
  if (names.size !== endpoints.length) {
    throw new WitnessEndpointError('a witness key is given twice with --witness');
  }
  return endpoints;
}

function parseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new WitnessEndpointError(`--witness ${text} is not a URL`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WitnessEndpointError(`--witness ${text} is not an http or https URL`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new WitnessEndpointError(`--witness ${text}: a submission prefix has no query`);
  }
  return url.href.replace(/\/+$/, '');
}
