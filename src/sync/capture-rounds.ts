// The items of one batch are in capture order and must act as if they had been sent one by one:
// a journey that passed checkpoint 1 and then checkpoint 2 while the device was offline arrives
// as two items of one batch, and the second must plan from the first's effect. Preparing every
// item against the database as it stood before the batch would refuse the second as a conflict.
// Most items touch records no other item of the batch touches; they form the first round,
// prepared together and written in one group commit (the fast path). An item that touches a
// record an earlier item touched goes to a later round, prepared only once the rounds before it
// are written. Items of one round never share a record, so their order within it is free.

/**
 * Splits `items` (in capture order) into rounds: an item's round is one after the latest round
 * of the earlier items it shares a key with, else the first. Keys name the records an item reads
 * to plan its change and then changes ('journey:<id>').
 *
 * @example captureRounds([a, b, c], keysOf) // [[a, c], [b]] when b shares a key with a only
 */
export function captureRounds<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
): T[][] {
  const rounds: T[][] = [];
  const latestRound = new Map<string, number>();
  for (const item of items) {
    const keys = keysOf(item);
    let round = 0;
    for (const key of keys) {
      const latest = latestRound.get(key);
      if (latest !== undefined) round = Math.max(round, latest + 1);
    }
    for (const key of keys) latestRound.set(key, round);
    const members = rounds[round] ?? [];
    members.push(item);
    rounds[round] = members;
  }
  return rounds;
}
