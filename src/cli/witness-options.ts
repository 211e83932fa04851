// `vigil serve --witness URL=VKEY …`: the witnesses the log asks to cosign its checkpoints.
import { WitnessEndpointError, parseWitnessEndpoints } from '../log/witnessing/witness-endpoint.ts';
import type { WitnessEndpoint } from '../log/witnessing/witness-endpoint.ts';
import { UsageError } from './cli-error.ts';
import { parseCount } from './parse-options.ts';

/** The witness options of `vigil serve`, as given. */
export interface WitnessCliOptions {
  witness: string[];
  witnessTimeout: string;
  witnessRetry: string;
}

/**
 * Parses the witness options into openVigil options; a bad value is a usage error (exit 2).
 *
 * @example openVigil({ dataDir, ...witnessOptions(options) })
 */
export function witnessOptions(options: WitnessCliOptions): {
  witnesses: WitnessEndpoint[];
  witnessTimeoutMs: number;
  witnessMaxBackoffMs: number;
} {
  let witnesses: WitnessEndpoint[];
  try {
    witnesses = parseWitnessEndpoints(options.witness);
  } catch (error) {
    if (error instanceof WitnessEndpointError) throw new UsageError(error.message);
    throw error;
  }
  const witnessTimeoutMs = parseCount(options.witnessTimeout, '--witness-timeout');
  const witnessMaxBackoffMs = parseCount(options.witnessRetry, '--witness-retry');
  if (witnessTimeoutMs === 0) throw new UsageError('--witness-timeout must be at least 1 ms');
  return { witnesses, witnessTimeoutMs, witnessMaxBackoffMs };
}
