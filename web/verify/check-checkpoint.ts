// The checkpoint half of the verify page: which log key to trust (the published tlog-policy's,
// else the one the server announces), the log signature (C2SP tlog-checkpoint), each policy
// witness's cosignature (C2SP tlog-cosignature) and the policy's quorum (C2SP tlog-policy) —
// the same rules `vigil verify log --policy` applies, with the same ledger code.
import { toBase64 } from '../../src/ledger/bytes.ts';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import type { Checkpoint } from '../../src/ledger/checkpoint.ts';
import { parseVerifierKey } from '../../src/ledger/note-keys.ts';
import type { VerifierKey } from '../../src/ledger/note-keys.ts';
import { isQuorumMet, parsePolicy } from '../../src/ledger/policy.ts';
import type { Policy } from '../../src/ledger/policy.ts';
import { FetchError, fetchText } from './fetch-log.ts';
import type { LogFetch } from './fetch-log.ts';
import { detailOf } from './finding.ts';
import type { Finding } from './finding.ts';

/** What the checkpoint checks found, and the checkpoint when its signature verified. */
export interface CheckpointReport {
  findings: Finding[];
  checkpoint?: Checkpoint;
}

interface LogInfo {
  origin: string;
  vkey: string;
}

// /api/v1/log is JSON from the server: only its two strings are used, and only after checking.
function parseLogInfo(text: string | undefined): LogInfo {
  const value: unknown = text === undefined ? undefined : JSON.parse(text);
  if (typeof value === 'object' && value !== null && 'origin' in value && 'vkey' in value) {
    const { origin, vkey } = value;
    if (typeof origin === 'string' && typeof vkey === 'string') return { origin, vkey };
  }
  throw new Error('/api/v1/log does not describe a log');
}

function parsePublished(text: string | undefined, findings: Finding[]): Policy | undefined {
  if (text === undefined) return undefined;
  try {
    return parsePolicy(text);
  } catch (error) {
    findings.push({
      check: 'policy',
      status: 'fail',
      key: 'policyBad',
      params: { detail: detailOf(error) },
    });
    return undefined;
  }
}

// The policy's key for this log when a policy is published; else the key the server announces.
function trustedLogKey(info: LogInfo, policy: Policy | undefined, findings: Finding[]) {
  if (policy === undefined) {
    findings.push({
      check: 'key',
      status: 'info',
      key: 'keyFromServer',
      params: { key: info.vkey },
    });
    return parseVerifierKey(info.vkey);
  }
  const key = policy.logs.find((log) => log.name === info.origin);
  if (key === undefined) {
    findings.push({
      check: 'key',
      status: 'fail',
      key: 'policyNoLog',
      params: { origin: info.origin },
    });
    return undefined;
  }
  findings.push({ check: 'key', status: 'info', key: 'keyFromPolicy', params: { key: key.text } });
  if (key.text !== info.vkey) {
    findings.push({ check: 'key', status: 'fail', key: 'keyMismatch', params: { key: info.vkey } });
  }
  return key;
}

// Each witness on its own, so that one bad cosignature does not hide the others (openCheckpoint
// rejects a note in which any given key's signature fails).
function checkWitnesses(note: string, logKey: VerifierKey, policy: Policy, findings: Finding[]) {
  const cosigned = new Set<string>();
  for (const [name, key] of policy.witnesses) {
    try {
      const opened = openCheckpoint(note, { logKey, witnesses: [key] });
      const time = opened.cosignedAt.get(key.text);
      if (opened.witnesses.length === 1 && time !== undefined) {
        cosigned.add(name);
        findings.push({
          check: 'witness',
          status: 'ok',
          key: 'witnessOk',
          params: { name, time: { time } },
        });
      } else {
        findings.push({
          check: 'witness',
          status: 'fail',
          key: 'witnessMissing',
          params: { name },
        });
      }
    } catch (error) {
      findings.push({
        check: 'witness',
        status: 'fail',
        key: 'witnessBad',
        params: { name, detail: detailOf(error) },
      });
    }
  }
  if (policy.quorum === 'none') {
    findings.push({ check: 'quorum', status: 'ok', key: 'quorumNone' });
    return;
  }
  const isMet = isQuorumMet(policy, cosigned);
  findings.push({
    check: 'quorum',
    status: isMet ? 'ok' : 'fail',
    key: isMet ? 'quorumMet' : 'quorumNotMet',
    params: { count: cosigned.size, total: policy.witnesses.size, quorum: policy.quorum },
  });
}

/**
 * Fetches /api/v1/log, /log/policy (absent: no policy) and /log/checkpoint with `read`, and
 * checks the checkpoint. Never throws: every failure is a finding.
 *
 * @example const { findings, checkpoint } = await checkCheckpoint(fetchFromOrigin)
 */
export async function checkCheckpoint(read: LogFetch): Promise<CheckpointReport> {
  const findings: Finding[] = [];
  let info: LogInfo;
  let policyText: string | undefined;
  let note: string | undefined;
  try {
    info = parseLogInfo(await fetchText(read, '/api/v1/log'));
    policyText = await fetchText(read, '/log/policy');
    note = await fetchText(read, '/log/checkpoint');
    if (note === undefined) throw new Error('the server has no checkpoint');
  } catch (error) {
    findings.push(
      error instanceof FetchError
        ? {
            check: 'fetch',
            status: 'fail',
            key: 'fetchFailed',
            params: { what: error.path, detail: error.message },
          }
        : {
            check: 'fetch',
            status: 'fail',
            key: 'unexpected',
            params: { detail: detailOf(error) },
          },
    );
    return { findings };
  }
  const policy = parsePublished(policyText, findings);
  if (policyText !== undefined && policy === undefined) return { findings };
  let logKey: VerifierKey | undefined;
  let checkpoint: Checkpoint;
  try {
    logKey = trustedLogKey(info, policy, findings);
    if (logKey === undefined) return { findings };
    checkpoint = openCheckpoint(note, { logKey }).checkpoint;
  } catch (error) {
    findings.push({
      check: 'signature',
      status: 'fail',
      key: 'signatureBad',
      params: { detail: detailOf(error) },
    });
    return { findings };
  }
  findings.push({
    check: 'signature',
    status: 'ok',
    key: 'signatureOk',
    params: { name: logKey.name, size: checkpoint.size, root: toBase64(checkpoint.rootHash) },
  });
  if (policy === undefined) {
    findings.push({ check: 'witness', status: 'info', key: 'noPolicyWitnesses' });
  } else {
    checkWitnesses(note, logKey, policy, findings);
  }
  return { findings, checkpoint };
}
