import { isLedgerError } from '../ledger/ledger-error.ts';
import { parseVerifierKey, SIG_COSIGNATURE_V1, SIG_ED25519 } from '../ledger/note-keys.ts';
import type { VerifierKey } from '../ledger/note-keys.ts';
import { UsageError } from './cli-error.ts';

/** A TCP port number from the command line. */
export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port ${text} is not a port number`);
  }
  return port;
}

/** A non-negative count from the command line. */
export function parseCount(text: string, option: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(count)) {
    throw new UsageError(`${option} ${text} is not a count`);
  }
  return count;
}

/**
 * Splits `--key` values into the log's key (Ed25519, type 0x01) and witness keys
 * (cosignature/v1, type 0x04): the vkey's own type byte says which is which.
 */
export function parseKeys(texts: readonly string[]): {
  logKey: VerifierKey;
  witnesses: VerifierKey[];
} {
  const keys = parseVerifierKeys(texts);
  const logKeys = keys.filter((key) => key.type === SIG_ED25519);
  const witnesses = keys.filter((key) => key.type === SIG_COSIGNATURE_V1);
  const [logKey, ...others] = logKeys;
  if (logKey === undefined || others.length > 0) {
    throw new UsageError('give exactly one log key (an Ed25519 vkey) with --key');
  }
  return { logKey, witnesses };
}

/** Collects a repeatable option into an array (commander helper). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses trusted verifier keys of any supported type. */
export function parseVerifierKeys(texts: readonly string[]): VerifierKey[] {
  if (texts.length === 0) throw new UsageError('give at least one --key');
  return texts.map((text) => {
    try {
      return parseVerifierKey(text.trim());
    } catch (error) {
      if (isLedgerError(error)) throw new UsageError(`--key ${text}: ${error.message}`);
      throw error;
    }
  });
}
