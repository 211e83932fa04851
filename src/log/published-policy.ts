// The C2SP tlog-policy a log publishes at GET /log/policy (`vigil serve --policy FILE`): the log
// key, the witness keys and their quorum, which `vigil verify log --policy` and the browser
// verify page apply. A policy that does not parse, or that does not name this log's key, would
// send every verifier to a wrong answer, so the server refuses to start with it.
import { equalBytes } from '../ledger/bytes.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import type { VerifierKey } from '../ledger/note-keys.ts';
import { parsePolicy } from '../ledger/policy.ts';

/** A policy the server will not publish. `code` is a string: the CLI prints it and exits 2. */
export class PolicyRefusedError extends Error {
  readonly code = 'POLICY_REFUSED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolicyRefusedError';
  }
}

/**
 * Returns `text` unchanged when it is a valid tlog-policy listing `logKey` among its logs
 * (same name and public key); undefined when no policy is given. Throws PolicyRefusedError
 * otherwise, saying what is wrong.
 *
 * @example const policy = checkPublishedPolicy(options.policy, verifierKeyOf(signer));
 */
export function checkPublishedPolicy(
  text: string | undefined,
  logKey: VerifierKey,
): string | undefined {
  if (text === undefined) return undefined;
  let logs: VerifierKey[];
  try {
    logs = parsePolicy(text).logs;
  } catch (error) {
    if (!isLedgerError(error)) throw error;
    throw new PolicyRefusedError(`the policy cannot be published: ${error.message}`, {
      cause: error,
    });
  }
  const isListed = logs.some(
    (key) => key.name === logKey.name && equalBytes(key.publicKey, logKey.publicKey),
  );
  if (!isListed) {
    throw new PolicyRefusedError(
      `the policy does not list this log's key (${logKey.text}): add a line "log ${logKey.text}"`,
    );
  }
  return text;
}
