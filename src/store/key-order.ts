// Rows inserted in their key's order land next to each other in the index's B-tree; rows with
// random keys (UUIDv4s, HMACs) inserted as they come touch a different page each. Bulk writes
// sort by this before inserting.

/**
 * Compares two keys by their UTF-16 code units, as the engines' binary collation orders ASCII
 * keys (ids, hex and base64 HMACs); not locale-aware on purpose.
 *
 * @example rows.sort((a, b) => compareKeys(a.id, b.id));
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
