// When to try again after a failed sync: exponential backoff from 2 s, capped at a minute, with
// "full jitter" (a random delay up to the bound), so that many devices coming back into signal at
// once do not all retry on the same second.

const FIRST_MS = 2_000;
const MAX_MS = 60_000;

/**
 * The delay before retry number `attempt` (0 for the first retry), from `random` in [0, 1).
 *
 * @example retryDelay(3, Math.random()) // up to 16 s
 */
export function retryDelay(attempt: number, random: number): number {
  const bound = Math.min(MAX_MS, FIRST_MS * 2 ** Math.min(attempt, 10));
  // Never less than a second: a retry in the same instant would meet the same failure.
  return Math.max(1_000, Math.floor(bound * random));
}
